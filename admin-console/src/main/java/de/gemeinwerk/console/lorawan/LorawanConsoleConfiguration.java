package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.jobs.JobResultPage;
import de.gemeinwerk.console.web.ConsoleNavigation;
import de.gemeinwerk.lorawan.imports.DeviceImport;
import de.gemeinwerk.lorawan.quarantine.BulkAdoption;
import de.gemeinwerk.portal.web.MessageBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The LoRaWAN pages' place in the console's navigation (one entry; the pages have their own tabs), where their jobs'
 * results are shown, and their texts.
 */
@Configuration
class LorawanConsoleConfiguration {

    @Bean
    static ConsoleNavigation lorawanNavigation() {
        return new ConsoleNavigation(500, LorawanPaths.ROOT, "console.nav.lorawan");
    }

    @Bean
    static JobResultPage adoptionResults() {
        return new JobResultPage(BulkAdoption.KIND, LorawanPaths.DEVICES);
    }

    @Bean
    static JobResultPage importResults() {
        return new JobResultPage(DeviceImport.KIND, LorawanPaths.DEVICES);
    }

    @Bean
    MessageBundle lorawanMessages() {
        return new MessageBundle("console/lorawan/messages");
    }
}
