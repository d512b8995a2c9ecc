package de.gemeinwerk.console.jobs;

/**
 * Where the result of one kind of job can be seen, for the job page's "done" link. A package whose jobs the console
 * shows declares one bean per kind (using the kind's own constant), so this package names no other package's jobs.
 *
 * @param kind the job's kind, as {@link de.gemeinwerk.platform.jobs.Jobs#start} was given it
 * @param page below the console root {@code /{tenant}/verwaltung/}
 */
public record JobResultPage(String kind, String page) {
}
