package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.observations.ObservationExtents;
import de.gemeinwerk.sensorthings.query.filter.PropertyPath;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the SELECT statements of a read: the page of entities, its count, and one statement per
 * {@code $expand} level that fetches the related entities of all parents at once (LATERAL, so each
 * parent gets its own $top/$orderby) — a constant number of statements however many parents there are.
 */
public final class SelectStatements {

    /** The alias of the entity being read, in every statement. */
    static final String ROOT = "e";

    private SelectStatements() {}

    /** The page: {@code top + 1} rows are fetched, the extra one tells whether there is a next page. */
    public static Sql page(Target target, ReadScope reader, QueryOptions options, Projection projection, GeoResults geo,
                           int top, int skip) {
        Scope scope = Scope.root(target.type(), ROOT, reader);
        Sql where = where(target, options, scope, geo);
        Sql order = orderBy(target.type(), target.via(), options, scope, geo, "$orderby",
                Positions.ofPage(target, ROOT));
        return Sql.concat("select ", columns(projection, ROOT), " from ", from(target, reader), scope.joins(),
                " where ", where, order, " limit ", Sql.param(top + 1L), " offset ", Sql.param((long) skip));
    }

    /**
     * Those of the given entities that the target addresses (e.g. which of these new Observations belong to
     * {@code Datastreams(1)/Observations}), in id order: the read behind change notifications. The target's parent
     * was resolved when the topic was subscribed, maybe long ago, so for a reader kept from private entities its
     * visibility is checked again (once per statement, not per row).
     */
    public static Sql members(Target target, ReadScope reader, long[] ids, Projection projection) {
        Scope scope = Scope.root(target.type(), ROOT, reader);
        Sql where = where(target, QueryOptions.NONE, scope, GeoResults.NONE);
        Sql parentVisible = reader.hidesPrivate() && target.via() != null
                ? Sql.concat(" and exists (select 1 from ", reader.table(target.parentType(), "vp"), " where vp.id = ",
                        Sql.param(target.parentId()), ")")
                : Sql.EMPTY;
        return Sql.concat("select ", columns(projection, ROOT), " from ", from(target, reader), scope.joins(),
                " where ", where, parentVisible, " and " + ROOT + ".id = any(",
                Sql.param(new SqlArray("bigint", Arrays.stream(ids).boxed().toArray())), "::bigint[]) order by " + ROOT + ".id");
    }

    public static Sql count(Target target, ReadScope reader, QueryOptions options, GeoResults geo) {
        Scope scope = Scope.root(target.type(), ROOT, reader);
        Sql where = where(target, options, scope, geo);
        return Sql.concat("select count(*) from ", from(target, reader), scope.joins(), " where ", where);
    }

    /**
     * The root's FROM item. A path's parent was checked when the path was resolved, so only what its visibility
     * does not imply is checked per row; the Observations of the whole tenant are kept to visible ones by their
     * tenancy condition ({@link ObservationTenancy}), which selects visible (Multi)Datastreams once.
     */
    private static String from(Target target, ReadScope reader) {
        if (target.via() != null) {
            return reader.table(target.type(), ROOT, target.via());
        }
        return target.type() == EntityType.OBSERVATION ? reader.checked(target.type(), ROOT)
                : reader.table(target.type(), ROOT);
    }

    /**
     * The related entities of many parents: rows of (parent id, entity columns..., [total count]).
     * Parents come in as an array; the LATERAL subquery runs per parent on the relation's index.
     */
    public static Sql expand(EntityType parentType, Navigation nav, long[] parentIds, ReadScope reader,
                             QueryOptions options, Projection projection, GeoResults geo, int top, int skip,
                             boolean withCount) {
        Scope scope = Scope.root(nav.target(), ROOT, reader);
        boolean parentHoldsKey = nav.relation() instanceof Relation.SourceColumn;
        // Positions in nested options count from the start of the $expand text, so errors name $expand.
        Sql filter = options.filter() == null ? Sql.TRUE : new FilterCompiler("$expand", geo).condition(options.filter(), scope);
        Sql order = orderBy(nav.target(), nav, options, scope, geo, "$expand", Positions.ofExpand(nav, ROOT));
        return Sql.concat("select p.parent_id, x.* from unnest(",
                Sql.param(new SqlArray("bigint", Arrays.stream(parentIds).boxed().toArray())), ") as p(parent_id)",
                parentHoldsKey ? " join " + reader.checked(parentType, "pp") + " on pp.id = p.parent_id" : "",
                " cross join lateral (select ", columns(projection, ROOT), withCount ? ", count(*) over () as gw_total" : "",
                " from ", Relations.from(nav, ROOT, reader), scope.joins(),
                " where ", Relations.condition(nav, ROOT, "pp", "p.parent_id"), " and ", filter, order,
                " limit ", Sql.param(top + 1L), " offset ", Sql.param((long) skip), ") x");
    }

    /**
     * Whether an expand is exactly the latest Observation of each Datastream —
     * {@code Observations($top=1;$orderby=phenomenonTime desc)}, any $select, nothing else that selects rows — which
     * {@link #latestObservations} answers from what is kept per Datastream.
     */
    public static boolean isLatestObservation(EntityType parentType, Navigation nav, QueryOptions options) {
        return parentType == EntityType.DATASTREAM && nav.target() == EntityType.OBSERVATION
                && nav.relation() instanceof Relation.TargetColumn c && c.column().equals("datastream_id")
                && Integer.valueOf(1).equals(options.top()) && (options.skip() == null || options.skip() == 0)
                && !Boolean.TRUE.equals(options.count()) && options.filter() == null && options.orderBy().size() == 1
                && options.orderBy().getFirst().descending()
                && options.orderBy().getFirst().expression() instanceof PropertyPath path
                && path.segments().equals(List.of("phenomenonTime"));
    }

