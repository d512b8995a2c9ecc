package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inserts an Observation in one statement — the ingest hot path. Within one round trip it locks the
 * Datastream (in the tenant) FOR KEY SHARE, finds and locks the FeatureOfInterest (the given one in the
 * tenant, or the one generated from the Thing's first Location), inserts the row and its count delta.
 * Only the very first Observation of a Location needs more: the generated FeatureOfInterest is created,
 * then the statement runs again. All columns are always listed, so the SQL text is one of two constants
 * and the driver reuses its server-side prepared statement.
 */
final class ObservationInserts {

    private static final List<Property> STORED = EntityType.OBSERVATION.properties();

    private static final String GIVEN_FEATURE = " foi as (select f.id from sta_feature_of_interest f where f.id = ?"
            + " and f.tenant_id = ? for key share), loc as (select null::bigint as location_id),";
    // the Thing's lowest-id Location, and the feature generated from it
    private static final String GENERATED_FEATURE = " loc as (select tl.location_id from ds join sta_thing_location tl"
            + " on tl.thing_id = ds.thing_id order by tl.location_id limit 1),"
            + " foi as (select f.id from loc join sta_feature_of_interest f on f.generated_from_location_id = loc.location_id"
            + " for key share of f),";

    private ObservationInserts() {}

    /**
     * @param feature the FeatureOfInterest, or null to use the one generated from the Thing's Location
     * @param at      the Observation's place in the body, for errors about it
     */
    static long insert(WriteScope scope, Ref.Existing datastream, Ref.Existing feature, Map<Property, Object> values,
                       Pointer at) throws SQLException {
        Outcome outcome = run(scope, datastream, feature, values);
        if (outcome.datastreams == 0) {
            throw Names.missing(EntityType.DATASTREAM, datastream.id(), datastream.at());
        }
        if (outcome.id != null) {
            return outcome.id;
        }
        if (feature != null) {
            throw Names.missing(EntityType.FEATURE_OF_INTEREST, feature.id(), feature.at());
        }
        if (outcome.locationId == null) {
            throw ApiException.badRequest("an Observation needs a FeatureOfInterest; its Thing has no Location to derive"
                    + " one from", at.where());
        }
        long generated = GeneratedFeatures.ensure(scope, outcome.locationId);
        return insert(scope, datastream, new Ref.Existing(EntityType.FEATURE_OF_INTEREST, generated, null), values, at);
    }

    private record Outcome(long datastreams, Long locationId, Long id) {}

    private static Outcome run(WriteScope scope, Ref.Existing datastream, Ref.Existing feature,
                               Map<Property, Object> values) throws SQLException {
        List<Columns.Column> columns = new ArrayList<>();
        for (Property property : STORED) {
            columns.addAll(Columns.of(property, values.get(property)));
        }
        List<Object> params = new ArrayList<>(List.of(datastream.id(), scope.tenantId()));
        if (feature != null) {
            params.add(feature.id());
            params.add(scope.tenantId());
        }
        params.addAll(Columns.values(columns));
        String text = "with ds as (select d.id, d.thing_id from sta_datastream d where d.id = ? and d.tenant_id = ?"
                + " for key share)," + (feature != null ? GIVEN_FEATURE : GENERATED_FEATURE)
                + " obs as (insert into sta_observation (datastream_id, feature_of_interest_id, " + Columns.names(columns)
                + ") select ds.id, foi.id, " + Columns.placeholders(columns) + " from ds, foi returning id, datastream_id),"
                + " counted as (insert into sta_observation_count (datastream_id, delta) select datastream_id, 1 from obs)"
                + " select (select count(*) from ds), (select location_id from loc), (select id from obs)";
        try (PreparedStatement statement = Statements.prepare(scope.connection(), new Sql(text, params));
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Outcome(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3));
        }
    }
}
