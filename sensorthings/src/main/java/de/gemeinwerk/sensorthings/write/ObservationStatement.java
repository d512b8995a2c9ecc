package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.SqlArray;
import de.gemeinwerk.sensorthings.sql.Statements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The one statement that inserts many Observations. The rows come in as arrays, one per column (so the SQL
 * text depends only on the columns, and the driver reuses its server-side prepared statement), numbered by
 * {@code with ordinality}. Within the statement, each row's Datastream and given FeatureOfInterest are looked
 * up within the row's own tenant and locked FOR KEY SHARE (so neither can be deleted before the commit); a
 * row without a FeatureOfInterest gets the one generated from its Thing's lowest-id Location. Rows whose
 * Datastream or FeatureOfInterest is not found are not inserted; the others are, with one count delta per
 * Datastream and what is kept per Datastream (envelope, latest Observation, hourly rollup:
 * {@link DatastreamSummaries#KEEP_INSERTED}), and come back with all their columns, so a response needs no read-back.
 */
final class ObservationStatement {

    /**
     * One row's fate: whether its Datastream exists in its tenant, the Location its FeatureOfInterest would be
     * generated from, and the Observation as stored (null when it was not inserted).
     */
    record Result(boolean datastreamFound, Long locationId, EntityRow inserted) {}

    private static final Projection STORED = Projection.of(EntityType.OBSERVATION, List.of());
    // what PostgreSQL reads as timestamptz; for years 1 to 9999, which ISO 8601 writes without a sign
    private static final DateTimeFormatter TIMESTAMPTZ = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSSxxx");
    private static final DateTimeFormatter AFTER_YEAR = DateTimeFormatter.ofPattern("-MM-dd HH:mm:ss.SSSSSSSSSxxx");

    private ObservationStatement() {}

    /** The results in the order of the rows. */
    static List<Result> run(Connection connection, List<ObservationInserts.Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Result[] results = new Result[rows.size()];
        try (PreparedStatement statement = Statements.prepare(connection, sql(rows));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                EntityRow inserted = rs.getObject(4) == null ? null : EntityReader.row(rs, STORED, 4);
                results[rs.getInt(1) - 1] = new Result(rs.getBoolean(2), (Long) rs.getObject(3), inserted);
            }
        }
        return Arrays.asList(results);
    }

    private static Sql sql(List<ObservationInserts.Row> rows) {
        List<Columns.Column> layout = rows.getFirst().columns();
        List<Object> params = new ArrayList<>(List.of(
                longs(rows, ObservationInserts.Row::tenantId),
                longs(rows, row -> row.datastream().id()),
                longs(rows, row -> row.feature() == null ? null : row.feature().id())));
        for (int c = 0; c < layout.size(); c++) {
            int column = c;
            params.add(new SqlArray("text", rows.stream().map(row -> text(row.columns().get(column).value())).toArray()));
        }
        return new Sql(text(layout), params);
    }

    /** The statement for rows of these columns, each column an array of texts named v0, v1, ... */
    private static String text(List<Columns.Column> layout) {
        List<String> arrays = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int c = 0; c < layout.size(); c++) {
            arrays.add("v" + c);
            // the column's own placeholder cast, applied to its text
            values.add(layout.get(c).placeholder().replace("?", "i.v" + c));
        }
        List<String> returned = new ArrayList<>();
        for (Property property : STORED.properties()) {
            returned.addAll(PropertyColumns.select(property, "o"));
        }
        return "with input as (select * from unnest(?::bigint[], ?::bigint[], ?::bigint[]"
                + ", ?::text[]".repeat(layout.size()) + ") with ordinality as i(tenant_id, datastream_id, feature_id, "
                + String.join(", ", arrays) + ", n)),"
                // locked in id order: one order for all keeps lock waits with concurrent deletes from forming cycles
                + " ds as (select d.id, d.tenant_id, d.thing_id from sta_datastream d"
                + " where (d.id, d.tenant_id) in (select datastream_id, tenant_id from input) order by d.id for key share),"
                + " given as (select f.id, f.tenant_id from sta_feature_of_interest f"
                + " where (f.id, f.tenant_id) in (select feature_id, tenant_id from input) order by f.id for key share),"
                + " located as (select ds.id as datastream_id, (select tl.location_id from sta_thing_location tl"
                + " where tl.thing_id = ds.thing_id order by tl.location_id limit 1) as location_id from ds),"
                + " generated as (select f.id, f.generated_from_location_id from sta_feature_of_interest f"
                + " where f.generated_from_location_id in (select location_id from located) order by f.id for key share),"
                + " resolved as (select i.n, ds.id as datastream_id, l.location_id,"
                + " coalesce(g.id, gen.id) as feature_of_interest_id,"
                // ids drawn here, so that each inserted row can be matched to its input row
                + " case when ds.id is not null and coalesce(g.id, gen.id) is not null"
                + " then nextval('sta_observation_id_seq') end as id"
                + " from input i left join ds on ds.id = i.datastream_id and ds.tenant_id = i.tenant_id"
                + " left join given g on g.id = i.feature_id and g.tenant_id = i.tenant_id"
                + " left join located l on i.feature_id is null and l.datastream_id = ds.id"
                + " left join generated gen on gen.generated_from_location_id = l.location_id),"
                + " obs as (insert into sta_observation as o (id, datastream_id, feature_of_interest_id, "
                + Columns.names(layout) + ") select r.id, r.datastream_id, r.feature_of_interest_id, "
                + String.join(", ", values) + " from resolved r join input i on i.n = r.n where r.id is not null"
                + " returning o.*),"
                + " counted as (insert into sta_observation_count (datastream_id, delta)"
                + " select datastream_id, count(*) from obs group by datastream_id),"
                + DatastreamSummaries.KEEP_INSERTED
                + " select r.n, r.datastream_id is not null, r.location_id, o.id, " + String.join(", ", returned)
                + " from resolved r left join obs o on o.id = r.id";
    }

    private static SqlArray longs(List<ObservationInserts.Row> rows, Function<ObservationInserts.Row, Long> value) {
        return new SqlArray("bigint", rows.stream().map(value).toArray());
    }

    /** A column value as text for its array; the column's cast reads it back. */
    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime time -> timestamptz(time);
            // String, Double, Short, Boolean: PostgreSQL reads Java's spelling of them
            default -> value.toString();
        };
    }

    private static String timestamptz(OffsetDateTime time) {
        int year = time.getYear();
        if (year >= 1 && year <= 9999) {
            return time.format(TIMESTAMPTZ);
        }
        // PostgreSQL writes years beyond 9999 unsigned, and those before year 1 (ISO 8601: 0 is 1 BC) as "... BC"
        return String.format("%04d", year > 0 ? year : 1 - year) + time.format(AFTER_YEAR) + (year > 0 ? "" : " BC");
    }
}
