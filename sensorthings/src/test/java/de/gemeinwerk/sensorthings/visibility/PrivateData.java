package de.gemeinwerk.sensorthings.visibility;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant with public and private entities, and the kinds of readers: the tenant's own key, an instance admin key,
 * no key, and a key of another tenant. Made private through the admin API, as staff would.
 * <ul>
 *   <li>{@code publicThing} (public) with {@code publicDatastream} (public), {@code privateDatastream} (private) and
 *       {@code privateMulti} (private MultiDatastream);</li>
 *   <li>{@code privateThing} (private) with {@code datastreamOfPrivateThing} (public itself, hidden by its Thing);</li>
 *   <li>Locations: {@code sharedLocation} (both Things: visible), {@code privateLocation} (only the private Thing:
 *       hidden), {@code lonelyLocation} (no Thing: visible); each Thing has a HistoricalLocation.</li>
 * </ul>
 * Observations of hidden (Multi)Datastreams have results from 900 on, visible ones below 10, so a leaked value is
 * recognisable. All share one FeatureOfInterest, one Sensor, one ObservedProperty (visible to everyone).
 * {@code generatedFeature} was generated from {@code privateLocation} for an Observation posted without one (since
 * deleted): it copies the hidden Location's name and geometry, so it is hidden too.
 */
final class PrivateData {

    static final String TIME = "2026-11-01T10:00:00Z";

    final StaClient own;
    final StaClient anonymous;
    final StaClient otherTenant;
    final StaClient other;
    final StaClient instanceAdmin;
    final long sensor;
    final long property;
    final long feature;
    final long publicThing;
    final long privateThing;
    final long publicDatastream;
    final long privateDatastream;
    final long datastreamOfPrivateThing;
    final long privateMulti;
    final long sharedLocation;
    final long privateLocation;
    final long lonelyLocation;
    final long generatedFeature;
    final long publicHistoricalLocation;
    final long privateHistoricalLocation;
    final List<Long> visibleObservations = new ArrayList<>();
    final List<Long> hiddenObservations = new ArrayList<>();

    PrivateData(int port, Tenants tenants, ApiKeys keys) {
        own = StaClient.newTenant(port, tenants, keys, "sichtbar");
        anonymous = own.withKey(null);
        otherTenant = StaClient.newTenant(port, tenants, keys, "fremd");
        other = own.withKey(otherTenant.key());
        instanceAdmin = own.withKey(keys.create(null, "Kreis-IT", Role.ADMIN).key());
        sensor = own.create("Sensors", """
                {"name": "Pegelsonde", "description": "d", "encodingType": "text/html", "metadata": "m"}""");
        property = own.create("ObservedProperties", """
                {"name": "Wasserstand", "definition": "https://example.org/w", "description": "d"}""");
        // the private Location first: the lowest id is the private Thing's Location a FeatureOfInterest is generated from
        privateLocation = location("Geheimer Keller", 9.6);
        sharedLocation = location("Am Markt", 9.5);
        lonelyLocation = location("Ohne Ding", 9.7);
        publicThing = own.create("Things", """
                {"name": "Offener Pegel", "description": "d", "Locations": [{"@iot.id": %d}]}""".formatted(sharedLocation));
        privateThing = own.create("Things", """
                {"name": "Geheimer Pegel", "description": "d", "Locations": [{"@iot.id": %d}, {"@iot.id": %d}]}"""
                .formatted(sharedLocation, privateLocation));
        publicHistoricalLocation = firstId(own.getWithKey("Things(" + publicThing + ")/HistoricalLocations"));
        privateHistoricalLocation = firstId(own.getWithKey("Things(" + privateThing + ")/HistoricalLocations"));
        publicDatastream = datastream("Offener Strom", publicThing);
        privateDatastream = datastream("Geheimer Strom", publicThing);
        datastreamOfPrivateThing = datastream("Strom des geheimen Pegels", privateThing);
        privateMulti = own.create("MultiDatastreams", """
                {"name": "Geheimer Mehrfachstrom", "description": "d",
                 "multiObservationDataTypes": ["http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"],
                 "unitOfMeasurements": [{"name": "cm", "symbol": "cm", "definition": "d"}],
                 "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d}, "ObservedProperties": [{"@iot.id": %d}]}"""
                .formatted(publicThing, sensor, property));
        long first = own.create("Datastreams(" + publicDatastream + ")/Observations", """
                {"result": 1, "phenomenonTime": "%s", "FeatureOfInterest": {"name": "Ufer", "description": "d",
                 "encodingType": "application/geo+json", "feature": {"type": "Point", "coordinates": [9.5, 51.3]}}}"""
                .formatted(TIME));
        visibleObservations.add(first);
        feature = own.get("Observations(" + first + ")/FeatureOfInterest").get("@iot.id").asLong();
        visibleObservations.add(observation("Datastreams", publicDatastream, "2"));
        hiddenObservations.add(observation("Datastreams", privateDatastream, "901"));
        hiddenObservations.add(observation("Datastreams", privateDatastream, "902"));
        hiddenObservations.add(observation("Datastreams", datastreamOfPrivateThing, "903"));
        hiddenObservations.add(observation("MultiDatastreams", privateMulti, "[904]"));
        generatedFeature = featureGeneratedFromTheLocationOf(datastreamOfPrivateThing);
        setPublic("Things", privateThing, false);
        setPublic("Datastreams", privateDatastream, false);
        setPublic("MultiDatastreams", privateMulti, false);
    }

