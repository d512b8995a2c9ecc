package de.gemeinwerk.console.entities;

/**
 * The edit form's fields as typed (and shown again when they have errors).
 *
 * @param categories comma-separated, see {@link Categories}
 * @param isPublic   null when the public/private field is not shown
 */
record EntityForm(String name, String description, String categories, Boolean isPublic) {
}
