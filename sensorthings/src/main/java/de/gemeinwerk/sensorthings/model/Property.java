package de.gemeinwerk.sensorthings.model;

/**
 * One property of an entity type.
 *
 * @param name     the JSON name ("name", "unitOfMeasurement", ...)
 * @param kind     storage and behaviour
 * @param column   the column, or for two-column kinds the start column's stem: "phenomenon_time" means
 *                 phenomenon_time_start / phenomenon_time_end; for RESULT "result"; for TIME_ENVELOPE the
 *                 observation column stem it summarises
 * @param required must be given on create
 * @param readOnly computed by the server, rejected in create/update bodies
 */
public record Property(String name, PropertyKind kind, String column, boolean required, boolean readOnly) {

    static Property required(String name, PropertyKind kind, String column) {
        return new Property(name, kind, column, true, false);
    }

    static Property optional(String name, PropertyKind kind, String column) {
        return new Property(name, kind, column, false, false);
    }

    static Property computed(String name, PropertyKind kind, String column) {
        return new Property(name, kind, column, false, true);
    }

    public String startColumn() { return column + "_start"; }

    public String endColumn() { return column + "_end"; }
}
