package de.gemeinwerk.portal.web;

/**
 * A module's texts for the pages ({@code basename_de.properties}, {@code basename_en.properties} on the class path):
 * every bean of this type joins the one message source of the portal and the admin console, so a module adds its
 * pages' texts without editing another's files. Keys start with the module's prefix ({@code console.}), since the
 * first bundle that has a key wins.
 */
public record MessageBundle(String basename) {
}
