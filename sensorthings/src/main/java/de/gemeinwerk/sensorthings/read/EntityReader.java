package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.observations.ObservationCounts;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.sql.GeoResults;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.SelectStatements;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;
import de.gemeinwerk.sensorthings.sql.Target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a read: the page, its count, and each $expand level (the caller provides one read-only snapshot).
 * Statements per request = 1 + (1 if $count) + one per expand node, independent of the number of rows.
 */
public final class EntityReader {

    private final GeoEvaluator geo;
    private final PageSize pageSize;

    public EntityReader(GeoEvaluator geo, PageSize pageSize) {
        this.geo = geo;
        this.pageSize = pageSize;
    }

    /**
     * Default and maximum {@code $top}; a larger $top is capped and answered with a nextLink. The maximum
     * also caps the default, so no configuration makes a page larger than max-top. {@code countBudgetMillis}
     * is the time an exact {@code $count} may take before an estimate is given instead.
     */
    public record PageSize(int defaultTop, int maxTop, long countBudgetMillis) {
        int top(Integer requested) {
            return Math.min(requested == null ? defaultTop : requested, maxTop);
        }
    }

    /** The same reader with another maximum {@code $top} (the CSV format allows larger pages than JSON). */
    public EntityReader withMaxTop(int maxTop) {
        return new EntityReader(geo, new PageSize(pageSize.defaultTop(), maxTop, pageSize.countBudgetMillis()));
    }

    /** One page of entities, the total count when asked for, and whether more follow. */
    public record Page(List<EntityRow> rows, Long count, boolean countEstimated, boolean more, int top, int skip) {

        public Page(List<EntityRow> rows, Long count, boolean more, int top, int skip) {
            this(rows, count, false, more, top, skip);
        }
    }

    /** {@code reader}: whose rows, as seen by whom; a path's parent must have been resolved with the same one. */
    public Page read(Connection connection, Target target, ReadScope reader, QueryOptions options, Projection projection,
                     List<ExpandNode> expand) throws SQLException {
        int top = target.single() ? 1 : pageSize.top(options.top());
        int skip = target.single() || options.skip() == null ? 0 : options.skip();
        GeoResults geoResults = prepare(connection, options, target.type(), reader.tenantId(), false);
        List<EntityRow> rows = rows(connection,
                SelectStatements.page(target, reader, options, projection, geoResults, top, skip), projection);
        boolean more = trimToPage(rows, top);
        BoundedCount.Count count = Boolean.TRUE.equals(options.count()) && !target.single()
                ? count(connection, target, reader, options, geoResults) : null;
        expand(connection, target.type(), rows, expand, reader);
        return count == null ? new Page(rows, null, more, top, skip)
                : new Page(rows, count.value(), count.estimated(), more, top, skip);
    }

    private BoundedCount.Count count(Connection connection, Target target, ReadScope reader, QueryOptions options,
                                     GeoResults geoResults) throws SQLException {
        if (options.filter() == null && target.type() == EntityType.OBSERVATION) {
            Long counted = ObservationCounts.count(connection, target, reader);
            if (counted != null && target.via() != null) {
                return new BoundedCount.Count(counted, false);
            }
            if (counted != null) {
                // the kept counts are those of Datastreams; the Observations of MultiDatastreams are counted on their index
                BoundedCount.Count multi = BoundedCount.of(connection, Sql.concat("select count(*) from sta_observation e"
                        + " where e.multi_datastream_id in (select m.id from "
                        + reader.table(EntityType.MULTI_DATASTREAM, "m") + " where m.tenant_id = ",
                        Sql.param(reader.tenantId()), ")"), pageSize.countBudgetMillis());
                return new BoundedCount.Count(counted + multi.value(), multi.estimated());
            }
        }
        return BoundedCount.of(connection, SelectStatements.count(target, reader, options, geoResults),
                pageSize.countBudgetMillis());
    }

