package de.gemeinwerk.platform.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Group commit: producers queue items and wait for their own outcome; writer threads take everything queued meanwhile
 * (up to {@code maxGroup}) and hand it to {@code writeGroup}, which stores it together — one round trip and one WAL
 * flush for the whole group. There is no artificial delay: while one group is written the next gathers by itself, so
 * groups grow exactly as fast as load does. The queue is bounded: when it is full the database cannot keep up, and
 * refusing (a 503 the client retries) is better than queueing without bound.
 */
public final class GroupCommitQueue<T> {

    /** How often an idle writer looks whether it should stop: also the longest a queued item waits to be taken. */
    public static final Duration IDLE_POLL = Duration.ofMillis(200);

    private final BlockingQueue<T> queue;
    private final int maxGroup;
    private final Consumer<List<T>> writeGroup;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param name       the writer threads' name prefix
     * @param writers    threads writing groups. One is best unless the database has cores and disks to spare: an idle
     *                   second writer takes the next item alone instead of letting a group gather
     * @param capacity   items that may wait
     * @param maxGroup   the most items in one group
     * @param writeGroup stores a group and settles each item's outcome; must not throw
     */
    public GroupCommitQueue(String name, int writers, int capacity, int maxGroup, Consumer<List<T>> writeGroup) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxGroup = maxGroup;
        this.writeGroup = writeGroup;
        for (int i = 0; i < writers; i++) {
            this.writers.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::writeGroups));
        }
    }

    /** Queues the item; false when the queue is full or closed — the caller refuses it. */
    public boolean offer(T item) {
        return !closed && queue.offer(item);
    }

    /** Takes back an item no writer has taken yet (it waited too long); false when a writer has it. */
    public boolean remove(T item) {
        return queue.remove(item);
    }

    /**
     * Stops taking items, lets the writers store what is queued for at most {@code wait}, ends them and returns the
     * items that are left unwritten (the caller fails them).
     */
    public List<T> close(Duration wait) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread writer : writers) {
            writer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        List<T> left = new ArrayList<>();
        queue.drainTo(left);
        return left;
    }

    private void writeGroups() {
        List<T> group = new ArrayList<>(maxGroup);
        while (true) {
            T first;
            try {
                first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            group.add(first);
            queue.drainTo(group, maxGroup - 1);
            writeGroup.accept(group);
            group.clear();
        }
    }
}
