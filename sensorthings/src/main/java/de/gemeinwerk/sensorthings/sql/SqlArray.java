package de.gemeinwerk.sensorthings.sql;

/** An array parameter; {@code elementType} is the PostgreSQL element type name ("bigint", "float8", "boolean"). */
public record SqlArray(String elementType, Object[] values) {}
