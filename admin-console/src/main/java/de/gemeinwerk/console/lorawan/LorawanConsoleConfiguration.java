package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.web.ConsoleNavigation;
import de.gemeinwerk.portal.web.MessageBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The LoRaWAN pages' place in the console's navigation (one entry; the pages have their own tabs) and their texts. */
@Configuration
class LorawanConsoleConfiguration {

    @Bean
    static ConsoleNavigation lorawanNavigation() {
        return new ConsoleNavigation(500, LorawanPaths.ROOT, "console.nav.lorawan");
    }

    @Bean
    MessageBundle lorawanMessages() {
        return new MessageBundle("console/lorawan/messages");
    }
}
