package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns kept uplinks of a registered device into Observations, in the caller's transaction and in the order given
 * (time order): what adopting a device from the quarantine, or replaying after fixing its cause, does. Their
 * deduplication keys were stored when they were kept, so they are not deduplicated again.
 */
@Component
public class UplinkReplay {

    /** @param stillKept the uplinks (by their index) that still cannot become Observations, with the reason */
    public record Result(int observations, Map<Integer, String> stillKept) {
    }

    private final DeviceRoutes routes;
    private final PayloadDecoding decoding;
    private final Provisioning provisioning;
    private final UplinkIngest ingest;

    public UplinkReplay(DeviceRoutes routes, PayloadDecoding decoding, Provisioning provisioning, UplinkIngest ingest) {
        this.routes = routes;
        this.decoding = decoding;
        this.provisioning = provisioning;
        this.ingest = ingest;
    }

    /**
     * @throws ApiException 400 when the device's Thing cannot be created (e.g. it has no location, nor do its uplinks)
     */
    public Result replay(Connection connection, long tenantId, String devEui, List<Uplink> uplinks)
            throws SQLException {
        // past the cache: the caller's transaction may just have registered it, and nothing uncommitted is cached
        DeviceRoute route = routes.load(tenantId, devEui).orElseThrow(() ->
                ApiException.notFound("There is no device " + devEui + " registered in this tenant."));
        List<MappedDatastream> datastreams;
        try {
            datastreams = provisioning.provision(connection, tenantId, devEui, uplinks.stream()
                    .map(Uplink::location).filter(Objects::nonNull).findFirst().orElse(null));
        } catch (NotProvisionable e) {
            throw ApiException.badRequest("The device's SensorThings entities cannot be created: " + e.getMessage());
        }
        Map<Integer, String> stillKept = new LinkedHashMap<>();
        List<ObservationInserts.Row> rows = new ArrayList<>();
        for (int i = 0; i < uplinks.size(); i++) {
            try {
                Uplink uplink = uplinks.get(i);
                rows.addAll(ingest.observations(tenantId, uplink, decoding.decoded(route, uplink), datastreams));
            } catch (NotProvisionable e) {
                stillKept.put(i, e.getMessage());
            }
        }
        int[] stored = new int[1];
        ObservationInserts.insertIds(connection, rows, (index, outcome) -> {
            if (outcome instanceof ObservationInserts.Outcome.Inserted) {
                stored[0]++;
            }
        });
        return new Result(stored[0], stillKept);
    }
}
