package de.gemeinwerk.platform;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a browser test script of the root folder {@code browser-tests/} (playwright-core driving Debian's Chromium,
 * axe-core; see its {@code harness.mjs}) with Node against the running application, and fails with the script's
 * output when the script does. Screenshots go to {@code target/screenshots} of the module, so a test run leaves the
 * working tree clean; {@code -Dgemeinwerk.screenshots=$PWD/docs/screenshots} renews the README's.
 */
public final class BrowserScript {

    /** The npm project, seen from a module's folder (where Maven runs its tests). */
    public static final Path FOLDER = Path.of("../browser-tests");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's Firefox ESR, for the walks that check the pages in Firefox as well. */
    public static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    public static final Path SCREENSHOTS = Path.of(System.getProperty("gemeinwerk.screenshots", "target/screenshots"));
    private static final long TIMEOUT_MINUTES = 5;

    private BrowserScript() {}

    /**
     * Runs {@code node <script> <config as JSON>} in {@link #FOLDER}; {@code config} gets {@code chromium},
     * {@code firefox} and {@code screenshots} added. Passes when the script exits 0 and prints {@code passedLine}.
     */
    public static void run(String script, Map<String, Object> config, String passedLine)
            throws IOException, InterruptedException {
        assertThat(CHROMIUM).as("Chromium is needed (./gemeinwerk test installs it: apt-get install chromium)")
                .isExecutable();
        assertThat(FOLDER.resolve("node_modules/playwright-core")).as("npm ci ran in browser-tests/").isDirectory();
        Map<String, Object> full = new LinkedHashMap<>(config);
        full.put("chromium", CHROMIUM.toString());
        full.put("firefox", FIREFOX.toString());
        full.put("screenshots", SCREENSHOTS.toAbsolutePath().normalize().toString());
        Process node = new ProcessBuilder("node", script, JsonMapper.builder().build().writeValueAsString(full))
                .directory(FOLDER.toFile()).redirectErrorStream(true).start();
        // read while it runs, so a full pipe never blocks the script
        byte[] output = node.getInputStream().readAllBytes();
        boolean finished = node.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        String printed = new String(output, StandardCharsets.UTF_8);
        assertThat(finished).as("%s did not finish in %d minutes:%n%s", script, TIMEOUT_MINUTES, printed).isTrue();
        assertThat(node.exitValue()).as("%s failed:%n%s", script, printed).isZero();
        assertThat(printed).contains(passedLine);
    }
}
