package de.gemeinwerk.lorawan.registry;

import de.gemeinwerk.lorawan.decoder.BuiltInDecoders;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * The device types a tenant may use (table {@code lorawan_device_type}): its own, the shared ones of other tenants and
 * the built-in ones. Only the owner changes or deletes a type.
 */
@Service
public class DeviceTypes {

    private static final TypeReference<List<DatastreamEntry>> ENTRIES = new TypeReference<>() {
    };
    private static final String SELECT = """
            select t.id, t.key, t.name, t.description, t.shared, t.decoder, t.datastreams::text as datastreams,
                   o.slug as owner
            from lorawan_device_type t left join tenant o on o.id = t.tenant_id
            """;
    // visible to a tenant: its own, and every shared one (the built-in ones are shared)
    private static final String VISIBLE = "(t.tenant_id = :tenant or t.shared)";

    /** A type the tenant may use, as named in an import: by its key, or by its id. */
    public record Usable(long id, String key, boolean own, boolean builtIn) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<DeviceType> rows;

    public DeviceTypes(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = (rs, n) -> {
            String owner = rs.getString("owner");
            String decoder = rs.getString("decoder");
            return new DeviceType(rs.getLong("id"), rs.getString("key"), rs.getString("name"),
                    rs.getString("description"), owner, rs.getBoolean("shared"),
                    decoderOf(rs.getString("key"), decoder, owner != null),
                    json.readValue(rs.getString("datastreams"), ENTRIES));
        };
    }

    /** The decoder a type uses: its own, else (a built-in type, {@code owned} false) the one shipped for its key. */
    public static String decoderOf(String key, String ownDecoder, boolean owned) {
        return ownDecoder != null || owned ? ownDecoder : BuiltInDecoders.source(key).orElse(null);
    }

    public List<DeviceType> visible(long tenantId) {
        return jdbc.sql(SELECT + " where " + VISIBLE + " order by t.id").param("tenant", tenantId).query(rows).list();
    }

    /** The ids and keys of the types the tenant may use (without decoders and mappings, for resolving names). */
    public List<Usable> usable(long tenantId) {
        return jdbc.sql("select t.id, t.key, t.tenant_id from lorawan_device_type t where " + VISIBLE + " order by t.id")
                .param("tenant", tenantId)
                .query((rs, n) -> {
                    Long owner = rs.getObject("tenant_id", Long.class);
                    return new Usable(rs.getLong("id"), rs.getString("key"), owner != null && owner == tenantId,
                            owner == null);
                }).list();
    }

    public Optional<DeviceType> find(long tenantId, long id) {
        return jdbc.sql(SELECT + " where " + VISIBLE + " and t.id = :id").param("tenant", tenantId).param("id", id)
                .query(rows).optional();
    }

    /** The type, if the tenant may use it; 404 otherwise (another tenant's private type looks like a missing one). */
    public DeviceType require(long tenantId, long id, String where) {
        return find(tenantId, id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "There is no device type " + id + " usable by this tenant.", where));
    }

    /** Creates a type of the tenant; the input must have passed {@link DeviceTypeRules}. 409 if the key is taken. */
    public DeviceType create(long tenantId, DeviceTypeInput input) {
        try {
            long id = bind(jdbc.sql("""
                            insert into lorawan_device_type (tenant_id, key, name, description, shared, decoder, datastreams)
                            values (:tenant, :key, :name, :description, :shared, :decoder, cast(:datastreams as jsonb))
                            returning id""")
                    .param("tenant", tenantId), input).query(Long.class).single();
            return require(tenantId, id, null);
        } catch (DuplicateKeyException e) {
            throw keyTaken(input.key());
        }
    }

    /**
     * Replaces a type the tenant owns; 403 for a type it may only use, 404 for one it cannot see, 409 for making a type
     * private that other tenants' devices use.
     */
    public DeviceType replace(long tenantId, long id, DeviceTypeInput input) {
        requireOwned(tenantId, id);
        if (!input.shared() && jdbc.sql("""
                        select count(*) from lorawan_device where device_type_id = :id and tenant_id <> :tenant""")
                .param("id", id).param("tenant", tenantId).query(Long.class).single() > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "Devices of other tenants use device type " + id
                    + "; it must stay shared.", "/shared");
        }
        try {
            bind(jdbc.sql("""
                            update lorawan_device_type set key = :key, name = :name, description = :description,
                                   shared = :shared, decoder = :decoder, datastreams = cast(:datastreams as jsonb)
                            where id = :id and tenant_id = :tenant""")
                    .param("tenant", tenantId).param("id", id), input).update();
        } catch (DuplicateKeyException e) {
            throw keyTaken(input.key());
        }
        return require(tenantId, id, null);
    }

    /** Deletes a type the tenant owns; 409 while any device (of any tenant) uses it. */
    public void delete(long tenantId, long id) {
        requireOwned(tenantId, id);
        try {
            jdbc.sql("delete from lorawan_device_type where id = :id and tenant_id = :tenant")
                    .param("tenant", tenantId).param("id", id).update();
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict("Device type " + id + " is in use by devices; delete or change them first.");
        }
    }

    private void requireOwned(long tenantId, long id) {
        DeviceType type = require(tenantId, id, null);
        Long owner = jdbc.sql("select tenant_id from lorawan_device_type where id = :id").param("id", id)
                .query(Long.class).optional().orElse(null);
        if (owner == null || owner != tenantId) {
            throw ApiException.forbidden("Device type '" + type.key() + "' belongs to "
                    + (type.owner() == null ? "Gemeinwerk" : "another tenant") + "; it can be used, not changed.");
        }
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DeviceTypeInput input) {
        return statement.param("key", input.key()).param("name", input.name())
                .param("description", input.description()).param("shared", input.shared())
                .param("decoder", input.decoder(), Types.VARCHAR)
                .param("datastreams", json.writeValueAsString(input.datastreams()));
    }

    private static ApiException keyTaken(String key) {
        return new ApiException(HttpStatus.CONFLICT,
                "This tenant already has a device type with the key '" + key + "'.", "/key");
    }
}
