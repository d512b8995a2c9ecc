package de.gemeinwerk.portal.live;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many live streams this instance keeps open at once. Each open map holds a connection for minutes, and the pages
 * are public: without a bound, a few clients could hold every connection the server has. Beyond it a map gets a 503
 * and its EventSource tries again later, while the page itself keeps working without live values. Thread-safe.
 */
final class StreamBudget {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    StreamBudget(int max) {
        this.max = max;
    }

    /** Takes one stream from the budget; false when all are taken. */
    boolean take() {
        while (true) {
            int now = open.get();
            if (now >= max) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back one stream that ended. */
    void giveBack() {
        open.decrementAndGet();
    }
}
