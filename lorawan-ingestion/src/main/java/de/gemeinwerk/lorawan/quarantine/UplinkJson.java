package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.uplink.RadioReception;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.lorawan.uplink.UplinkLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An {@link Uplink} as kept in the quarantine, so that adopting the device replays exactly what arrived. Our own
 * format (not the network server's): every uplink is kept the same way whichever server and receiver delivered it.
 * The payload is base64; the decoded object, if any, is kept as it came.
 */
public final class UplinkJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private UplinkJson() {
    }

    public static ObjectNode write(Uplink uplink) {
        ObjectNode json = NODES.objectNode();
        json.put("networkServer", NetworkServerNames.name(uplink.networkServer()));
        json.put("devEui", uplink.devEui());
        json.put("deviceName", uplink.deviceName());
        json.put("time", uplink.time().toString());
        json.put("fCnt", uplink.fCnt());
        json.put("fPort", uplink.fPort());
        json.put("payload", Base64.getEncoder().encodeToString(uplink.payload()));
        json.set("decoded", uplink.decoded());
        json.put("deduplicationKey", uplink.deduplicationKey());
        ArrayNode receptions = json.putArray("receptions");
        for (RadioReception reception : uplink.receptions()) {
            receptions.addObject().put("gatewayId", reception.gatewayId()).put("rssi", reception.rssi())
                    .put("snr", reception.snr());
        }
        UplinkLocation location = uplink.location();
        if (location != null) {
            json.putObject("location").put("latitude", location.latitude()).put("longitude", location.longitude())
                    .put("altitude", location.altitude());
        }
        return json;
    }

    public static Uplink read(JsonNode json) {
        List<RadioReception> receptions = new ArrayList<>();
        for (JsonNode reception : json.path("receptions")) {
            receptions.add(new RadioReception(text(reception.get("gatewayId")), integer(reception.get("rssi")),
                    number(reception.get("snr"))));
        }
        JsonNode location = json.get("location");
        JsonNode decoded = json.get("decoded");
        return new Uplink(NetworkServerNames.parse(json.get("networkServer").asString(), "networkServer"),
                json.get("devEui").asString(), text(json.get("deviceName")),
                Instant.parse(json.get("time").asString()),
                json.get("fCnt").isNull() ? null : json.get("fCnt").asLong(), integer(json.get("fPort")),
                Base64.getDecoder().decode(json.get("payload").asString()),
                decoded instanceof ObjectNode object ? object : null, json.get("deduplicationKey").asString(),
                receptions, location == null ? null : new UplinkLocation(location.get("latitude").asDouble(),
                location.get("longitude").asDouble(), number(location.get("altitude"))));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
