package de.gemeinwerk.sensorthings.sql;

/** A compiled filter value. */
sealed interface Operand {

    /** A plain SQL value of a known type. */
    record Scalar(Sql sql, ValueType type) implements Operand {}

    /**
     * A time that may be an interval: an Observation's phenomenonTime, validTime, a Datastream's
     * phenomenonTime, or an interval literal. For instants start and end are the same value.
     * {@code startNeverAfterEnd} lets comparisons add an index-friendly condition on start.
     */
    record TimeRange(Sql start, Sql end, boolean startNeverAfterEnd) implements Operand {}

    /**
     * A value whose type is known only from what it is compared with: a member of a JSON property
     * ({@code properties/height}) or an Observation's result. It renders itself as the wanted type;
     * values of another type become NULL, so they simply do not match.
     */
    non-sealed interface Polymorphic extends Operand {
        Sql as(ValueType type);

        /** The value as jsonb, for comparing two polymorphic values. */
        Sql asJson();

        /** SQL that is true when the value is absent or JSON null. */
        Sql isNull();
    }

    /** A geometry literal from {@code geography'...'}: only geospatial functions take it. */
    record GeometryLiteral(String wkt, int position) implements Operand {}

    /**
     * A geometry property (Location/location, FeatureOfInterest/feature, Datastream/observedArea) of the
     * entity at {@code ownerAlias}. Geospatial functions are decided in Java per owner id, see GeoResults.
     */
    record GeometryProperty(String ownerAlias, de.gemeinwerk.sensorthings.model.EntityType owner,
                            de.gemeinwerk.sensorthings.model.Property property) implements Operand {}

    /** The null literal. */
    record Null() implements Operand {}
}
