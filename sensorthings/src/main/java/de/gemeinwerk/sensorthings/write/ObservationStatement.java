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
 * {@code with ordinality}. Within the statement, each row's Datastream (or MultiDatastream) and given FeatureOfInterest
 * are looked up within the row's own tenant and locked FOR KEY SHARE (so neither can be deleted before the commit); a
 * row without a FeatureOfInterest gets the one generated from its Thing's lowest-id Location. Rows whose
 * (Multi)Datastream or FeatureOfInterest is not found, or whose result does not have the size of its
 * MultiDatastream, are not inserted; the others are, with what is kept per Datastream (count, envelope, latest
 * Observation, hourly rollup: {@link DatastreamSummaries#KEEP_INSERTED}; Datastream rows only), and come back with all their columns, so a response needs no read-back.
 */
final class ObservationStatement {

    /**
     * One row's fate: whether its Datastream (or MultiDatastream) exists in its tenant, the Location its
     * FeatureOfInterest would be generated from, the Observation as stored (null when it was not inserted), and for a
     * MultiDatastream's row whose result has the wrong size, the size expected and the size found (else null and 0).
     */
    record Result(boolean datastreamFound, Long locationId, EntityRow inserted, Integer expectedSize, int foundSize) {}

    private static final Projection STORED = Projection.of(EntityType.OBSERVATION, List.of());
    // what PostgreSQL reads as timestamptz; for years 1 to 9999, which ISO 8601 writes without a sign
    private static final DateTimeFormatter TIMESTAMPTZ = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSSxxx");
    private static final DateTimeFormatter AFTER_YEAR = DateTimeFormatter.ofPattern("-MM-dd HH:mm:ss.SSSSSSSSSxxx");

    private ObservationStatement() {}

    /**
     * The results in the order of the rows; {@code readBack}: each inserted row with all its columns, else with its id
     * alone ({@link EntityRow#of}), which spares the database writing out and the caller reading every stored row.
     */
    static List<Result> run(Connection connection, List<ObservationInserts.Row> rows, boolean readBack)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Result[] results = new Result[rows.size()];
        try (PreparedStatement statement = Statements.prepare(connection, sql(rows, readBack));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                EntityRow inserted = rs.getObject(6) == null ? null
                        : readBack ? EntityReader.row(rs, STORED, 6) : EntityRow.of(rs.getLong(6));
                results[rs.getInt(1) - 1] = new Result(rs.getBoolean(2), (Long) rs.getObject(3), inserted,
                        (Integer) rs.getObject(4), rs.getInt(5));
            }
        }
        return Arrays.asList(results);
    }

    private static Sql sql(List<ObservationInserts.Row> rows, boolean readBack) {
        List<Columns.Column> layout = rows.getFirst().columns();
        List<Object> params = new ArrayList<>(List.of(
                longs(rows, ObservationInserts.Row::tenantId),
                longs(rows, row -> row.multi() ? null : row.datastream().id()),
                longs(rows, row -> row.multi() ? row.datastream().id() : null),
                longs(rows, row -> row.feature() == null ? null : row.feature().id())));
        for (int c = 0; c < layout.size(); c++) {
            params.add(new SqlArray("text", texts(rows, c)));
        }
        return new Sql(text(layout, readBack), params);
    }

    /**
     * The statement for rows of these columns, each column an array of texts named v0, v1, ... A row names a
     * Datastream or a MultiDatastream; rows of MultiDatastreams are inserted by a CTE of their own ({@code multi_obs}),
     * so that everything kept per Datastream (counts, time envelopes) stays a matter of {@code obs} alone.
     */
    private static String text(List<Columns.Column> layout, boolean readBack) {
        List<String> arrays = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String result = null;
        for (int c = 0; c < layout.size(); c++) {
            arrays.add("v" + c);
            // the column's own placeholder cast, applied to its text
            values.add(layout.get(c).placeholder().replace("?", "i.v" + c));
            if (layout.get(c).name().equals("result_json")) {
                result = "i.v" + c + "::jsonb";
            }
        }
        List<String> returned = new ArrayList<>();
        for (Property property : STORED.properties()) {
            returned.addAll(PropertyColumns.select(property, "o"));
        }
        returned.add(Projection.observationParentColumn("o"));
        String insert = " (insert into sta_observation as o (id, datastream_id, multi_datastream_id, feature_of_interest_id, "
                + Columns.names(layout) + ") select r.id, r.datastream_id, r.multi_datastream_id, r.feature_of_interest_id, "
                + String.join(", ", values) + " from resolved r join input i on i.n = r.n where r.id is not null and r.";
        return "with input as (select * from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]"
                + ", ?::text[]".repeat(layout.size()) + ") with ordinality as i(tenant_id, datastream_id, multi_datastream_id,"
                + " feature_id, " + String.join(", ", arrays) + ", n)),"
                // locked in id order: one order for all keeps lock waits with concurrent deletes from forming cycles
                + " ds as (select d.id, d.tenant_id, d.thing_id from sta_datastream d"
                + " where (d.id, d.tenant_id) in (select datastream_id, tenant_id from input) order by d.id for key share),"
                // width: the number of ObservedProperties, which unitOfMeasurements matches
                + " mds as (select m.id, m.tenant_id, m.thing_id, jsonb_array_length(m.unit_of_measurements) as width"
                + " from sta_multi_datastream m where (m.id, m.tenant_id) in (select multi_datastream_id, tenant_id from input)"
                + " order by m.id for key share),"
                + " given as (select f.id, f.tenant_id from sta_feature_of_interest f"
                + " where (f.id, f.tenant_id) in (select feature_id, tenant_id from input) order by f.id for key share),"
                + " located as (select ds.id as datastream_id, " + firstLocation("ds") + " as location_id from ds),"
                + " located_multi as (select mds.id as multi_datastream_id, " + firstLocation("mds") + " as location_id"
                + " from mds),"
                + " generated as (select f.id, f.generated_from_location_id from sta_feature_of_interest f"
                + " where f.generated_from_location_id in (select location_id from located"
                + " union all select location_id from located_multi) order by f.id for key share),"
                + " checked as (select i.n, ds.id as datastream_id, mds.id as multi_datastream_id,"
                + " coalesce(l.location_id, lm.location_id) as location_id,"
                + " coalesce(g.id, gen.id) as feature_of_interest_id,"
                // a MultiDatastream's result must have its width (the writer made sure it is an array)
                + " case when mds.id is null then null else jsonb_array_length(" + result + ") end as found_size,"
                + " mds.width"
                + " from input i left join ds on ds.id = i.datastream_id and ds.tenant_id = i.tenant_id"
                + " left join mds on mds.id = i.multi_datastream_id and mds.tenant_id = i.tenant_id"
                + " left join given g on g.id = i.feature_id and g.tenant_id = i.tenant_id"
                + " left join located l on i.feature_id is null and l.datastream_id = ds.id"
                + " left join located_multi lm on i.feature_id is null and lm.multi_datastream_id = mds.id"
                + " left join generated gen on gen.generated_from_location_id = coalesce(l.location_id, lm.location_id)),"
                + " resolved as (select c.*, case when c.found_size is distinct from c.width then c.width end as expected_size,"
                // ids drawn here, so that each inserted row can be matched to its input row
                + " case when (c.datastream_id is not null or c.multi_datastream_id is not null)"
                + " and c.feature_of_interest_id is not null and c.found_size is not distinct from c.width"
                + " then nextval('sta_observation_id_seq') end as id from checked c),"
                + " obs as" + insert + "datastream_id is not null returning "
                + (readBack ? "o.*" : DatastreamSummaries.INSERTED_COLUMNS) + "),"
                + " multi_obs as" + insert + "multi_datastream_id is not null" + (readBack ? " returning o.*" : "") + "),"
                + DatastreamSummaries.KEEP_INSERTED
                + " select r.n, r.datastream_id is not null or r.multi_datastream_id is not null, r.location_id,"
                + " r.expected_size, r.found_size, "
                // a row is inserted exactly when it drew an id (the data-modifying CTEs run whether read or not)
                + (readBack ? "o.id, " + String.join(", ", returned)
                + " from resolved r left join (select * from obs union all select * from multi_obs) o on o.id = r.id"
                : "r.id from resolved r");
    }

    /** The lowest-id Location of the Thing of the (Multi)Datastream at {@code alias}: where a FeatureOfInterest comes from. */
    private static String firstLocation(String alias) {
        return "(select tl.location_id from sta_thing_location tl where tl.thing_id = " + alias + ".thing_id"
                + " order by tl.location_id limit 1)";
    }

    private static SqlArray longs(List<ObservationInserts.Row> rows, Function<ObservationInserts.Row, Long> value) {
        return new SqlArray("bigint", rows.stream().map(value).toArray());
    }

    /**
     * One column of all rows as texts. Rows that share a value (the Observations of one device message share times and
     * parameters, see {@link ObservationInserts.Siblings}) follow each other, so a value is converted only when it is
     * not the very object the row before had.
     */
    private static Object[] texts(List<ObservationInserts.Row> rows, int column) {
        Object[] texts = new Object[rows.size()];
        Object previous = null;
        String text = null;
        for (int i = 0; i < texts.length; i++) {
            Object value = rows.get(i).columns().get(column).value();
            if (value != previous) {
                previous = value;
                text = text(value);
            }
            texts[i] = text;
        }
        return texts;
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
