package de.gemeinwerk.platform.tenant;

/**
 * A municipality (or other body) sharing this installation.
 *
 * @param slug         its name in URLs, e.g. {@code /musterstadt/...}: lowercase letters, digits and '-', 2 to 40 long
 * @param privateReads whether reading its data needs an API key (by default reads are public)
 */
public record Tenant(long id, String slug, String name, boolean privateReads) {
}
