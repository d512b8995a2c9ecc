package de.gemeinwerk.console.entities;

/**
 * The edit form's fields as typed (and shown again when they have errors).
 *
 * @param categories comma-separated, see {@link Categories}
 * @param isPublic   null when the form did not say (public/private then stays as it is)
 */
record EntityForm(String name, String description, String categories, Boolean isPublic) {
}
