package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.sql.Target;

/**
 * A request path resolved against the model and the tenant's data: the target, and optionally one
 * property of it ({@code Things(1)/name}) and the $ref / $value suffix.
 */
public record ResolvedPath(Target target, Property property, ResourcePath.Suffix suffix) {}
