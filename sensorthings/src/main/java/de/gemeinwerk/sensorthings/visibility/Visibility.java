package de.gemeinwerk.sensorthings.visibility;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Marks Things, Datastreams and MultiDatastreams public or private (README, "Public and private entities"): what the
 * admin console and the admin API call. A private entity is hidden from readers without a key of its tenant
 * ({@link ReadScopes}); writes are unaffected. Each change is one statement, in autocommit or in the caller's
 * transaction: the change feed announces it ({@code Change.Kind.VISIBILITY}) when it commits, which makes every
 * instance forget its cached flag.
 */
@Component
public class Visibility {

    /** The entity types that can be private. */
    public static final Set<EntityType> TYPES = Set.of(EntityType.THING, EntityType.DATASTREAM,
            EntityType.MULTI_DATASTREAM);

    private final JdbcClient jdbc;
    private final ReadScopes scopes;

    public Visibility(JdbcClient jdbc, ReadScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /**
     * @throws ApiException 404 when the entity is not one of the tenant's; 400 for a type that cannot be private
     */
    public boolean isPublic(long tenantId, EntityType type, long id) {
        List<Boolean> found = jdbc.sql("select is_public from " + table(type) + " where id = :id and tenant_id = :tenant")
                .param("id", id).param("tenant", tenantId).query(Boolean.class).list();
        if (found.isEmpty()) {
            throw notFound(type, id);
        }
        return found.getFirst();
    }

    /**
     * @throws ApiException 404 when the entity is not one of the tenant's; 400 for a type that cannot be private
     */
    public void setPublic(long tenantId, EntityType type, long id, boolean isPublic) {
        int updated = jdbc.sql(update(type)).param(1, isPublic).param(2, id).param(3, tenantId).update();
        changed(updated, tenantId, type, id);
    }

    /**
     * The same on the caller's connection, as part of its transaction (the console saves an entity's properties and
     * its visibility together); the change feed announces it when that commits.
     *
     * @throws ApiException 404 when the entity is not one of the tenant's; 400 for a type that cannot be private
     */
    public void setPublic(Connection connection, long tenantId, EntityType type, long id, boolean isPublic)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(update(type))) {
            statement.setBoolean(1, isPublic);
            statement.setLong(2, id);
            statement.setLong(3, tenantId);
            changed(statement.executeUpdate(), tenantId, type, id);
        }
    }

    private static String update(EntityType type) {
        return "update " + table(type) + " set is_public = ? where id = ? and tenant_id = ?";
    }

    private void changed(int updated, long tenantId, EntityType type, long id) {
        if (updated == 0) {
            throw notFound(type, id);
        }
        scopes.forget(tenantId);
    }

    private static String table(EntityType type) {
        if (!TYPES.contains(type)) {
            throw ApiException.badRequest("only Things, Datastreams and MultiDatastreams can be public or private, not "
                    + type.setName(), "type");
        }
        return type.table();
    }

    private static ApiException notFound(EntityType type, long id) {
        return ApiException.notFound(type.entityName() + " " + id + " does not exist");
    }
}
