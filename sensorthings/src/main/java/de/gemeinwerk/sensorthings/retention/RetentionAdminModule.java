package de.gemeinwerk.sensorthings.retention;

import org.springframework.context.annotation.Import;

/**
 * What the retention commands need in the context of {@code admin} commands (passed to
 * {@link de.gemeinwerk.platform.admin.AdminCommand#run} by the server). Deliberately not a {@code @Configuration}: the
 * server's component scan must not pick it up, and the server has no use for the commands.
 */
@Import({ObservationRetention.class, RetentionPolicies.class, RetentionJob.class, RetentionCommands.class})
public class RetentionAdminModule {
}
