package de.gemeinwerk.server.demo.lorawan;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.server.demo.DemoMunicipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo municipality's simulated LoRaWAN fleet (README, "Quick start"): once the web server is up, a background thread
 * registers webhooks and devices through the admin API and then, every {@code gemeinwerk.demo.lorawan.interval},
 * posts the devices' uplinks through the real webhook endpoints over HTTP — so the first start shows live data that
 * took the same way as a network server's. It never delays or fails the start: all of it happens after it.
 */
@Component
@ConditionalOnProperty(name = "gemeinwerk.demo.enabled", havingValue = "true")
@ConditionalOnProperty(name = "gemeinwerk.demo.lorawan.enabled", havingValue = "true", matchIfMissing = true)
public class DemoLorawanFleet {

    private static final Logger log = LoggerFactory.getLogger(DemoLorawanFleet.class);

    private final Tenants tenants;
    private final ApiKeys apiKeys;
    private final Path dataDir;
    private final Duration interval;
    private volatile Thread runner;

    public DemoLorawanFleet(Tenants tenants, ApiKeys apiKeys, @Value("${gemeinwerk.data-dir:./data}") Path dataDir,
                            @Value("${gemeinwerk.demo.lorawan.interval:30s}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("gemeinwerk.demo.lorawan.interval must be positive, was " + interval);
        }
        this.tenants = tenants;
        this.apiKeys = apiKeys;
        this.dataDir = dataDir;
        this.interval = interval;
    }

    @EventListener
    public void start(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (port == null) {
            log.info("Demo LoRaWAN fleet: no web server, so no fleet");
            return;
        }
        FleetSecrets secrets = new FleetSecrets(dataDir);
        FleetRun run = new FleetRun("http://" + host(environment.getProperty("server.address")) + ":" + port,
                DemoMunicipality.SLUG, () -> adminKey(secrets), secrets);
        runner = Thread.ofVirtual().name("demo-lorawan-fleet").start(() -> {
            boolean failed = false;
            try {
                while (true) {
                    try {
                        run.tick(Instant.now());
                    } catch (RuntimeException e) {
                        if (!failed) {
                            log.warn("Demo LoRaWAN fleet: a tick failed (logged once)", e);
                            failed = true;
                        }
                    }
                    Thread.sleep(interval);
                }
            } catch (InterruptedException e) {
                // the application stops
            }
        });
    }

    /** Where the web server listens: loopback, unless it is bound to one address only. */
    private static String host(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank() || serverAddress.equals("0.0.0.0")
                || serverAddress.equals("::")) {
            return "127.0.0.1";
        }
        return serverAddress.contains(":") ? "[" + serverAddress + "]" : serverAddress;
    }

    /**
     * The demo's admin key from its file; if that was removed, a key of the fleet's own (made once, kept with the
     * webhook secrets): the fleet uses the admin API like any administrator, and a key is what that takes.
     */
    private String adminKey(FleetSecrets secrets) {
        Path file = dataDir.resolve(DemoMunicipality.KEY_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        if (secrets.get("admin-key") == null) {
            long tenant = tenants.find(DemoMunicipality.SLUG).orElseThrow().id();
            secrets.put("admin-key", apiKeys.create(tenant, "Demo-LoRaWAN-Flotte", Role.ADMIN).key());
        }
        return secrets.get("admin-key");
    }

    /** Stops before the web server does (which stops with the lifecycle beans, after this event): no failed posts. */
    @EventListener(ContextClosedEvent.class)
    public void stop() throws InterruptedException {
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));
        }
    }
}
