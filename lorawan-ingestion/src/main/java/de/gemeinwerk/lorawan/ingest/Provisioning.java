package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.registry.DatastreamEntry;
import de.gemeinwerk.lorawan.uplink.UplinkLocation;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first uplink of a registered device creates its SensorThings entities, in the caller's transaction: the Thing
 * (unless the device names an existing one), its Location, one Datastream per entry of the device type, the type's
 * Sensor (one per tenant and type) and the ObservedProperties (reused within the tenant by definition). The device row
 * is locked first, so concurrent first uplinks create everything once; Sensors and ObservedProperties are shared by
 * devices, so creating them is serialised per tenant with an advisory lock (first uplinks are rare).
 */
@Component
public class Provisioning {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TypeReference<List<DatastreamEntry>> ENTRIES = new TypeReference<>() {
    };
    private static final TypeReference<List<MappedDatastream>> MAPPED = new TypeReference<>() {
    };

    private record DeviceRow(long id, String name, String description, JsonNode location, Long thing,
                             String typeKey, String typeName, String typeDescription, List<DatastreamEntry> entries,
                             List<MappedDatastream> datastreams) {
    }

    private final EntityWriter writer;
    private final JsonMapper json;

    public Provisioning(EntityWriter writer, JsonMapper json) {
        this.writer = writer;
        this.json = json;
    }

    /**
     * The device's Datastreams, created now if this is its first uplink; null when the device is not (or no longer)
     * registered.
     *
     * @param uplinkLocation where the uplink says the device is, for a Thing created without a device location
     * @throws NotProvisionable when the Thing would have no Location (Observations need one for their
     *                          FeatureOfInterest) or SensorThings refuses what the device type describes
     */
    public List<MappedDatastream> provision(Connection connection, long tenantId, String devEui,
                                            UplinkLocation uplinkLocation) throws SQLException {
        DeviceRow device = lockDevice(connection, tenantId, devEui);
        if (device == null || device.datastreams() != null) {
            return device == null ? null : device.datastreams();
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_advisory_xact_lock(hashtext('lorawan-provisioning'), ?)")) {
            lock.setInt(1, (int) tenantId);
            lock.execute();
        }
        ArrayNode datastreams = NODES.arrayNode();
        long sensor = sensor(connection, tenantId, device);
        for (DatastreamEntry entry : device.entries()) {
            datastreams.add(datastream(connection, tenantId, device, entry, sensor));
        }
        long thing = device.thing() != null ? addToThing(connection, tenantId, device.thing(), datastreams)
                : createThing(connection, tenantId, devEui, device, datastreams, uplinkLocation);
        List<MappedDatastream> mapped = mapped(connection, tenantId, thing, device);
        try (PreparedStatement update = connection.prepareStatement(
                "update lorawan_device set thing_id = ?, datastreams = cast(? as jsonb) where id = ?")) {
            update.setLong(1, thing);
            update.setString(2, json.writeValueAsString(mapped));
            update.setLong(3, device.id());
            update.executeUpdate();
        }
        return mapped;
    }

