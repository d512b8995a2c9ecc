package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.uplink.RadioReception;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The Observations of one decoded uplink: one per mapped field present, at the uplink's time, with the radio facts
 * as {@code parameters}. Built from the uplink's values (no JSON body in between); each result is validated as a POST
 * of the Observation would validate it, so a value SensorThings would refuse is refused here, before anything is
 * queued.
 */
public final class ObservationRows {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ObservationRows() {
    }

    public static List<ObservationInserts.Row> of(long tenantId, Uplink uplink, JsonNode decoded,
                                                  List<MappedDatastream> datastreams) {
        ObservationInserts.Siblings siblings = null;
        List<ObservationInserts.Row> rows = new ArrayList<>(datastreams.size());
        for (MappedDatastream datastream : datastreams) {
            JsonNode value = decoded.at(JsonPointer.compile(datastream.field()));
            if (value.isMissingNode() || value.isNull()) {
                continue; // this uplink does not carry the field (e.g. a heartbeat): no Observation, not an error
            }
            if (siblings == null) {
                siblings = new ObservationInserts.Siblings(tenantId, uplink.time(), parameters(uplink));
            }
            rows.add(siblings.row(datastream.datastream(), scaled(value, datastream.scale())));
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
