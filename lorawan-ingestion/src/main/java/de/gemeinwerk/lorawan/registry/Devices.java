package de.gemeinwerk.lorawan.registry;

import de.gemeinwerk.geo.GeoJsonReader;
import de.gemeinwerk.geo.GeometryFormatException;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * The registered devices of a tenant (table {@code lorawan_device}). Runs in the caller's Spring transaction when there
 * is one (adopting registers a device and replays its uplinks at once).
 */
@Service
public class Devices {

    private static final String SELECT = """
            select dev_eui, name, description, device_type_id, location::text as location, thing_id, created_at
            from lorawan_device""";

    private final JdbcClient jdbc;
    private final DeviceTypes types;
    private final RowMapper<Device> rows;

    public Devices(JdbcClient jdbc, DeviceTypes types, JsonMapper json) {
        this.jdbc = jdbc;
        this.types = types;
        this.rows = (rs, n) -> {
            String location = rs.getString("location");
            return new Device(rs.getString("dev_eui"), rs.getString("name"), rs.getString("description"),
                    rs.getLong("device_type_id"), location == null ? null : json.readTree(location),
                    rs.getObject("thing_id", Long.class), rs.getObject("created_at", java.time.OffsetDateTime.class));
        };
    }

    public List<Device> list(long tenantId) {
        return jdbc.sql(SELECT + " where tenant_id = :tenant order by dev_eui").param("tenant", tenantId)
                .query(rows).list();
    }

    public Optional<Device> find(long tenantId, String devEui) {
        return jdbc.sql(SELECT + " where tenant_id = :tenant and dev_eui = :devEui").param("tenant", tenantId)
                .param("devEui", devEui).query(rows).optional();
    }

    public Device require(long tenantId, String devEui) {
        return find(tenantId, devEui).orElseThrow(() ->
                ApiException.notFound("There is no device " + devEui + " registered in this tenant."));
    }

    /** Registers a device; {@code devEui} already normalised. 409 if the tenant has it already. */
    public Device register(long tenantId, String devEui, DeviceRegistration registration) {
        DeviceRegistration valid = check(tenantId, registration);
        try {
            jdbc.sql("""
                            insert into lorawan_device (tenant_id, dev_eui, name, description, device_type_id, location,
                                                        thing_id)
                            values (:tenant, :devEui, :name, :description, :type, cast(:location as jsonb), :thing)""")
                    .param("tenant", tenantId).param("devEui", devEui).param("name", valid.name())
                    .param("description", valid.description()).param("type", valid.deviceType())
                    .param("location", text(valid), Types.VARCHAR).param("thing", valid.thing(), Types.BIGINT)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "Device " + devEui + " is registered already.", "/devEui");
        }
        return require(tenantId, devEui);
    }

    /**
     * Replaces a device's registration. A new device type or Thing forgets the Datastreams made for the old ones: the
     * next uplink creates those of the new type (on the Thing kept or given). The old ones stay, with their
     * Observations.
     */
    public Device replace(long tenantId, String devEui, DeviceRegistration registration) {
        DeviceRegistration valid = check(tenantId, registration);
        int changed = jdbc.sql("""
                        update lorawan_device set name = :name, description = :description, location = cast(:location as jsonb),
                               datastreams = case when device_type_id = :type and thing_id is not distinct from
                                                       coalesce(:thing, thing_id) then datastreams end,
                               device_type_id = :type, thing_id = coalesce(:thing, thing_id)
                        where tenant_id = :tenant and dev_eui = :devEui""")
                .param("tenant", tenantId).param("devEui", devEui).param("name", valid.name())
                .param("description", valid.description()).param("type", valid.deviceType())
                .param("location", text(valid), Types.VARCHAR).param("thing", valid.thing(), Types.BIGINT)
                .update();
        if (changed == 0) {
            throw ApiException.notFound("There is no device " + devEui + " registered in this tenant.");
        }
        return require(tenantId, devEui);
    }

    /** Forgets the device; its Thing, Datastreams and Observations stay. */
    public void delete(long tenantId, String devEui) {
        int deleted = jdbc.sql("delete from lorawan_device where tenant_id = :tenant and dev_eui = :devEui")
                .param("tenant", tenantId).param("devEui", devEui).update();
        if (deleted == 0) {
            throw ApiException.notFound("There is no device " + devEui + " registered in this tenant.");
        }
    }

    /**
     * The registration as it would be stored (texts stripped, a null location for a JSON null), or a 4xx naming the
     * field: also for checking what many devices will share before any is registered.
     */
    public DeviceRegistration check(long tenantId, DeviceRegistration registration) {
        String name = TextInput.required(registration.name(), "/name");
        String description = TextInput.optional(registration.description(), "/description");
        if (registration.deviceType() == null) {
            throw ApiException.badRequest("A device needs its device type's id.", "/deviceType");
        }
        types.require(tenantId, registration.deviceType(), "/deviceType");
        if (registration.location() != null && !registration.location().isNull()) {
            try {
                GeoJsonReader.read(registration.location());
            } catch (GeometryFormatException e) {
                throw ApiException.badRequest("The location is not a GeoJSON geometry: " + e.getMessage(), "/location");
            }
        }
        if (registration.thing() != null && jdbc.sql(
                        "select count(*) from sta_thing where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", registration.thing()).query(Long.class).single() == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "There is no Thing " + registration.thing()
                    + " in this tenant.", "/thing");
        }
        return new DeviceRegistration(null, name, description, registration.deviceType(),
                registration.location() == null || registration.location().isNull() ? null : registration.location(),
                registration.thing());
    }

    private static String text(DeviceRegistration registration) {
        return registration.location() == null ? null : registration.location().toString();
    }
}
