package de.gemeinwerk.sensorthings.sql;

/** The type of a compiled filter operand; decides which comparisons and functions apply. */
public enum ValueType {
    BOOLEAN("boolean"), NUMBER("number"), STRING("text"), DATETIME("date-time"), DATE("date"), TIME("time"),
    DURATION("duration"), GEOMETRY("geometry"), JSON("JSON value"), NULL("null");

    private final String label;

    ValueType(String label) { this.label = label; }

    /** For error messages: "cannot compare a number with a text". */
    public String label() { return label; }
}