    /** The readers and whether each sees the private entities. */
    List<Reader> readers() {
        return List.of(new Reader("own key", own, true), new Reader("instance admin key", instanceAdmin, true),
                new Reader("no key", anonymous, false), new Reader("other tenant's key", other, false));
    }

    record Reader(String name, StaClient client, boolean seesPrivate) {

        HttpResponse<String> get(String path) {
            return client.getWithKey(path);
        }

        JsonNode json(String path) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as("%s: GET %s: %s", name, path, response.body()).isEqualTo(200);
            return StaClient.json(response.body());
        }

        /** The ids of a one-page collection. */
        Set<Long> ids(String path) {
            Set<Long> ids = new TreeSet<>();
            json(path).get("value").forEach(entity -> ids.add(entity.get("@iot.id").asLong()));
            return ids;
        }

        /** {@code all} for a reader who sees private entities, otherwise only {@code visible}. */
        Set<Long> expected(List<Long> visible, List<Long> all) {
            return new TreeSet<>(seesPrivate ? all : visible);
        }
    }

    void setPublic(String set, long id, boolean isPublic) {
        HttpResponse<String> response = own.http().sendJson("PUT", "/" + own.tenant().slug() + "/admin/v1/visibility/"
                + set + "/" + id, "{\"public\": " + isPublic + "}", own.key());
        assertThat(response.statusCode()).as("PUT visibility: %s", response.body()).isEqualTo(200);
    }

    List<Long> allObservations() {
        List<Long> all = new ArrayList<>(visibleObservations);
        all.addAll(hiddenObservations);
        return all;
    }

    private long location(String name, double x) {
        return own.create("Locations", """
                {"name": "%s", "description": "d", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [%s, 51.3]}}""".formatted(name, x));
    }

    private long featureGeneratedFromTheLocationOf(long datastream) {
        long observation = own.create("Datastreams(" + datastream + ")/Observations",
                "{\"result\": 999, \"phenomenonTime\": \"" + TIME + "\"}");
        long generated = own.get("Observations(" + observation + ")/FeatureOfInterest").get("@iot.id").asLong();
        HttpResponse<String> deleted = own.send("DELETE", "Observations(" + observation + ")", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        return generated;
    }

    private long datastream(String name, long thing) {
        return own.create("Datastreams", """
                {"name": "%s", "description": "d", "observationType":
                 "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                 "unitOfMeasurement": {"name": "cm", "symbol": "cm", "definition": "d"},
                 "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d}, "ObservedProperty": {"@iot.id": %d}}"""
                .formatted(name, thing, sensor, property));
    }

    private long observation(String set, long parent, String result) {
        return own.create(set + "(" + parent + ")/Observations", """
                {"result": %s, "phenomenonTime": "%s", "FeatureOfInterest": {"@iot.id": %d}}"""
                .formatted(result, TIME, feature));
    }

    private static long firstId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StaClient.json(response.body()).get("value").get(0).get("@iot.id").asLong();
    }
}
