package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.sql.Sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates an entity and, depth first, the entities its body nests (deep insert): to-one relations before the
 * entity (it needs their ids), to-many relations after it (they need its id). Runs in the caller's transaction,
 * so a failure anywhere leaves nothing behind.
 */
final class EntityCreator {

    private final WriteScope scope;

    EntityCreator(WriteScope scope) {
        this.scope = scope;
    }

    long create(EntityBody body) throws SQLException {
        requireRelations(body);
        if (body.type() == EntityType.MULTI_DATASTREAM) {
            MultiDatastreamRules.checkCreate(body);
        }
        long id = body.type() == EntityType.OBSERVATION ? createObservation(body) : insertRow(body);
        for (Map.Entry<Navigation, List<Ref>> related : body.toMany().entrySet()) {
            createRelated(body.type(), id, related.getKey(), related.getValue());
        }
        return id;
    }

    /** The id of a related entity: a linked one checked (and locked) in the tenant, or a new one created. */
    long idOf(Ref ref) throws SQLException {
        return switch (ref) {
            case Ref.Existing existing -> {
                Rows.lockForLink(scope.connection(), scope.tenantId(), existing.type(), existing.id(), existing.at());
                yield existing.id();
            }
            case Ref.New created -> create(created.entity());
        };
    }

    /**
     * The body of a child whose parent is given from outside (the request path, or the entity it is nested in);
     * naming that relation in the body as well is an error, since the two could disagree.
     */
    static EntityBody withParent(EntityBody child, Navigation toParent, Ref.Existing parent, String parentSource) {
        if (child.toOne().containsKey(toParent)) {
            throw ApiException.badRequest("the " + toParent.name() + " of this " + child.type().entityName() + " is given by "
                    + parentSource + "; leave it out here", child.at().child(toParent.name()).where());
        }
        return child.withToOne(toParent, parent);
    }

    private void requireRelations(EntityBody body) {
        EntityType type = body.type();
        if (type == EntityType.OBSERVATION) {
            ObservationParents.of(body);
        }
        List<Navigation> required = requiredRelations(type);
        List<String> missing = required.stream().filter(n -> !body.toOne().containsKey(n)).map(Navigation::name).toList();
        if (!missing.isEmpty()) {
            List<String> names = required.stream().map(n -> Names.a(n.target())).toList();
            String all = names.size() == 1 ? names.getFirst()
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
            throw ApiException.badRequest(Names.a(type) + " needs " + all + "; missing: " + String.join(", ", missing),
                    body.at().where());
        }
    }

    /** Required to-one relations; an Observation's FeatureOfInterest can be derived, so it is not among them. */
    private static List<Navigation> requiredRelations(EntityType type) {
        return type.navigations().stream()
                .filter(n -> !n.many() && n.required())
                .filter(n -> !(type == EntityType.OBSERVATION && n.target() == EntityType.FEATURE_OF_INTEREST))
                .toList();
    }

    private long createObservation(EntityBody body) throws SQLException {
        Ref.Existing datastream = existing(ObservationParents.of(body));
        Ref feature = body.toOne().get(EntityType.OBSERVATION.navigation("FeatureOfInterest").orElseThrow());
        return ObservationInserts.insert(scope, datastream, feature == null ? null : existing(feature), body.values(),
                body.at());
    }

    /**
     * A related entity as an existing one, creating it first when it is new. Linked ones are not checked here:
     * the Observation insert checks and locks them in the same statement.
     */
    private Ref.Existing existing(Ref ref) throws SQLException {
        return switch (ref) {
            case Ref.Existing existing -> existing;
            case Ref.New created -> new Ref.Existing(created.entity().type(), create(created.entity()), created.entity().at());
        };
    }

    private long insertRow(EntityBody body) throws SQLException {
        List<Columns.Column> columns = new ArrayList<>();
        columns.add(new Columns.Column("tenant_id", "?", scope.tenantId()));
        columns.addAll(Columns.of(body.values()));
        for (Map.Entry<Navigation, Ref> relation : body.toOne().entrySet()) {
            String column = ((Relation.SourceColumn) relation.getKey().relation()).column();
            columns.add(new Columns.Column(column, "?", idOf(relation.getValue())));
        }
        return Rows.insert(scope.connection(), new Sql("insert into " + body.type().table() + " (" + Columns.names(columns)
                + ") values (" + Columns.placeholders(columns) + ") returning id", Columns.values(columns)));
    }

    private void createRelated(EntityType type, long id, Navigation navigation, List<Ref> refs) throws SQLException {
        Navigation back = Inverses.of(type, navigation);
        Ref.Existing self = new Ref.Existing(type, id, null);
        if (navigation.relation() instanceof Relation.LinkTable) {
            List<Long> ids = new ArrayList<>();
            for (Ref ref : refs) {
                ids.add(idOf(ref));
            }
            LinkTables.link(scope, type, id, navigation, ids);
            return;
        }
        for (Ref ref : refs) {
            switch (ref) {
                case Ref.New child -> create(withParent(child.entity(), back, self, "the enclosing " + type.entityName()));
                case Ref.Existing child -> ToOneLinks.set(scope, child, back, self);
            }
        }
    }
}
