package de.gemeinwerk.console.settings;

/** The settings form's text fields as typed (and shown again when they have errors). */
record SettingsForm(String name, String boundary, String tileUrl, String tileAttribution) {
}
