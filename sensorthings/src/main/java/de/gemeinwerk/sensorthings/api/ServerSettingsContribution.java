package de.gemeinwerk.sensorthings.api;

import tools.jackson.core.JsonGenerator;

import java.util.List;

/**
 * What another module adds to the service root's {@code serverSettings} (a Spring bean): conformance classes it
 * implements and members of its own, e.g. the MQTT extension's endpoints.
 */
public interface ServerSettingsContribution {

    /** Conformance class URIs to list; empty when the module does not serve right now. */
    List<String> conformance();

    /** Writes this module's own members into {@code serverSettings}; {@code serviceRoot} as in self links. */
    void writeSettings(JsonGenerator g, String serviceRoot);
}
