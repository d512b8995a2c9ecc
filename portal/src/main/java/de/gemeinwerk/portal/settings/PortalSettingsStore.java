package de.gemeinwerk.portal.settings;

import de.gemeinwerk.geo.GeoJsonReader;
import de.gemeinwerk.geo.GeoJsonWriter;
import de.gemeinwerk.geo.GeometryFormatException;
import de.gemeinwerk.platform.error.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.sql.Types;

/** Reads and writes the portal settings of a tenant; every statement names the tenant. */
@Service
public class PortalSettingsStore {

    private static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;

    public PortalSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's settings; {@link PortalSettings#NONE} when it has set none. */
    public PortalSettings find(long tenantId) {
        return jdbc.sql("select tile_url, tile_attribution, boundary::text as boundary from portal_settings"
                        + " where tenant_id = :tenant")
                .param("tenant", tenantId)
                .query((rs, row) -> new PortalSettings(rs.getString("tile_url"), rs.getString("tile_attribution"),
                        rs.getString("boundary")))
                .optional().orElse(PortalSettings.NONE);
    }

    /** Replaces the tenant's settings after checking them; 400 naming the member that is wrong. */
    public PortalSettings save(long tenantId, PortalSettings settings) {
        PortalSettings valid = validate(settings);
        jdbc.sql("""
                        insert into portal_settings (tenant_id, tile_url, tile_attribution, boundary)
                        values (:tenant, :tileUrl, :attribution, cast(:boundary as jsonb))
                        on conflict (tenant_id) do update set tile_url = excluded.tile_url,
                            tile_attribution = excluded.tile_attribution, boundary = excluded.boundary,
                            updated_at = now()""")
                .param("tenant", tenantId)
                .param("tileUrl", valid.tileUrl(), Types.VARCHAR)
                .param("attribution", valid.tileAttribution(), Types.VARCHAR)
                .param("boundary", valid.boundary(), Types.VARCHAR)
                .update();
        return valid;
    }

    /**
     * Checks the settings and normalises the boundary (RFC 7946 text, as the map reads it). Pure.
     * The tile URL must be an absolute http(s) URL template with {z}, {x} and {y}, since the map fills exactly these.
     */
    public static PortalSettings validate(PortalSettings settings) {
        String tileUrl = blankToNull(settings.tileUrl());
        if (tileUrl != null) {
            if (tileUrl.length() > MAX_TEXT || !tileUrl.matches("https?://[^\\s\"'<>]+")
                    || !(tileUrl.contains("{z}") && tileUrl.contains("{x}") && tileUrl.contains("{y}"))) {
                throw ApiException.badRequest("tileUrl must be an http(s) URL template with {z}, {x} and {y}, e.g."
                        + " https://tiles.example.org/{z}/{x}/{y}.png", "tileUrl");
            }
            try {
                URI.create(tileUrl.replaceAll("\\{[a-z]}", "0"));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("tileUrl is not a valid URL: " + e.getMessage(), "tileUrl");
            }
        }
        String attribution = blankToNull(settings.tileAttribution());
        if (attribution != null && attribution.length() > MAX_TEXT) {
            throw ApiException.badRequest("tileAttribution may have at most " + MAX_TEXT + " characters",
                    "tileAttribution");
        }
        return new PortalSettings(tileUrl, attribution, boundary(settings.boundary()));
    }

    private static String boundary(String text) {
        if (text == null) {
            return null;
        }
        Geometry geometry;
        try {
            geometry = GeoJsonReader.read(text);
        } catch (GeometryFormatException e) {
            throw ApiException.badRequest("boundary is not valid GeoJSON: " + e.getMessage(), "boundary");
        }
        if (!(geometry instanceof Polygonal)) {
            throw ApiException.badRequest("boundary must be a GeoJSON Polygon or MultiPolygon", "boundary");
        }
        return GeoJsonWriter.toJsonString(geometry);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
