/**
 * Geometry for Gemeinwerk without PostGIS.
 *
 * <p>Locations are stored as GeoJSON ({@code jsonb}) together with a {@link de.gemeinwerk.geo.BoundingBox}
 * in four numeric columns. The SQL layer narrows candidate rows with the box and this package decides
 * the exact SensorThings {@code $filter} functions in Java with JTS, with the semantics of PostGIS's
 * planar {@code geometry} functions (coordinates taken as given; distance and length in coordinate
 * units), which is what FROST-Server, the reference implementation, returns.
 *
 * <ul>
 *   <li>{@link de.gemeinwerk.geo.GeoJsonReader} / {@link de.gemeinwerk.geo.GeoJsonWriter}: stored and
 *       posted locations.</li>
 *   <li>{@link de.gemeinwerk.geo.WktReader}: {@code geography'…'} and {@code geometry'…'} literals.</li>
 *   <li>{@link de.gemeinwerk.geo.SpatialPredicates} and {@link de.gemeinwerk.geo.SpatialFunction}: the
 *       functions themselves, and whether a bounding-box prefilter is safe for each.</li>
 * </ul>
 */
package de.gemeinwerk.geo;
