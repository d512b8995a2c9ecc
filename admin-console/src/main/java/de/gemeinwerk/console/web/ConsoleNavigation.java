package de.gemeinwerk.console.web;

/**
 * An entry of the console's main navigation. Every bean of this type is shown, ordered by {@code order}, so a package
 * adds its pages to the navigation by declaring one (in any {@code @Configuration}) without editing a central list:
 * <pre>{@code @Bean ConsoleNavigation lorawanDevices() {
 *     return new ConsoleNavigation(500, "lorawan/geraete", "console.nav.lorawan.devices");
 * }}</pre>
 *
 * @param order      position: overview 100, Things 200, Datastreams 300, API keys 800, settings 900
 * @param path       below the console root {@code /{tenant}/verwaltung/}: "" for the overview, "dinge", …; the
 *                   entry is marked current on this page and the pages below it
 * @param messageKey the entry's text in the console's messages
 */
public record ConsoleNavigation(int order, String path, String messageKey) {
}
