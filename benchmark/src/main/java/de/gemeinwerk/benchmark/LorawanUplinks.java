package de.gemeinwerk.benchmark;

import de.gemeinwerk.server.demo.lorawan.Em500SwlPayload;
import de.gemeinwerk.server.demo.lorawan.Em500UdlPayload;
import de.gemeinwerk.server.demo.lorawan.Laq4Payload;
import de.gemeinwerk.server.demo.lorawan.LorawanAdminClient;
import de.gemeinwerk.server.demo.lorawan.Nps405ParkingStatus;
import de.gemeinwerk.server.demo.lorawan.SensorPayload;
import de.gemeinwerk.server.demo.lorawan.SimulatedUplink;
import de.gemeinwerk.server.demo.lorawan.WebhookFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's registered LoRaWAN devices (the four built-in types in turn) and their uplinks as webhook requests,
 * written by the demo fleet's encoders and body writers. Each device's frame counter keeps rising across runs, so
 * every uplink is a different one (device and frame counter identify it in the check for lost data).
 */
final class LorawanUplinks {

    /** The device types' keys in the order devices take them. */
    private static final List<String> TYPES = List.of("milesight-em500-udl", "milesight-em500-swl", "dragino-laq4",
            "nwave-nps405");
    private static final SimulatedUplink.Reception GATEWAY = new SimulatedUplink.Reception("AC1F09FFFE0B0001", -91, 6.5);

    /**
     * One webhook request: path with query, the Authorization header line, the body; {@code copy}: the second post of
     * the same request, which is sent even when time is up, so that a run never ends between the two.
     */
    record Request(String path, String headers, String body, boolean copy) {}

    private final String tenant;
    private final Map<WebhookFormat, String> secrets;
    private final long[] frameCounters;
    private int cursor;

    private LorawanUplinks(String tenant, Map<WebhookFormat, String> secrets, int devices) {
        this.tenant = tenant;
        this.secrets = secrets;
        this.frameCounters = new long[devices];
    }

    static LorawanUplinks register(LorawanAdminClient admin, int devices, String tenant,
                                   Map<WebhookFormat, String> secrets) {
        Map<String, Long> typeIds = admin.deviceTypeIds();
        for (int i = 0; i < devices; i++) {
            String type = TYPES.get(i % TYPES.size());
            Long typeId = typeIds.get(type);
            if (typeId == null) {
                throw new IllegalStateException("the built-in device type " + type + " is missing: " + typeIds.keySet());
            }
            admin.registerDevice(devEui(i), "Sensor " + i, "Benchmark", typeId, 9.40 + i % 100 * 0.002,
                    51.25 + i / 100 * 0.002);
        }
        return new LorawanUplinks(tenant, secrets, devices);
    }

    private static String devEui(int device) {
        return String.format("70B3D5BE%02X%06X", device % TYPES.size(), device);
    }

    /**
     * The next {@code count} uplinks, devices in turn, formats alternating; {@code decoded}: with the network server's
     * decoded object; {@code twice}: each request appears twice in a row (two clients post it at the same moment).
     */
    List<Request> next(int count, boolean decoded, boolean twice) {
        List<Request> requests = new ArrayList<>(twice ? 2 * count : count);
        Instant start = Instant.now();
        for (int k = 0; k < count; k++) {
            int device = cursor++ % frameCounters.length;
            long fCnt = ++frameCounters[device];
            SimulatedUplink uplink = new SimulatedUplink(devEui(device), "Sensor " + device, fCnt, start.plusMillis(k),
                    payload(device, fCnt), GATEWAY);
            WebhookFormat format = WebhookFormat.values()[k % 2];
            Request request = new Request(format.uplinkPath(tenant),
                    "Authorization: " + format.authorization(secrets.get(format)) + "\r\n", format.body(uplink, decoded),
                    false);
            requests.add(request);
            if (twice) {
                requests.add(new Request(request.path(), request.headers(), request.body(), true));
            }
        }
        return requests;
    }

    /** Values that vary from uplink to uplink within each field's range. */
    private static SensorPayload payload(int device, long fCnt) {
        int n = (int) (fCnt % 1000);
        return switch (device % TYPES.size()) {
            case 0 -> new Em500UdlPayload(90 + n % 10, 300 + (device * 37 + n * 11) % 900);
            case 1 -> new Em500SwlPayload(80 + n % 20, 50 + (device + n) % 100);
            case 2 -> new Laq4Payload(3300 + n % 30, false, 50 + n % 100, 420 + (device + n) % 600, 200 + n % 30,
                    450 + n % 50);
            default -> Nps405ParkingStatus.after(n % 2 == 0, Duration.ofMinutes((device + n) % 300));
        };
    }
}
