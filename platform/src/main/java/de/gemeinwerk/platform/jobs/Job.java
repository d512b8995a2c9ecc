package de.gemeinwerk.platform.jobs;

import java.time.Instant;
import java.util.List;

/**
 * A long operation of a tenant as its admins see it.
 *
 * @param kind          what it does, e.g. {@code lorawan-adoption}
 * @param done          items handled so far, the failed ones included; {@code done == total} once all are handled
 * @param failed        how many of them failed
 * @param errors        the first {@link JobProgress#MAX_ERRORS} per-item errors, in the order they happened
 * @param errorsOmitted failed items whose error is not in {@code errors} (beyond the bound)
 * @param failure       why the job as a whole failed; null unless {@code state} is {@link JobState#FAILED}
 * @param startedBy     who started it (an API key's or a staff member's name)
 * @param finishedAt    null while running (and for a job whose instance died)
 */
public record Job(long id, String kind, JobState state, int total, int done, int failed, List<ItemError> errors,
                  int errorsOmitted, String failure, String startedBy, Instant startedAt, Instant finishedAt) {

    /** Whether the job still runs (so a page showing it should keep refreshing). */
    public boolean running() {
        return state == JobState.RUNNING;
    }

    /** Handled items in whole percent, 100 for a job without items. */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }
}
