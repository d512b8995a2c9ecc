package de.gemeinwerk.sensorthings.read;

/** Rows as the reader would produce them, for unit tests of writers outside this package. */
public final class TestRows {

    private TestRows() {}

    /** An entity with its projected values, in projection order. */
    public static EntityRow row(long id, Object... values) {
        return new EntityRow(id, values, null);
    }
}
