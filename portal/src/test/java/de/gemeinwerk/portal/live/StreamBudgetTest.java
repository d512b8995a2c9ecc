package de.gemeinwerk.portal.live;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StreamBudgetTest {

    @Test
    void refusesBeyondItsSizeUntilAStreamEnds() {
        StreamBudget budget = new StreamBudget(2);
        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isFalse();
        budget.giveBack();
        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isFalse();
    }

    @Test
    void neverGivesMoreThanItsSizeToConcurrentTakers() throws Exception {
        StreamBudget budget = new StreamBudget(100);
        AtomicInteger taken = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            Future<?>[] all = new Future<?>[8];
            for (int t = 0; t < all.length; t++) {
                all[t] = threads.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        if (budget.take()) {
                            taken.incrementAndGet();
                        }
                    }
                });
            }
            for (Future<?> future : all) {
                future.get();
            }
        }
        assertThat(taken).hasValue(100);
    }
}
