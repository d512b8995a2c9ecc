package de.gemeinwerk.server;

import de.gemeinwerk.lorawan.admin.LorawanAdminModule;
import de.gemeinwerk.platform.admin.AdminCommand;
import de.gemeinwerk.sensorthings.retention.RetentionAdminModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Gemeinwerk: one server for the municipalities that share it. {@code java -jar gemeinwerk.jar} starts it;
 * {@code java -jar gemeinwerk.jar admin ...} runs an administration command (tenants, API keys, Observation retention, LoRaWAN webhooks) instead.
 */
@SpringBootApplication(scanBasePackages = "de.gemeinwerk")
public class GemeinwerkApplication {

    public static void main(String[] args) {
        if (AdminCommand.isAdminCommand(args)) {
            System.exit(AdminCommand.run(args, System.out, System.err, RetentionAdminModule.class,
                    LorawanAdminModule.class));
        }
        SpringApplication.run(GemeinwerkApplication.class, args);
    }
}
