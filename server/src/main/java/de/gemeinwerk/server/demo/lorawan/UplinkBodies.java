package de.gemeinwerk.server.demo.lorawan;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a simulated uplink as the two network servers post it (shapes as in the test data's {@code up-*.json} and
 * {@code uplink-*.json}): ChirpStack v4's HTTP integration event ({@code ?event=up}, Protobuf-JSON: lowercase EUIs,
 * a {@code deduplicationId} UUID, {@code +00:00} times, decoded numbers as doubles because they pass through
 * {@code google.protobuf.Struct}) and The Things Stack v3's uplink message (uppercase EUIs, {@code correlation_ids},
 * {@code Z} times, zero values omitted). Every call gets fresh message identities, so two bodies of one uplink are
 * two different messages; sending the same body twice is a retry.
 */
public final class UplinkBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter CHIRPSTACK_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String TENANT_ID = "0f6c2b4e-8d1a-4e2f-9b3c-5a7d9e1f3b20";
    private static final String APPLICATION_ID = "3e8a1c5d-7b2f-4a69-8c0e-2d4f6a8b0c13";
    private static final String TTS_APPLICATION = "gemeinwerk-demo";
    private static final long[] EU868_CHANNELS = {868_100_000, 868_300_000, 868_500_000};
    private static final int SPREADING_FACTOR = 7;
    // the time the network server takes between gateway and application, as in the samples
    private static final long NETWORK_SERVER_NANOS = 45_000_000;

    private UplinkBodies() {}

    /** The body of ChirpStack's {@code POST …?event=up}; with {@code object} when ChirpStack decoded it. */
    public static String chirpStack(SimulatedUplink uplink, boolean withObject) {
        String devEui = uplink.devEui().toLowerCase(Locale.ROOT);
        Model model = Model.of(uplink.payload());
        ObjectNode event = JSON.createObjectNode().put("deduplicationId", UUID.randomUUID().toString())
                .put("time", CHIRPSTACK_TIME.format(uplink.time()));
        event.putObject("deviceInfo").put("tenantId", TENANT_ID).put("tenantName", "Stadtwerke Musterstadt")
                .put("applicationId", APPLICATION_ID).put("applicationName", "Sensoren der Stadt")
                .put("deviceProfileId", model.profileId()).put("deviceProfileName", model.name())
                .put("deviceName", uplink.deviceName()).put("devEui", devEui).put("deviceClassEnabled", "CLASS_A")
                .putObject("tags");
        event.put("devAddr", devAddr(devEui)).put("adr", true).put("dr", 12 - SPREADING_FACTOR)
                .put("fCnt", uplink.fCnt()).put("fPort", uplink.payload().fPort()).put("confirmed", false)
                .put("data", Base64.getEncoder().encodeToString(uplink.payload().bytes()));
        if (withObject) {
            ObjectNode object = event.putObject("object");
            uplink.payload().decoded().forEach((field, value) -> put(object, field,
                    value instanceof Number number ? (Object) number.doubleValue() : value));
        }
        ObjectNode rx = event.putArray("rxInfo").addObject().put("gatewayId", uplink.gateway().gatewayEui().toLowerCase(Locale.ROOT))
                .put("uplinkId", (int) (uplink.fCnt() * 7919 & 0x7fffffff))
                .put("gwTime", CHIRPSTACK_TIME.format(uplink.time()))
                .put("nsTime", CHIRPSTACK_TIME.format(uplink.time().plusNanos(NETWORK_SERVER_NANOS)))
                .put("rssi", uplink.gateway().rssi()).put("snr", uplink.gateway().snr()).put("channel", channel(uplink))
                // the gateway's opaque context: its 32-bit concentrator counter at reception
                .put("context", Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4)
                        .putInt((int) uplink.time().toEpochMilli() * 1000).array()));
        rx.putObject("metadata").put("region_config_id", "eu868").put("region_common_name", "EU868");
        rx.put("crcStatus", "CRC_OK");
        event.putObject("txInfo").put("frequency", EU868_CHANNELS[channel(uplink)]).putObject("modulation")
                .putObject("lora").put("bandwidth", 125_000).put("spreadingFactor", SPREADING_FACTOR)
                .put("codeRate", "CR_4_5");
        event.put("regionConfigId", "eu868");
        return event.toString();
    }

    /** The body of The Things Stack's uplink-message webhook; with {@code decoded_payload} when a formatter ran. */
    public static String theThingsStack(SimulatedUplink uplink, boolean withDecodedPayload) {
        String devEui = uplink.devEui().toUpperCase(Locale.ROOT);
        Model model = Model.of(uplink.payload());
        Instant atApplicationServer = uplink.time().plusNanos(2 * NETWORK_SERVER_NANOS);
        ObjectNode message = JSON.createObjectNode();
        ObjectNode ids = message.putObject("end_device_ids").put("device_id", "eui-" + devEui.toLowerCase(Locale.ROOT));
        ids.putObject("application_ids").put("application_id", TTS_APPLICATION);
        ids.put("dev_eui", devEui).put("join_eui", "70B3D57ED0000000")
                .put("dev_addr", devAddr(devEui).toUpperCase(Locale.ROOT));
        message.putArray("correlation_ids").add("as:up:" + Ulid.at(atApplicationServer))
                .add("gs:uplink:" + Ulid.at(uplink.time()));
        message.put("received_at", atApplicationServer.toString());
        ObjectNode up = message.putObject("uplink_message").put("f_port", uplink.payload().fPort());
        if (uplink.fCnt() != 0) {
            up.put("f_cnt", uplink.fCnt());
        }
        up.put("frm_payload", Base64.getEncoder().encodeToString(uplink.payload().bytes()));
        if (withDecodedPayload) {
            ObjectNode decoded = up.putObject("decoded_payload");
            uplink.payload().decoded().forEach((field, value) -> put(decoded, field, value));
        }
        ArrayNode rxMetadata = up.putArray("rx_metadata");
        ObjectNode rx = rxMetadata.addObject();
        rx.putObject("gateway_ids").put("gateway_id", "eui-" + uplink.gateway().gatewayEui().toLowerCase(Locale.ROOT))
                .put("eui", uplink.gateway().gatewayEui().toUpperCase(Locale.ROOT));
        rx.put("time", uplink.time().toString()).put("rssi", uplink.gateway().rssi())
                .put("channel_rssi", uplink.gateway().rssi()).put("snr", uplink.gateway().snr());
        if (channel(uplink) != 0) {
            rx.put("channel_index", channel(uplink));
        }
        rx.put("received_at", uplink.time().plusNanos(NETWORK_SERVER_NANOS / 2).toString());
        ObjectNode settings = up.putObject("settings");
        settings.putObject("data_rate").putObject("lora").put("bandwidth", 125_000)
                .put("spreading_factor", SPREADING_FACTOR).put("coding_rate", "4/5");
        settings.put("frequency", Long.toString(EU868_CHANNELS[channel(uplink)])).put("time", uplink.time().toString());
        up.put("received_at", uplink.time().plusNanos(NETWORK_SERVER_NANOS).toString())
                .put("consumed_airtime", String.format(Locale.ROOT, "%.6fs", airtimeSeconds(uplink.payload().bytes().length)));
        up.putObject("version_ids").put("brand_id", model.brand()).put("model_id", model.model())
                .put("band_id", "EU_863_870");
        return message.toString();
    }

    private static void put(ObjectNode object, String field, Object value) {
        switch (value) {
            case null -> object.putNull(field);
            case Integer i -> object.put(field, i);
            case Long l -> object.put(field, l);
            case Double d -> object.put(field, d);
            case Boolean b -> object.put(field, b);
            default -> object.put(field, value.toString());
        }
    }

    private static int channel(SimulatedUplink uplink) {
        return (int) (uplink.fCnt() % EU868_CHANNELS.length);
    }

    /** A stable device address per device: the last four bytes of its EUI under NetID 0x13 (TTN's prefix 0x26). */
    private static String devAddr(String devEui) {
        return "26" + devEui.substring(10).toLowerCase(Locale.ROOT);
    }

    /** LoRa time on air (EU868, 125 kHz, CR 4/5, 8 preamble symbols, explicit header, CRC, 13 bytes of MAC frame). */
    static double airtimeSeconds(int payloadBytes) {
        double symbol = Math.pow(2, SPREADING_FACTOR) / 125_000;
        int frameBytes = payloadBytes + 13;
        double payloadSymbols = 8 + Math.max(Math.ceil((8.0 * frameBytes - 4 * SPREADING_FACTOR + 28 + 16)
                / (4 * SPREADING_FACTOR)) * 5, 0);
        return (8 + 4.25 + payloadSymbols) * symbol;
    }

    /** How the network servers know the device model: ChirpStack by its device profile, TTS by version ids. */
    private record Model(String name, String profileId, String brand, String model) {

        private static final Map<Class<?>, Model> MODELS = Map.of(
                Em500UdlPayload.class, new Model("Milesight EM500-UDL", "5d1e7b40-6a2f-4c1d-8e3b-90a1f2c3d501",
                        "milesight-iot", "em500-udl"),
                Em500SwlPayload.class, new Model("Milesight EM500-SWL", "5d1e7b40-6a2f-4c1d-8e3b-90a1f2c3d502",
                        "milesight-iot", "em500-swl"),
                Laq4Payload.class, new Model("Dragino LAQ4", "5d1e7b40-6a2f-4c1d-8e3b-90a1f2c3d503", "dragino", "laq4"),
                Nps405ParkingStatus.class, new Model("Nwave NPS405", "5d1e7b40-6a2f-4c1d-8e3b-90a1f2c3d504", "nwave",
                        "nps405sm"));

        static Model of(SensorPayload payload) {
            return MODELS.get(payload.getClass());
        }
    }
}