    private DeviceRow lockDevice(Connection connection, long tenantId, String devEui) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select d.id, d.name, d.description, d.location::text as location, d.thing_id,
                       d.datastreams::text as datastreams, t.key, t.name as type_name, t.description as type_description,
                       t.datastreams::text as entries
                from lorawan_device d join lorawan_device_type t on t.id = d.device_type_id
                where d.tenant_id = ? and d.dev_eui = ?
                for update of d""")) {
            select.setLong(1, tenantId);
            select.setString(2, devEui);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String location = rs.getString("location");
                String datastreams = rs.getString("datastreams");
                return new DeviceRow(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        location == null ? null : json.readTree(location), rs.getObject("thing_id", Long.class),
                        rs.getString("key"), rs.getString("type_name"), rs.getString("type_description"),
                        json.readValue(rs.getString("entries"), ENTRIES),
                        datastreams == null ? null : json.readValue(datastreams, MAPPED));
            }
        }
    }

    private long sensor(Connection connection, long tenantId, DeviceRow device) throws SQLException {
        Long existing = firstId(connection, """
                select id from sta_sensor where tenant_id = ? and properties @> jsonb_build_object('lorawanDeviceType', ?::text)
                order by id limit 1""", tenantId, device.typeKey());
        if (existing != null) {
            return existing;
        }
        ObjectNode sensor = NODES.objectNode();
        sensor.put("name", device.typeName());
        sensor.put("description", device.typeDescription().isEmpty() ? device.typeName() : device.typeDescription());
        sensor.put("encodingType", "application/json");
        sensor.putObject("metadata").put("lorawanDeviceType", device.typeKey());
        sensor.putObject("properties").put("lorawanDeviceType", device.typeKey());
        return create(connection, tenantId, Target.collection(EntityType.SENSOR), sensor);
    }

    private ObjectNode datastream(Connection connection, long tenantId, DeviceRow device, DatastreamEntry entry,
                                  long sensor) throws SQLException {
        ObjectNode datastream = NODES.objectNode();
        datastream.put("name", datastreamName(entry, device));
        datastream.put("description", entry.description().isEmpty() ? entry.name() : entry.description());
        datastream.set("unitOfMeasurement", entry.unitOfMeasurement());
        datastream.put("observationType", entry.observationType());
        datastream.putObject("Sensor").put("@iot.id", sensor);
        datastream.putObject("ObservedProperty").put("@iot.id", observedProperty(connection, tenantId, entry));
        return datastream;
    }

    private long observedProperty(Connection connection, long tenantId, DatastreamEntry entry) throws SQLException {
        DatastreamEntry.ObservedPropertyDefinition property = entry.observedProperty();
        Long existing = firstId(connection,
                "select id from sta_observed_property where tenant_id = ? and definition = ? order by id limit 1",
                tenantId, property.definition());
        if (existing != null) {
            return existing;
        }
        ObjectNode body = NODES.objectNode();
        body.put("name", property.name());
        body.put("definition", property.definition());
        body.put("description", property.description().isEmpty() ? property.name() : property.description());
        return create(connection, tenantId, Target.collection(EntityType.OBSERVED_PROPERTY), body);
    }

    private long createThing(Connection connection, long tenantId, String devEui, DeviceRow device,
                             ArrayNode datastreams, UplinkLocation uplinkLocation) {
        JsonNode geometry = device.location() != null ? device.location() : point(uplinkLocation);
        if (geometry == null) {
            throw new NotProvisionable("device " + devEui + " has no location and its uplink brings none: give the"
                    + " device a location (PUT /devices/" + devEui + "), then replay its uplinks");
        }
        ObjectNode thing = NODES.objectNode();
        thing.put("name", device.name());
        thing.put("description", device.description().isEmpty() ? device.name() : device.description());
        thing.putObject("properties").put("devEui", devEui).put("deviceType", device.typeKey());
        ObjectNode location = thing.putArray("Locations").addObject();
        location.put("name", device.name());
        location.put("description", "Standort von " + device.name());
        location.put("encodingType", "application/geo+json");
        location.set("location", geometry);
        thing.set("Datastreams", datastreams);
        return create(connection, tenantId, Target.collection(EntityType.THING), thing);
    }

    private long addToThing(Connection connection, long tenantId, long thing, ArrayNode datastreams) {
        Target target = Target.navigation(EntityType.THING, thing,
                EntityType.THING.navigation("Datastreams").orElseThrow(), null);
        for (JsonNode datastream : datastreams) {
            create(connection, tenantId, target, datastream);
        }
        return thing;
    }

    private List<MappedDatastream> mapped(Connection connection, long tenantId, long thing, DeviceRow device)
            throws SQLException {
        Map<String, Long> byName = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, name from sta_datastream where tenant_id = ? and thing_id = ? order by id")) {
            select.setLong(1, tenantId);
            select.setLong(2, thing);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byName.put(rs.getString("name"), rs.getLong("id")); // the newest of a name: the one just made
                }
            }
        }
        List<MappedDatastream> mapped = new ArrayList<>();
        for (DatastreamEntry entry : device.entries()) {
            mapped.add(new MappedDatastream(entry.field(), entry.scale(), byName.get(datastreamName(entry, device))));
        }
        return mapped;
    }

    private static String datastreamName(DatastreamEntry entry, DeviceRow device) {
        return entry.name() + " – " + device.name();
    }

    private long create(Connection connection, long tenantId, Target target, JsonNode body) {
        try {
            return writer.create(connection, tenantId, target, body).id();
        } catch (ApiException refused) {
            throw new NotProvisionable("SensorThings refuses the " + target.type().entityName() + " of this device"
                    + " type: " + refused.getMessage() + (refused.where() == null ? "" : " (" + refused.where() + ")"));
        }
    }

    private static JsonNode point(UplinkLocation location) {
        if (location == null) {
            return null;
        }
        ObjectNode point = NODES.objectNode().put("type", "Point");
        ArrayNode coordinates = point.putArray("coordinates").add(location.longitude()).add(location.latitude());
        if (location.altitude() != null) {
            coordinates.add(location.altitude());
        }
        return point;
    }

    private static Long firstId(Connection connection, String sql, long tenantId, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, tenantId);
            select.setString(2, value);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
