package de.gemeinwerk.platform.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of a running job, written by its thread and read by the thread that stores progress. Errors are bounded:
 * a CSV of 10,000 bad rows must not make a 10,000-entry row that every progress read drags along; the count stays
 * exact.
 */
final class JobProgress {

    static final int MAX_ERRORS = 100;

    /** What is stored: the counters and the kept errors at one moment, and that moment's version. */
    record Snapshot(int done, int failed, List<ItemError> errors, long version) {
    }

    private int done;
    private int failed;
    private final List<ItemError> errors = new ArrayList<>();
    private long version;

    synchronized void succeeded() {
        done++;
        version++;
    }

    synchronized void failed(ItemError error) {
        done++;
        failed++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
        version++;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(done, failed, List.copyOf(errors), version);
    }
}