    private void expand(Connection connection, EntityType parentType, List<EntityRow> parents, List<ExpandNode> nodes,
                        ReadScope reader) throws SQLException {
        if (parents.isEmpty()) {
            return;
        }
        long[] parentIds = parents.stream().mapToLong(EntityRow::id).toArray();
        for (ExpandNode node : nodes) {
            QueryOptions options = node.options();
            int top = node.navigation().many() ? pageSize.top(options.top()) : 1;
            int skip = node.navigation().many() && options.skip() != null ? options.skip() : 0;
            boolean withCount = node.navigation().many() && Boolean.TRUE.equals(options.count());
            // the most common expand of all ("the latest value of each Datastream") has a maintained answer
            boolean latest = top == 1 && SelectStatements.isLatestObservation(parentType, node.navigation(), options);
            Sql sql = latest ? SelectStatements.latestObservations(parentIds, node.projection())
                    : SelectStatements.expand(parentType, node.navigation(), parentIds, reader, options,
                            node.projection(), prepare(connection, options, node.navigation().target(),
                                    reader.tenantId(), true), top, skip, withCount);
            Map<Long, List<EntityRow>> byParent = new HashMap<>();
            Map<Long, Long> totals = new HashMap<>();
            Set<Long> moreOfLatest = new HashSet<>();
            try (PreparedStatement statement = Statements.prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long parentId = rs.getLong(1);
                    byParent.computeIfAbsent(parentId, k -> new ArrayList<>()).add(row(rs, node.projection(), 2));
                    int last = rs.getMetaData().getColumnCount();
                    if (withCount) {
                        totals.put(parentId, rs.getLong(last));
                    }
                    if (latest && rs.getBoolean(last)) {
                        moreOfLatest.add(parentId);
                    }
                }
            }
            List<EntityRow> children = new ArrayList<>();
            for (EntityRow parent : parents) {
                List<EntityRow> rows = byParent.getOrDefault(parent.id(), List.of());
                boolean more = latest ? moreOfLatest.contains(parent.id()) : trimToPage(rows, top);
                Long count = withCount ? totals.getOrDefault(parent.id(), 0L) : null;
                parent.expanded().put(node.navigation(), new EntityRow.Expanded(rows, count, more, top, skip));
                children.addAll(rows);
            }
            expand(connection, node.navigation().target(), children, node.children(), reader);
        }
    }

    /**
     * Cuts the extra row fetched beyond {@code top}; true when it existed, i.e. a next page follows
     * ($top=0 asks for no rows, so it has no next page).
     */
    private static boolean trimToPage(List<EntityRow> rows, int top) {
        if (rows.size() <= top) {
            return false;
        }
        rows.subList(top, rows.size()).clear();
        return top > 0;
    }

    /** Geospatial calls are decided before the SQL runs, those of $orderby keys as well as those of $filter. */
    private GeoResults prepare(Connection connection, QueryOptions options, EntityType type, long tenantId,
                               boolean inExpand) throws SQLException {
        return options.filter() == null && options.orderBy().isEmpty() ? GeoResults.NONE
                : geo.prepare(connection, options, type, tenantId, inExpand);
    }

    private static List<EntityRow> rows(Connection connection, Sql sql, Projection projection) throws SQLException {
        List<EntityRow> rows = new ArrayList<>();
        try (PreparedStatement statement = Statements.prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs, projection, 1));
            }
        }
        return rows;
    }

    /** Reads id and projected properties starting at column {@code first}. */
    public static EntityRow row(ResultSet rs, Projection projection, int first) throws SQLException {
        long id = rs.getLong(first);
        List<Property> properties = projection.properties();
        Object[] values = new Object[properties.size()];
        int column = first + 1;
        for (int i = 0; i < values.length; i++) {
            values[i] = PropertyColumns.read(properties.get(i), rs, column);
            column += PropertyColumns.width(properties.get(i));
        }
        Boolean ofMultiDatastream = projection.namesObservationParent() ? rs.getBoolean(column) : null;
        return new EntityRow(id, values, ofMultiDatastream);
    }
}
