package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;

/** A fresh tenant to ingest into, with helpers that create what Observations need, over HTTP. */
public record IngestTenant(StaClient client) {

    public static IngestTenant create(int port, Tenants tenants, ApiKeys keys) {
        return new IngestTenant(StaClient.newTenant(port, tenants, keys, "ingest"));
    }

    public long id() {
        return client.tenant().id();
    }

    /** A Datastream of a new Thing with one new Location (whose generated FeatureOfInterest does not exist yet). */
    public long datastream() {
        long thing = client.create("Things", """
                {"name": "Pegel", "description": "Wasserstand",
                 "Locations": [{"name": "Brücke", "description": "an der Brücke", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [8.5, 49.5]}}],
                 "Datastreams": [{"name": "Wasserstand", "description": "cm",
                   "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                   "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "ucum:cm"},
                   "Sensor": {"name": "Radar", "description": "Radarpegel", "encodingType": "text/html", "metadata": "x"},
                   "ObservedProperty": {"name": "Wasserstand", "definition": "http://example.org/wl",
                                        "description": "Pegel"}}]}""");
        return client.get("Things(" + thing + ")/Datastreams").get("value").get(0).get("@iot.id").asLong();
    }

    public long feature() {
        return client.create("FeaturesOfInterest", """
                {"name": "Ufer", "description": "am Ufer", "encodingType": "application/geo+json",
                 "feature": {"type": "Point", "coordinates": [8.6, 49.6]}}""");
    }
}
