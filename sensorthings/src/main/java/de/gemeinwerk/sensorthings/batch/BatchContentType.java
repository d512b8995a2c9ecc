package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The two batch formats, told apart by the request's Content-Type: {@code application/json} (OData 4.01 JSON
 * batch) and {@code multipart/mixed; boundary=...} (OData 4.0 multipart batch, the SensorThings 1.1 standard).
 * A batch is answered in the format it came in.
 */
public enum BatchContentType {
    JSON, MULTIPART;

    private static final MediaType MULTIPART_MIXED = MediaType.parseMediaType("multipart/mixed");

    /** @throws ApiException 415 for another media type, 400 for a multipart type without a usable boundary */
    public static BatchContentType of(String contentType) {
        MediaType type = parse(contentType);
        if (type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return JSON;
        }
        if (type != null && type.isCompatibleWith(MULTIPART_MIXED)) {
            boundary(contentType, "Content-Type");
            return MULTIPART;
        }
        throw ApiException.unsupportedMediaType("send a batch as application/json (JSON batch) or as multipart/mixed;"
                + " boundary=... (multipart batch)" + (contentType == null ? "" : ", not " + contentType));
    }

    /** The boundary parameter of a multipart media type: 1 to 70 characters (RFC 2046), quotes removed. */
    public static String boundary(String contentType, String where) {
        String boundary;
        try {
            boundary = contentType == null ? null : MediaType.parseMediaType(contentType).getParameter("boundary");
        } catch (InvalidMediaTypeException e) {
            boundary = null;
        }
        if (boundary != null && boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70 || boundary.endsWith(" ")) {
            throw ApiException.badRequest("a multipart/mixed Content-Type needs a boundary parameter of 1 to 70"
                    + " characters, e.g. multipart/mixed; boundary=batch_1", where);
        }
        return boundary;
    }

    private static MediaType parse(String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw ApiException.unsupportedMediaType("Content-Type '" + contentType + "' is not a media type");
        }
    }
}