    /**
     * The latest Observation of each parent Datastream from what is kept for it (observations.ObservationExtents), in
     * the shape of {@link #expand} with $top=1: rows of (parent id, entity columns..., more). A projection of id,
     * phenomenonTime and result is read from the kept copy alone — no Observation is touched —, any other looks the
     * Observation up by its primary key. {@code more} tells whether the Datastream has another Observation (for the
     * nextLink of the expanded collection): it has unless its earliest phenomenonTime start is the latest one, and
     * then only the time index can tell, at that one time. Datastreams without Observations have no row.
     */
    public static Sql latestObservations(long[] parentIds, Projection projection) {
        boolean copied = projection.properties().stream()
                .allMatch(property -> ObservationExtents.COPIED_PROPERTIES.contains(property.name()));
        String latest = copied ? ObservationExtents.LATEST
                : "(select l.latest_of, l.earliest_start, o.* from " + ObservationExtents.LATEST
                        + " l join sta_observation o on o.id = l.id)";
        return Sql.concat("select p.parent_id, ", columns(projection, ROOT), ", case when " + ROOT + ".earliest_start < "
                        + ROOT + ".phenomenon_time_start then true else exists (select 1 from sta_observation o"
                        + " where o.datastream_id = " + ROOT + ".latest_of and o.phenomenon_time_start = " + ROOT
                        + ".phenomenon_time_start and o.id < " + ROOT + ".id) end as gw_more from unnest(",
                Sql.param(new SqlArray("bigint", Arrays.stream(parentIds).boxed().toArray())), ") as p(parent_id)",
                " join " + latest + " " + ROOT + " on " + ROOT + ".latest_of = p.parent_id");
    }

    private static Sql where(Target target, QueryOptions options, Scope scope, GeoResults geo) {
        List<Sql> conditions = new ArrayList<>();
        EntityType type = target.type();
        if (type.hasTenantColumn()) {
            conditions.add(Sql.concat(ROOT + ".tenant_id = ", Sql.param(scope.reader().tenantId())));
        } else if (target.via() == null) {
            conditions.add(ObservationTenancy.condition(ROOT, scope.reader()));
        }
        if (target.id() != null) {
            conditions.add(Sql.concat(ROOT + ".id = ", Sql.param(target.id())));
        }
        if (target.via() != null) {
            conditions.add(toParent(target, scope.reader()));
        }
        if (options.filter() != null) {
            conditions.add(new FilterCompiler("$filter", geo).condition(options.filter(), scope));
        }
        return Sql.join(" and ", conditions);
    }

    /** The addressed entities are related to the (already resolved) parent id. */
    private static Sql toParent(Target target, ReadScope reader) {
        Sql parent = Sql.param(target.parentId());
        return switch (target.via().relation()) {
            case Relation.TargetColumn c -> Sql.concat(ROOT + "." + c.column() + " = ", parent);
            case Relation.SourceColumn c -> Sql.concat(ROOT + ".id = (select p." + c.column() + " from "
                    + reader.checked(target.parentType(), "p") + " where p.id = ", parent, ")");
            case Relation.LinkTable l -> Sql.concat(ROOT + ".id in (select l." + l.targetColumn() + " from " + l.table()
                    + " l where l." + l.sourceColumn() + " = ", parent, ")");
        };
    }

    /**
     * $orderby keys, then the id as tie-breaker so paging is stable. Without $orderby, Observations of one
     * Datastream or MultiDatastream come in phenomenonTime order (what their index serves), a MultiDatastream's
     * ObservedProperties in their defined order ({@code position}, the order of the result arrays), everything else
     * in id order.
     */
    private static Sql orderBy(EntityType type, Navigation via, QueryOptions options, Scope scope, GeoResults geo,
                               String part, Sql position) {
        List<Sql> keys = new ArrayList<>();
        boolean descending = false;
        FilterCompiler compiler = new FilterCompiler(part, geo);
        for (QueryOptions.OrderBy item : options.orderBy()) {
            for (Sql key : compiler.orderKeys(item.expression(), scope)) {
                keys.add(Sql.concat(key, item.descending() ? " desc" : ""));
            }
            descending = item.descending();
        }
        if (keys.isEmpty() && type == EntityType.OBSERVATION && via != null && via.name().equals("Observations")
                && via.relation() instanceof Relation.TargetColumn c && !c.column().equals("feature_of_interest_id")) {
            keys.add(Sql.of(ROOT + ".phenomenon_time_start"));
        }
        if (keys.isEmpty() && position != null) {
            keys.add(position);
        }
        keys.add(Sql.of(ROOT + ".id" + (descending ? " desc" : "")));
        return Sql.concat(" order by ", Sql.join(", ", keys));
    }

    /** e.id, then the projection's property columns in order, then whether an Observation's parent is a MultiDatastream. */
    static String columns(Projection projection, String alias) {
        List<String> columns = new ArrayList<>(List.of(alias + ".id"));
        for (Property property : projection.properties()) {
            columns.addAll(PropertyColumns.select(property, alias));
        }
        if (projection.namesObservationParent()) {
            columns.add(Projection.observationParentColumn(alias));
        }
        return String.join(", ", columns);
    }
}
