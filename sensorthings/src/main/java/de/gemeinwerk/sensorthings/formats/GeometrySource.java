package de.gemeinwerk.sensorthings.formats;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.sql.GeoResults;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.SelectStatements;
import de.gemeinwerk.sensorthings.sql.Statements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the geometry of an entity's GeoJSON Feature comes from, fixed per entity type rather than "the first geometry
 * found" as in FROST-Server, so a map gets a geometry whatever the client selects or expands: a Location's
 * {@code location}, a FeatureOfInterest's {@code feature}, a (Multi)Datastream's {@code observedArea}; for a Thing and a
 * HistoricalLocation the {@code location} of its first Location (by id), for an Observation its FeatureOfInterest's
 * {@code feature}. Sensors and ObservedProperties have no place, so they have no GeoJSON form.
 *
 * @param property the geometry property
 * @param via      the to-one or to-many navigation to the entity holding it; null when the entity holds it itself
 */
public record GeometrySource(Property property, Navigation via) {

    public static GeometrySource of(EntityType type) {
        return switch (type) {
            case LOCATION -> own(type, "location");
            case FEATURE_OF_INTEREST -> own(type, "feature");
            case DATASTREAM, MULTI_DATASTREAM -> own(type, "observedArea");
            case THING, HISTORICAL_LOCATION -> via(type, "Locations", "location");
            case OBSERVATION -> via(type, "FeatureOfInterest", "feature");
            case SENSOR, OBSERVED_PROPERTY -> throw ApiException.badRequest(type.setName() + " have no geometry, so"
                    + " they have no GeoJSON form; $resultFormat=GeoJSON applies to Things, Locations, HistoricalLocations,"
                    + " Datastreams, MultiDatastreams, Observations and FeaturesOfInterest", ResultFormat.OPTION);
        };
    }

    private static GeometrySource own(EntityType type, String property) {
        return new GeometrySource(type.property(property).orElseThrow(), null);
    }

    private static GeometrySource via(EntityType type, String navigation, String property) {
        Navigation nav = type.navigation(navigation).orElseThrow();
        return new GeometrySource(nav.target().property(property).orElseThrow(), nav);
    }

    /** The projection to read: the selected one, plus the entity's own geometry property when it is not selected. */
    public Projection reading(Projection selected) {
        if (via != null || selected.properties().contains(property)) {
            return selected;
        }
        List<Property> properties = new ArrayList<>(selected.properties());
        properties.add(property);
        properties.sort(java.util.Comparator.comparingInt(selected.type().properties()::indexOf));
        return new Projection(selected.type(), selected.id(), selected.selfLink(), List.copyOf(properties),
                selected.navigationLinks());
    }

    /**
     * The GeoJSON text of each row's geometry, by row id. An own geometry is a value of the rows read with
     * {@link #reading}; one held by related entities takes one more statement, the same as a {@code $expand} with
     * {@code $top=1} (within the read's snapshot; the rows are the tenant's, so are their relatives).
     */
    public Map<Long, String> geometries(Connection connection, List<EntityRow> rows, Projection read, ReadScope reader)
            throws SQLException {
        Map<Long, String> geometries = new HashMap<>();
        if (via == null) {
            int index = read.properties().indexOf(property);
            rows.forEach(row -> geometries.put(row.id(), (String) row.value(index)));
            return geometries;
        }
        if (rows.isEmpty()) {
            return geometries;
        }
        Projection geometryOnly = new Projection(via.target(), false, false, List.of(property), List.of());
        long[] ids = rows.stream().mapToLong(EntityRow::id).toArray();
        try (PreparedStatement statement = Statements.prepare(connection, SelectStatements.expand(read.type(), via, ids,
                reader, QueryOptions.NONE, geometryOnly, GeoResults.NONE, 1, 0, false));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                // the LIMIT is top + 1 (to detect a next page); the first row per parent is the one asked for
                geometries.putIfAbsent(rs.getLong(1), (String) EntityReader.row(rs, geometryOnly, 2).value(0));
            }
        }
        return geometries;
    }
}
