package de.gemeinwerk.platform.tenant;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Each tenant's logo (table {@code tenant_logo}): set in its console, shown on its portal. Only PNG, JPEG, WebP and
 * SVG up to {@link #MAX_BYTES}, recognised by their first bytes rather than by what the upload claims.
 */
@Service
public class TenantLogos {

    public static final int MAX_BYTES = 512 * 1024;

    /** A stored logo; {@code updatedAt} versions its URL, so browsers may cache it for long. */
    public record Logo(String mediaType, byte[] content, Instant updatedAt) {}

    private final JdbcClient jdbc;

    public TenantLogos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Logo> find(long tenantId) {
        return jdbc.sql("select media_type, content, updated_at from tenant_logo where tenant_id = :tenant")
                .param("tenant", tenantId)
                .query((rs, row) -> new Logo(rs.getString("media_type"), rs.getBytes("content"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** When the tenant's logo was last changed, without reading it; empty when it has none. */
    public Optional<Instant> version(long tenantId) {
        return jdbc.sql("select updated_at from tenant_logo where tenant_id = :tenant").param("tenant", tenantId)
                .query((rs, row) -> rs.getTimestamp("updated_at").toInstant()).optional();
    }

    /** Stores the logo after checking it; 400 (where {@code logo}) for anything else than the four formats. */
    public void save(long tenantId, byte[] content) {
        String mediaType = mediaType(content);
        jdbc.sql("""
                        insert into tenant_logo (tenant_id, media_type, content) values (:tenant, :type, :content)
                        on conflict (tenant_id) do update set media_type = excluded.media_type,
                            content = excluded.content, updated_at = now()""")
                .param("tenant", tenantId).param("type", mediaType).param("content", content).update();
    }

    public void remove(long tenantId) {
        jdbc.sql("delete from tenant_logo where tenant_id = :tenant").param("tenant", tenantId).update();
    }

    /** The media type the bytes have, by their signature; 400 for an empty, too large or other file. Pure. */
    public static String mediaType(byte[] content) {
        if (content == null || content.length == 0) {
            throw ApiException.badRequest("The logo file is empty.", "logo");
        }
        if (content.length > MAX_BYTES) {
            throw ApiException.badRequest("A logo may have at most 512 KiB.", "logo");
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (isSvg(content)) {
            return "image/svg+xml";
        }
        throw ApiException.badRequest("A logo must be a PNG, JPEG, WebP or SVG file.", "logo");
    }

    /** SVG is text: an XML document (after an optional BOM, declaration and comments) whose root element is svg. */
    private static boolean isSvg(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8)
                .replaceFirst("^\uFEFF", "").stripLeading();
        String rest = text.replaceFirst("^<\\?xml[^>]*\\?>", "").stripLeading();
        while (rest.startsWith("<!--") && rest.contains("-->")) {
            rest = rest.substring(rest.indexOf("-->") + 3).stripLeading();
        }
        rest = rest.replaceFirst("^<!DOCTYPE svg[^>]*>", "").stripLeading();
        return rest.startsWith("<svg") && rest.length() > 4
                && (Character.isWhitespace(rest.charAt(4)) || rest.charAt(4) == '>');
    }

    private static boolean startsWith(byte[] content, int offset, int... signature) {
        if (content.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
