package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.webhook.Webhooks;
import org.springframework.context.annotation.Import;

/**
 * What the LoRaWAN commands need in the context of {@code admin} commands (passed to
 * {@link de.gemeinwerk.platform.admin.AdminCommand#run} by the server). Deliberately not a {@code @Configuration}: the
 * server's component scan must not pick it up, and the server has no use for the commands.
 */
@Import({Webhooks.class, LorawanCommands.class})
public class LorawanAdminModule {
}
