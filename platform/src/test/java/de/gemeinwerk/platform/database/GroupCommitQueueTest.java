package de.gemeinwerk.platform.database;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitQueueTest {

    @Test
    void whatQueuesWhileAGroupIsWrittenIsTheNextGroupUpToItsMaximum() throws Exception {
        CountDownLatch firstGroupTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> groups = new CopyOnWriteArrayList<>();
        GroupCommitQueue<Integer> queue = new GroupCommitQueue<>("test-writer", 1, 100, 3, group -> {
            groups.add(List.copyOf(group));
            firstGroupTaken.countDown();
            await(release);
        });
        assertThat(queue.offer(0)).isTrue();
        assertThat(firstGroupTaken.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 5; i++) {
            assertThat(queue.offer(i)).isTrue(); // gather while group [0] is being written
        }
        release.countDown();
        assertThat(queue.close(Duration.ofSeconds(5))).isEmpty();
        assertThat(groups).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5));
    }

    @Test
    void aFullQueueAndAClosedOneRefuseAndCloseReturnsWhatWasNotWritten() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        GroupCommitQueue<Integer> queue = new GroupCommitQueue<>("test-writer", 1, 2, 1, group -> {
            await(release);
            written.addAll(group);
        });
        assertThat(queue.offer(1)).isTrue();
        Thread.sleep(300); // the writer takes 1 and waits
        assertThat(queue.offer(2)).isTrue();
        assertThat(queue.offer(3)).isTrue();
        assertThat(queue.offer(4)).as("full").isFalse();
        assertThat(queue.remove(3)).as("not taken yet").isTrue();
        List<Integer> left = new ArrayList<>(queue.close(Duration.ofMillis(300)));
        assertThat(queue.offer(5)).as("closed").isFalse();
        assertThat(left).containsExactly(2);
        release.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
