package de.gemeinwerk.portal;

import de.gemeinwerk.platform.BrowserScript;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's path in Firefox too: {@code browser-tests/portal-firefox.test.mjs} drives Debian's firefox-esr with
 * puppeteer-core (WebDriver BiDi) through the landing page, start page, map (filter, a live update) and a Thing page,
 * with the same axe-core and keyboard checks as the Chromium walk, and at phone width.
 */
class PortalFirefoxTest extends PortalTestBase {

    @Test
    void citizensPathWorksInFirefox() throws IOException, InterruptedException {
        assertThat(BrowserScript.FIREFOX).as("Firefox is needed (./gemeinwerk test installs it: apt-get install"
                + " firefox-esr)").isExecutable();
        PortalSeed seed = seed("firefox");
        BrowserScript.run("portal-firefox.test.mjs", Map.of(
                "baseUrl", "http://127.0.0.1:" + port,
                "tenant", seed.sta.tenant().slug(),
                "key", seed.sta.key(),
                "datastream", seed.waterLevel), "portal Firefox test passed");
    }
}
