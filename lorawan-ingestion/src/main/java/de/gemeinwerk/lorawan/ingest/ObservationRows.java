package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.uplink.RadioReception;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The Observations of one decoded uplink: one per mapped field present, at the uplink's time, with the radio facts
 * as {@code parameters}. Validated as a POST of each Observation would be, so a value SensorThings would refuse is
 * refused here, before anything is queued.
 */
public final class ObservationRows {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ObservationRows() {
    }

    public static List<ObservationInserts.Row> of(long tenantId, Uplink uplink, JsonNode decoded,
                                                  List<MappedDatastream> datastreams, OffsetDateTime now) {
        String time = uplink.time().toString();
        ObjectNode parameters = parameters(uplink);
        List<ObservationInserts.Row> rows = new ArrayList<>(datastreams.size());
        for (MappedDatastream datastream : datastreams) {
            JsonNode value = decoded.at(JsonPointer.compile(datastream.field()));
            if (value.isMissingNode() || value.isNull()) {
                continue; // this uplink does not carry the field (e.g. a heartbeat): no Observation, not an error
            }
            JsonNode result = scaled(value, datastream.scale());
            if (!rows.isEmpty()) {
                // same times and parameters as the first: only the result is converted again (a fifth of the CPU
                // of a webhook request went into parsing the same times and parameters once per Datastream)
                rows.add(ObservationInserts.sibling(rows.getFirst(), datastream.datastream(), result));
                continue;
            }
            ObjectNode observation = NODES.objectNode();
            observation.put("phenomenonTime", time);
            observation.put("resultTime", time);
            observation.set("result", result);
            observation.set("parameters", parameters);
            rows.add(ObservationInserts.parse(tenantId, EntityType.DATASTREAM, datastream.datastream(), observation,
                    now));
        }
        return rows;
    }

    private static JsonNode scaled(JsonNode value, Double scale) {
        return scale == null || !value.isNumber() ? value : NODES.numberNode(value.asDouble() * scale);
    }

    static ObjectNode parameters(Uplink uplink) {
        ObjectNode parameters = NODES.objectNode();
        parameters.put("devEui", uplink.devEui());
        parameters.put("fCnt", uplink.fCnt());
        parameters.put("fPort", uplink.fPort());
        parameters.put("networkServer", NetworkServerNames.name(uplink.networkServer()));
        ArrayNode gateways = parameters.putArray("gateways");
        for (RadioReception reception : uplink.receptions()) {
            gateways.addObject().put("id", reception.gatewayId()).put("rssi", reception.rssi())
                    .put("snr", reception.snr());
        }
        return parameters;
    }
}
