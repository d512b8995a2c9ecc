package de.gemeinwerk.console.lorawan;

/** The LoRaWAN pages' paths below the console root {@code /{tenant}/verwaltung/} (German, like the portal's). */
final class LorawanPaths {

    static final String ROOT = "lorawan";
    static final String DEVICES = ROOT + "/geraete";
    static final String IMPORT = DEVICES + "/import";
    static final String TYPES = ROOT + "/geraetetypen";
    static final String CONNECTIONS = ROOT + "/verbindungen";
    static final String QUARANTINE = ROOT + "/quarantaene";
    /** Request mappings start with this; the tenant is a path variable the sign-in check resolves. */
    static final String PAGES = "/{tenant}/verwaltung/";

    private LorawanPaths() {
    }

    /** A redirect (303, see the console's configuration) to a page below the tenant's console root. */
    static String redirect(String console, String path) {
        return "redirect:" + console + path;
    }
}
