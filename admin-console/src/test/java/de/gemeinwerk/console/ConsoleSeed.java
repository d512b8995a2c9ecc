package de.gemeinwerk.console;

import de.gemeinwerk.sensorthings.StaClient;

/** Things and Datastreams created through the real SensorThings API, for the console's tests. */
public final class ConsoleSeed {

    private ConsoleSeed() {}

    public static long thing(StaClient sta, String name) {
        return sta.create("Things", """
                {"name": "%s", "description": "Messstelle %s", "properties": {"zuständig": "Bauhof"},
                 "Locations": [{"name": "%s", "description": "Standort", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [9.5031, 51.3012]}}]}"""
                .formatted(name, name, name));
    }

    public static long datastream(StaClient sta, long thing, String name) {
        return sta.create("Things(" + thing + ")/Datastreams", """
                {"name": "%s", "description": "Radarpegel",
                 "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                 "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "https://ucum.org/ucum#cm"},
                 "Sensor": {"name": "Radarpegel", "description": "RP-30", "encodingType": "text/html",
                            "metadata": "https://example.org"},
                 "ObservedProperty": {"name": "Wasserstand", "definition": "https://example.org/wasserstand",
                                      "description": "Wasserstand"}}""".formatted(name));
    }
}
