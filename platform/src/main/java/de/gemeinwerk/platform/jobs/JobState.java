package de.gemeinwerk.platform.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a job stands. {@link #FINISHED} means every item was handled — some may have failed, which the job's
 * {@code failed} count and errors say; {@link #FAILED} means the job itself broke off (a bug, the database gone);
 * {@link #INTERRUPTED} means its instance stopped (shut down, or died: its heartbeat stood still) before the end.
 */
public enum JobState {
    RUNNING, FINISHED, FAILED, INTERRUPTED;

    /** The name in the database and the API: {@code running}, {@code finished}, {@code failed}, {@code interrupted}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobState parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
