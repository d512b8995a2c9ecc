package de.gemeinwerk.platform.jobs;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.error.TransientDatabaseErrors;
import de.gemeinwerk.platform.error.UnexpectedErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Long operations of a tenant with real progress: a job goes through its items one by one on a virtual thread; each
 * item is the caller's unit of work (typically its own transaction), so what is done stays done and one failing
 * item becomes a per-item error instead of undoing the others. Progress reaches the job row at most every
 * {@link #PROGRESS_INTERVAL} — from one thread of this instance for all its jobs, so an item that takes long does
 * not stop the heartbeat, and a thousand quick items do not make a thousand writes.
 */
@Service
public class Jobs implements DisposableBean {

    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);
    /** How long a shutdown waits for running jobs to reach the end of their current item. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final int MAX_STARTED_BY = 200;
    /** Tries of an item that meets transient database failures, and the pause before the second. */
    static final int ATTEMPTS = 3;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** A job running on this instance, with what its progress writer last stored. */
    private static final class Running {
        final JobProgress progress = new JobProgress();
        volatile boolean stopping;
        volatile Thread thread;
        long storedVersion;
        long storedAtNanos = System.nanoTime();
    }

    private final JobStore store;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService progressWriter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("job-progress").factory());
    private volatile boolean closing;

    Jobs(JobStore store) {
        this.store = store;
        progressWriter.scheduleWithFixedDelay(this::storeProgress, PROGRESS_INTERVAL.toMillis(),
                PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a job over {@code items} and returns it as stored (state running, nothing done yet).
     *
     * @param kind      what it does, e.g. {@code lorawan-adoption}
     * @param startedBy who starts it, as the tenant's admins should read it
     * @param itemName  how an item is named in a per-item error
     * @param work      what to do with one item; an {@link ApiException} is that item's error (its message is kept),
     *                  anything else is logged with an error id, and the item's error names only the id
     */
    public <T> Job start(long tenantId, String kind, String startedBy, List<T> items, Function<T, String> itemName,
                         Consumer<T> work) {
        if (closing) {
            throw ApiException.serviceUnavailable("This instance is shutting down; please start the job again.");
        }
        if (startedBy == null || startedBy.isBlank()) {
            throw new IllegalArgumentException("a job needs to say who started it");
        }
        List<T> todo = List.copyOf(items);
        Job job = store.create(tenantId, kind, shorten(startedBy.strip()), todo.size());
        Running run = new Running();
        running.put(job.id(), run);
        if (closing) {
            // destroy() began between the check above and the put, and may have passed this job by: end it here
            running.remove(job.id());
            store.interrupt(List.of(job.id()));
            throw ApiException.serviceUnavailable("This instance is shutting down; please start the job again.");
        }
        run.thread = Thread.ofVirtual().name("job-" + job.id()).start(() -> run(job.id(), run, todo, itemName, work));
        return job;
    }

    /** The tenant's job; 404 when the tenant has none of this id (another tenant's job looks like a missing one). */
    public Job require(long tenantId, long id) {
        return store.find(tenantId, id).orElseThrow(() -> ApiException.notFound("There is no job " + id + "."));
    }

    /** The tenant's latest {@code limit} jobs, newest first. */
    public List<Job> recent(long tenantId, int limit) {
        return store.recent(tenantId, limit);
    }

    private <T> void run(long id, Running run, List<T> items, Function<T, String> itemName, Consumer<T> work) {
        JobState end = JobState.FINISHED;
        String failure = null;
        try {
            for (T item : items) {
                if (run.stopping) {
                    end = JobState.INTERRUPTED;
                    break;
                }
                handle(id, run.progress, item, itemName, work);
            }
        } catch (RuntimeException | Error e) {
            end = JobState.FAILED;
            failure = "The job broke off; please report error id " + UnexpectedErrors.log(e, "in job " + id)
                    + " to the operator.";
        }
        try {
            store.end(id, end, run.progress.snapshot(), failure);
        } catch (RuntimeException e) {
            // the row stays "running" without heartbeat, so it reads as interrupted once HEARTBEAT_LOST has passed
            log.warn("Job {} ended {} but that could not be stored: {}", id, end.value(), e.toString());
        } finally {
            running.remove(id);
        }
    }

    /**
     * Does one item; one that meets a deadlock with another writer, a serialization failure or a lock or statement
     * timeout is tried again — it was rolled back, and next time it will most likely go through. A lost connection is
     * not: the item's commit may have gone through before it broke, and a second attempt would then report a false
     * error (such as "registered already").
     */
    private static <T> void handle(long id, JobProgress progress, T item, Function<T, String> itemName,
                                   Consumer<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.accept(item);
                progress.succeeded();
                return;
            } catch (ApiException e) {
                progress.failed(new ItemError(itemName.apply(item), e.getMessage()));
                return;
            } catch (RuntimeException e) {
                if (TransientDatabaseErrors.isRolledBack(e)) {
                    if (attempt < ATTEMPTS) {
                        pause(attempt);
                        continue;
                    }
                    log.warn("Job {} gave up item {} after {} attempts: {}", id, itemName.apply(item), ATTEMPTS,
                            e.toString());
                    progress.failed(new ItemError(itemName.apply(item), "The database was busy or unavailable ("
                            + ATTEMPTS + " attempts); this item was not changed. Start the job again for it."));
                    return;
                }
                if (TransientDatabaseErrors.isTransient(e)) {
                    log.warn("Job {} lost the database at item {}: {}", id, itemName.apply(item), e.toString());
                    progress.failed(new ItemError(itemName.apply(item), "The database became unavailable during"
                            + " this item; check whether it was changed before starting the job again for it."));
                    return;
                }
                String errorId = UnexpectedErrors.log(e, "in job " + id + " at item " + itemName.apply(item));
                progress.failed(new ItemError(itemName.apply(item),
                        "An unexpected error occurred. Please report error id " + errorId + " to the operator."));
                return;
            }
        }
    }

    /** Waits a little longer after each failed attempt, so that a competing transaction can finish. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(RETRY_PAUSE.multipliedBy(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs every {@link #PROGRESS_INTERVAL}: stores what changed, and a heartbeat for what did not. */
    private void storeProgress() {
        long now = System.nanoTime();
        for (Map.Entry<Long, Running> entry : running.entrySet()) {
            Running run = entry.getValue();
            JobProgress.Snapshot progress = run.progress.snapshot();
            if (progress.version() == run.storedVersion && now - run.storedAtNanos < JobStore.HEARTBEAT.toNanos()) {
                continue;
            }
            try {
                store.progress(entry.getKey(), progress);
                run.storedVersion = progress.version();
                run.storedAtNanos = now;
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again; the next tick tries anew
                log.warn("Progress of job {} could not be stored: {}", entry.getKey(), e.toString());
            }
        }
    }

    /** Stops at the end of each job's current item; what is still running after {@link #STOP_WAIT} is marked. */
    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        running.values().forEach(run -> run.stopping = true);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Running run : running.values()) {
            long left = deadline - System.nanoTime();
            if (left > 0 && run.thread != null) {
                run.thread.join(Duration.ofNanos(left));
            }
        }
        progressWriter.shutdownNow();
        if (!running.isEmpty()) {
            store.interrupt(running.keySet());
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_STARTED_BY ? text : text.substring(0, MAX_STARTED_BY - 1) + "…";
    }
}
