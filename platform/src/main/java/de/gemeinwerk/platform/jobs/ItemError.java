package de.gemeinwerk.platform.jobs;

/**
 * Why one item of a job failed.
 *
 * @param item    which item, in the words of the job's kind (a DevEUI, "line 7 (a840415f31000001)")
 * @param message what went wrong, as an API error would say it
 */
public record ItemError(String item, String message) {
}
