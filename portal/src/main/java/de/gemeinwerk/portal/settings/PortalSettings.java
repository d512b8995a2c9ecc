package de.gemeinwerk.portal.settings;

/**
 * What a tenant's portal shows beyond its data (table {@code portal_settings}).
 *
 * @param tileUrl         XYZ tile URL template of the base map, or null for none (then the map makes no outbound
 *                        request: plain background and boundary only)
 * @param tileAttribution the tile provider's attribution text, or null
 * @param boundary        the municipality's boundary as GeoJSON Polygon or MultiPolygon text, or null
 */
public record PortalSettings(String tileUrl, String tileAttribution, String boundary) {

    public static final PortalSettings NONE = new PortalSettings(null, null, null);
}
