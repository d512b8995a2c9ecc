package de.gemeinwerk.server.demo.lorawan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The fleet at work, one tick at a time: registers (once, and again when Gemeinwerk no longer accepts a secret) one
 * webhook per network server and the devices through the admin API, then posts each device's next uplink through the
 * real webhooks, alternating ChirpStack and The Things Stack, with and without the network server's decoded object.
 * A failure is logged once per kind, not every tick; the next tick tries again.
 */
final class FleetRun {

    static final Map<WebhookFormat, String> WEBHOOK_NAMES = Map.of(
            WebhookFormat.CHIRPSTACK, "Demo: ChirpStack der Stadtwerke",
            WebhookFormat.THE_THINGS_STACK, "Demo: The Things Stack");
    /** The stranger sends on the first ticks of each run only, so its quarantine entry does not grow without end. */
    static final int STRANGER_UPLINKS = 3;
    private static final Logger log = LoggerFactory.getLogger(FleetRun.class);
    // frame counters continue across restarts without being stored: they count seconds since this moment
    private static final Instant COUNTING_SINCE = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<SimulatedUplink.Reception> GATEWAYS = List.of(
            new SimulatedUplink.Reception("AC1F09FFFE0D0001", -80, 7.5),
            new SimulatedUplink.Reception("AC1F09FFFE0D0002", -95, 2.0));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String server;
    private final String tenant;
    private final Supplier<String> adminKey;
    private final FleetSecrets secrets;
    private final List<FleetDevice> devices = FleetDevice.town();
    private final FleetDevice stranger = FleetDevice.stranger();
    private final Map<String, Long> frameCounters = new ConcurrentHashMap<>();
    private final Random random = new Random();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private Map<WebhookFormat, String> webhookSecrets;
    private int tick;

    /** {@code adminKey} is asked for only when registering: the key file may be written after the fleet starts. */
    FleetRun(String server, String tenant, Supplier<String> adminKey, FleetSecrets secrets) {
        this.server = server;
        this.tenant = tenant;
        this.adminKey = adminKey;
        this.secrets = secrets;
    }

    int deviceCount() {
        return devices.size();
    }

    void tick(Instant now) throws InterruptedException {
        if (webhookSecrets == null) {
            try {
                webhookSecrets = register();
                log.info("Demo LoRaWAN fleet of '{}': {} devices post uplinks to {}{} and {}{}", tenant, devices.size(),
                        server, WebhookFormat.CHIRPSTACK.uplinkPath(tenant), server,
                        WebhookFormat.THE_THINGS_STACK.uplinkPath(tenant));
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // the application stops while registering: nothing went wrong
                    throw new InterruptedException();
                }
                reportOnce("registration", "Demo LoRaWAN fleet: could not register webhooks and devices (tried again"
                        + " every tick, logged once): " + e.getMessage());
                return;
            }
        }
        for (int i = 0; i < devices.size(); i++) {
            send(devices.get(i), i, now);
        }
        if (tick < STRANGER_UPLINKS) {
            send(stranger, devices.size(), now);
        }
        tick++;
    }

    /**
     * Registers what is missing and reuses what exists: a webhook whose secret is stored is kept; one whose secret is
     * lost is replaced; devices are registered once.
     */
    Map<WebhookFormat, String> register() {
        LorawanAdminClient admin = new LorawanAdminClient(server, tenant, adminKey.get());
        Set<Long> existing = new HashSet<>();
        admin.list("webhooks").forEach(webhook -> existing.add(webhook.get("id").asLong()));
        Map<WebhookFormat, String> registered = new EnumMap<>(WebhookFormat.class);
        for (WebhookFormat format : WebhookFormat.values()) {
            String id = secrets.get(format.networkServer() + ".id");
            String secret = secrets.get(format.networkServer() + ".secret");
            if (id == null || secret == null || !existing.contains(Long.parseLong(id))) {
                deleteByName(admin, WEBHOOK_NAMES.get(format));
                LorawanAdminClient.Webhook created = admin.createWebhook(WEBHOOK_NAMES.get(format), format);
                secrets.put(format.networkServer() + ".secret", created.secret());
                secrets.put(format.networkServer() + ".id", Long.toString(created.id()));
                secret = created.secret();
            }
            registered.put(format, secret);
        }
        Map<String, Long> types = admin.deviceTypeIds();
        Set<String> known = new HashSet<>();
        admin.list("devices").forEach(device -> known.add(device.get("devEui").asString().toLowerCase(Locale.ROOT)));
        for (FleetDevice device : devices) {
            if (!known.contains(device.devEui().toLowerCase(Locale.ROOT))) {
                Long type = types.get(device.deviceType());
                if (type == null) {
                    throw new IllegalStateException("the built-in device type " + device.deviceType() + " is missing");
                }
                admin.registerDevice(device.devEui(), device.name(), device.description(), type, device.lon(),
                        device.lat());
            }
        }
        return registered;
    }

    /** A webhook of the fleet whose secret was lost cannot be used: it goes, a new one replaces it. */
    private static void deleteByName(LorawanAdminClient admin, String name) {
        for (JsonNode webhook : admin.list("webhooks")) {
            if (webhook.get("name").asString().equals(name)) {
                admin.delete("webhooks", webhook.get("id").asString());
            }
        }
    }

    private void send(FleetDevice device, int index, Instant now) throws InterruptedException {
        SensorPayload payload = device.simulation().next(now, random);
        if (payload == null || webhookSecrets == null) {
            return;
        }
        long fCnt = frameCounters.merge(device.devEui(), Duration.between(COUNTING_SINCE, now).toSeconds(),
                (last, start) -> last + 1);
        SimulatedUplink.Reception gateway = GATEWAYS.get(index % GATEWAYS.size());
        SimulatedUplink uplink = new SimulatedUplink(device.devEui(), device.name(), fCnt, now, payload,
                new SimulatedUplink.Reception(gateway.gatewayEui(), gateway.rssi() - index % 7 + random.nextInt(5),
                        Math.round((gateway.snr() + random.nextGaussian()) * 10) / 10.0));
        // alternating formats, and every third uplink raw, so Gemeinwerk's own decoders run as well
        WebhookFormat format = WebhookFormat.values()[(tick + index) % 2];
        boolean decoded = (tick + index) % 3 != 2;
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + format.uplinkPath(tenant)))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", format.authorization(webhookSecrets.get(format)))
                .POST(HttpRequest.BodyPublishers.ofString(format.body(uplink, decoded))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                // the webhook was deleted or replaced by an administrator: register anew on the next tick
                webhookSecrets = null;
            }
            if (response.statusCode() != 200) {
                reportOnce("status " + response.statusCode(), "Demo LoRaWAN fleet: the " + format.networkServer()
                        + " webhook answered " + response.statusCode() + " (logged once): " + response.body());
            }
        } catch (IOException e) {
            reportOnce(e.getClass().getName(), "Demo LoRaWAN fleet: posting an uplink failed (logged once): " + e);
        }
    }

    private void reportOnce(String kind, String message) {
        if (reported.add(kind)) {
            log.warn(message);
        }
    }
}
