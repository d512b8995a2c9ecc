package de.gemeinwerk.sensorthings.write;

/**
 * A JSON pointer (RFC 6901) into the document being written, for the {@code where} of an error:
 * {@code body: /Datastreams/0/unitOfMeasurement}. {@code document} names what the pointer points into
 * ("body", or "patched entity" for the result of a JSON Patch).
 */
record Pointer(String document, String path) {

    static final Pointer BODY = new Pointer("body", "");

    Pointer child(String member) {
        return new Pointer(document, path + "/" + member.replace("~", "~0").replace("/", "~1"));
    }

    Pointer child(int index) {
        return new Pointer(document, path + "/" + index);
    }

    /** Appends a relative path such as the geo module's {@code coordinates/0/1}. */
    Pointer descend(String relative) {
        return relative.isEmpty() ? this : new Pointer(document, path + "/" + relative);
    }

    String where() {
        return path.isEmpty() ? document : document + ": " + path;
    }
}
