package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static de.gemeinwerk.sensorthings.conformance.MunicipalData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a 4xx {@code application/problem+json} answer with a {@code detail} and, for a request
 * part, a {@code where} that points at the offending place ("$filter at position 7"); never a 500, never a
 * stack trace or a Java class name. Positions are zero-based offsets in the decoded option value.
 */
@SensorThingsTest
class BadRequestTest extends ConformanceTestBase {

    private static StaClient scratch;
    private static long scratchThing;

    /** A tenant of its own for bodies that might, against expectation, be accepted. */
    private synchronized StaClient scratch() {
        if (scratch == null) {
            scratch = newTenant("fehlerfall");
            scratchThing = scratch.create("Things", "{\"name\": \"Bank am Teich\", \"description\": \"Sitzbank\"}");
        }
        return scratch;
    }

    // ---- $filter ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "$filter={0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // syntax
            "name eq 'a' an name eq 'b'                 | $filter at position 12",
            "result gt                                  | $filter at position 9",
            "(name eq 'a'                               | $filter at position 12",
            "name eq 'Mühlbach                          | $filter at position 8",
            "name EQ 'a'                                | $filter at position 5",
            "name eq 'a' or Length(name) gt 3           | $filter at position 15",
            "foo(name) eq 1                             | $filter at position 0",
            "substring(name) eq 'a'                     | $filter at position 0",
            "name eq datetime'2024-01-01'               | $filter at position 8",
            "name eq                                    | $filter at position 7",
            "''                                         | $filter at position 0",
            // unknown properties
            "colour eq 'rot'                            | $filter at position 0",
            "name eq 'a' and Datastreams/colour eq 1    | $filter at position 16",
            "name/first eq 'P'                          | $filter at position 0",
            "Datastreams/any(d: d/colour eq 1)          | $filter at position 19",
            // types
            "name gt 5                                  | $filter at position 0",
            "name eq 'a' and length(name) eq 'b'        | $filter at position 16",
            "not name                                   | $filter at position 4",
            "name add 1 eq 2                            | $filter at position 0",
            "year(name) eq 2024                         | $filter at position 5",
            "Datastreams eq 1                           | $filter at position 0",
            "st_within(Locations/location, 5)           | $filter at position 30",
            "st_within(Locations/location, geography'POLYGON((1 2')   | $filter at position 0",
            "name eq 2024-13-01T00:00:00Z               | $filter at position 8",
            "name eq 2024-05-01T10:00:00                | $filter at position 8",
    })
    void brokenFilterOnThingsIs400AtTheExactPosition(String filter, String where) {
        String value = filter.equals("''") ? "" : filter.strip();
        JsonNode problem = assertBadRequest(sta().getRaw("Things?$filter=" + value), where);
        assertThat(problem.get("detail").asString()).doesNotContain("null");
    }

    @Test
    void typeErrorsNameWhatWasCompared() {
        JsonNode problem = assertBadRequest(sta().getRaw("Things?$filter=name gt 5"), "$filter at position 0");
        assertThat(problem.get("detail").asString()).contains("text", "number");
        problem = assertBadRequest(sta().getRaw("Things?$filter=Length(name) gt 3"), "$filter at position 0");
        assertThat(problem.get("detail").asString()).contains("length");
    }

    @Test
    void notBindsTighterThanAComparison() {
        // OData precedence: "not result gt 100" is "(not result) gt 100", a boolean compared with a number
        assertBadRequest(sta().getRaw("Observations?$filter=not result gt 100"), "$filter at position 0");
    }

    @Test
    void valuesOutOfRangeAreTheClientsError() {
        assertProblem(sta().getRaw("Things?$filter=id add 9223372036854775807 gt 0"), 400);
        assertProblem(sta().getRaw("Things?$filter=substring(name, 99999999999) eq 'x'"), 400);
        assertProblem(sta().getRaw("Things?$filter=id eq 99999999999999999999"), 400);
        assertProblem(sta().getRaw("Observations?$filter=resultTime add duration'P999999999D' gt now()"), 400);
        assertProblem(sta().getRaw("Observations?$filter=time(phenomenonTime) eq 25:00:00"), 400);
        assertProblem(sta().getRaw("Observations?$filter=date(phenomenonTime) eq 2024-02-30"), 400);
    }

    // ---- other query options ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "$orderby=colour                               | $orderby at position 0",
            "$orderby=name sideways                        | $orderby at position 5",
            "$orderby=name,                                | $orderby at position 5",
            "$select=colour                                | $select at position 0",
            "$select=name,colour                           | $select at position 5",
            "$select=name,,description                     | $select at position 5",
            "$expand=Sensors                               | $expand at position 0",
            "$expand=Datastreams/Sensor/colour             | $expand at position 0",
            "$expand=Datastreams($filter=colour eq 1)      | $expand at position 20",
            "$expand=Datastreams($top=x)                   | $expand at position 17",
            "$expand=Datastreams($foo=1)                   | $expand at position 12",
            "$expand=Datastreams($select=colour)           | $expand at position 20",
            "$expand=Datastreams($orderby=colour)          | $expand at position 21",
            "$expand=Datastreams(                          | $expand at position 12",
            "$expand=Locations($filter=st_within(location, geography'POINT(1'))   | $expand at position 18",
            "$top=-1                                       | $top at position 0",
            "$top=abc                                      | $top at position 0",
            "$top=1.5                                      | $top at position 0",
            "$top=99999999999                              | $top at position 0",
            "$top=                                         | $top at position 0",
            "$skip=-3                                      | $skip at position 0",
            "$skip=zwei                                    | $skip at position 0",
            "$count=yes                                    | $count at position 0",
            "$count=TRUE                                   | $count at position 0",
            "$count=true false                             | $count at position 5",
            "$top=1&$top=2                                 | $top",
            "$filter=name eq 'a'&$filter=name eq 'b'       | $filter",
            "$foo=1                                        | $foo",
    })
    void brokenQueryOptionIs400AtTheExactPosition(String query, String where) {
        assertBadRequest(sta().getRaw("Things?" + query.strip()), where);
    }

    @Test
    void orderingByAGeometryIsRefused() {
        assertBadRequest(sta().getRaw("Locations?$orderby=location"), "$orderby at position 0");
    }

    @Test
    void brokenGeometryInOrderbyIsNamedThere() {
        assertBadRequest(sta().getRaw("Locations?$orderby=name,geo.distance(location, geography'POINT(1')"),
                "$orderby at position 5");
    }

    @Test
    void otherParametersThanSystemQueryOptionsAreIgnored() {
        JsonNode page = sta().get("Things?utm_source=newsletter&$top=1&$skip=0&$orderby=name");
        assertThat(idsOnPage(page)).containsExactly(data().thing(WASTE_BIN));
        assertThat(page.get("@iot.nextLink").asString()).contains("utm_source=newsletter");
    }

    // ---- resource paths ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Things(abc)           | path at position 8",
            "Things(1             | path at position 9",
            "Things(1)/$foo        | path at position 11",
            "Things(1)(2)          | path at position 10",
            "$ref                  | path at position 1",
    })
    void brokenResourcePathIs400AtTheExactPosition(String path, String where) {
        assertBadRequest(sta().getRaw(path.strip()), where);
    }

    @Test
    void unknownTenantIs404() {
        assertProblem(sta().http().get("/gibt-es-nicht/v1.1/Things", null), 404);
    }

    @Test
    void writeMethodsOnTheWrongTargetAreRefused() {
        StaClient client = scratch();
        assertProblem(client.http().sendJson("POST", client.root(), "{}", client.key()), 405);
        assertProblem(client.send("POST", "Things(" + scratchThing + ")", "{\"name\": \"x\", \"description\": \"y\"}"), 400);
        assertProblem(client.send("PATCH", "Things", "{\"name\": \"x\"}"), 400);
        assertProblem(client.send("DELETE", "Things", null), 400);
        assertProblem(client.send("PATCH", "Things(" + scratchThing + ")/name", "{\"name\": \"x\"}"), 400);
    }

    // ---- bodies ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\": \"Bank\",                                                      | body",
            "[{\"name\": \"Bank\", \"description\": \"x\"}]                              | body",
            "\"Bank\"                                                                   | body",
            "{\"name\": \"Bank\", \"description\": \"x\", \"colour\": \"grün\"}           | body: /colour",
            "{\"name\": \"Bank\"}                                                       | body",
            "{\"name\": 5, \"description\": \"x\"}                                       | body: /name",
            "{\"name\": null, \"description\": \"x\"}                                    | body: /name",
            "{\"name\": \"Bank\", \"description\": \"x\", \"properties\": 7}              | body: /properties",
            "{\"name\": \"Bank\", \"name\": \"Bank 2\", \"description\": \"x\"}             | body",
            "{\"name\": \"Bank\", \"description\": \"x\", \"@iot.id\": \"eins\"}          | body: /@iot.id",
            "{\"name\": \"Bank\", \"description\": \"x\", \"Datastreams\": {}}            | body: /Datastreams",
            "{\"name\": \"Bank\", \"description\": \"x\", \"Locations\": [{\"@iot.id\": 987654321}]} | body: /Locations/0",
    })
    void brokenThingBodyIs400(String body, String where) {
        JsonNode problem = assertProblem(scratch().send("POST", "Things", body.strip()), 400);
        assertThat(problem.path("where").asString()).as("%s", problem).startsWith(where.strip());
        assertThat(ids(scratch().get("Things"))).containsExactly(scratchThing);
    }

    @Test
    void brokenDeepInsertNamesTheNestedPlaceAndCreatesNothing() {
        String body = """
                {"name": "Pegel Teich", "description": "x",
                 "Datastreams": [{"name": "Wasserstand Teich", "description": "x", "observationType": "Messung",
                   "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "ucum:cm"},
                   "Sensor": {"name": "s", "description": "s", "encodingType": "text/plain", "metadata": "m"},
                   "ObservedProperty": {"name": "o", "definition": "o", "description": "o"}}]}""";
        JsonNode problem = assertProblem(scratch().send("POST", "Things", body), 400);
        assertThat(problem.get("where").asString()).isEqualTo("body: /Datastreams/0/observationType");
        assertThat(ids(scratch().get("Things"))).containsExactly(scratchThing);
        assertThat(ids(scratch().get("Sensors"))).isEmpty();
    }

    @Test
    void badGeometriesAndTimesInBodiesAre400() {
        assertThat(assertProblem(scratch().send("POST", "Locations", """
                {"name": "Teich", "description": "x", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [7.6]}}"""), 400).get("where").asString())
                .startsWith("body: /location");
        assertThat(assertProblem(scratch().send("POST", "Locations", """
                {"name": "Teich", "description": "x", "encodingType": "application/geo+json",
                 "location": {"type": "Polygon", "coordinates": [[[7.6, 51.9], [7.7, 51.9]]]}}"""), 400).get("where").asString())
                .startsWith("body: /location");
        assertThat(assertProblem(scratch().send("PATCH", "Things(" + scratchThing + ")",
                "{\"Locations\": [{\"name\": \"Teich\", \"description\": \"x\", \"encodingType\": \"application/geo+json\","
                        + " \"location\": {\"type\": \"Point\", \"coordinates\": [\"Ost\", 51]}}]}"), 400)
                .get("where").asString()).startsWith("body: /Locations/0/location");
        assertProblem(scratch().send("POST", "FeaturesOfInterest", """
                {"name": "Teich", "description": "x", "encodingType": "application/geo+json", "feature": "mitten im Ort"}"""), 400);
        assertThat(ids(scratch().get("Locations"))).isEmpty();
    }

    @Test
    void readOnlyPropertiesCannotBeWritten() {
        assertProblem(scratch().send("PATCH", "Things(" + scratchThing + ")", "{\"@iot.id\": 1}"), 400);
        assertThat(assertProblem(scratch().send("POST", "Things(" + scratchThing + ")/Datastreams", """
                {"name": "d", "description": "d", "observationType": "%sOM_Measurement",
                 "unitOfMeasurement": {"name": "n", "symbol": "s", "definition": "d"},
                 "phenomenonTime": "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z",
                 "Sensor": {"name": "s", "description": "s", "encodingType": "text/plain", "metadata": "m"},
                 "ObservedProperty": {"name": "o", "definition": "o", "description": "o"}}""".formatted(OM)), 400)
                .get("where").asString()).isEqualTo("body: /phenomenonTime");
    }

    @Test
    void badObservationBodiesAre400() {
        StaClient client = scratch();
        assertProblem(client.send("POST", "Observations", "{\"result\": 1}"), 400);
        assertThat(assertProblem(client.send("POST", "Observations",
                "{\"result\": 1, \"phenomenonTime\": \"gestern\", \"Datastream\": {\"@iot.id\": 1}}"), 400)
                .get("where").asString()).startsWith("body: /");
        assertThat(assertProblem(client.send("POST", "Observations",
                "{\"result\": 1, \"Datastream\": {\"@iot.id\": 987654321}}"), 400).get("where").asString())
                .startsWith("body: /Datastream");
    }

    @Test
    void wrongOrMissingContentTypeIs415() {
        StaClient client = scratch();
        String body = "{\"name\": \"Bank\", \"description\": \"x\"}";
        assertProblem(client.http().send("POST", client.root() + "/Things", body, "text/plain", client.key()), 415);
        assertProblem(client.http().send("POST", client.root() + "/Things", body, null, client.key()), 415);
        assertProblem(client.http().send("POST", client.root() + "/Things", body, "application/x-www-form-urlencoded",
                client.key()), 415);
        assertProblem(client.http().send("POST", client.root() + "/Things", body, "kein/medientyp;;", client.key()), 415);
        assertThat(ids(client.get("Things"))).containsExactly(scratchThing);
    }

    @Test
    void emptyBodyIs400() {
        JsonNode problem = assertProblem(scratch().send("POST", "Things", ""), 400);
        assertThat(problem.get("where").asString()).isEqualTo("body");
    }

    @Test
    void oddButWellFormedOrBrokenRequestsNeverCauseA500() {
        java.util.List<String> serverErrors = new java.util.ArrayList<>();
        for (String path : new String[]{
                "Observations?$filter=result eq result",
                "Observations?$filter=phenomenonTime eq result",
                "Observations?$filter=phenomenonTime add duration'P1D' gt now()",
                "Observations?$filter=now() sub phenomenonTime gt duration'P1D'",
                "Observations?$filter=resultTime sub now() lt duration'-P1D'",
                "Observations?$filter=result/deep/member gt 3 or parameters/x eq result",
                "Observations?$orderby=result,parameters/method desc,validTime",
                "Things?$filter=properties eq 'x' or properties/contact gt 3",
                "Things?$filter=round('x') eq 1",
                "Things?$filter=concat(name, 5) eq 'x'",
                "Things?$filter=Locations/location eq null",
                "Locations?$filter=geo.distance(location, geography'POINT(1 2)') eq 'x'",
                "Locations?$filter=st_relate(location, geography'POINT(1 2)', 'XYZ')",
                "Locations?$filter=st_relate(location, geography'POINT(1 2)', name)",
                "Locations?$filter=st_within(location, geometry'SRID=3857;POINT(1 2)')",
                "Locations?$filter=st_within(location, geography'POINT EMPTY')",
                "Locations?$filter=st_within(geography'POINT(1 2)', geography'POINT(1 2)')",
                "Locations?$filter=geo.length(geography'LINESTRING(0 0, 3 4)') eq 5",
                "Datastreams?$filter=phenomenonTime eq null and resultTime ne null",
                "Datastreams?$orderby=resultTime,observedArea",
                "Things?$expand=Datastreams($expand=Observations($filter=result gt 'a';$orderby=result;$top=1))",
                "Things?$select=id,id,name,name",
                "Things?$top=0&$count=true",
                "Things?$skip=2147483647",
                "Things?$filter=" + "name eq 'a' or ".repeat(150) + "true",
                "Things?$filter=" + "(".repeat(150) + "true" + ")".repeat(150),
                "Things?$expand=" + "Datastreams($expand=Thing(".repeat(60) + "$top=1" + "))".repeat(60),
                "Things?$filter=properties/a/b/c/d/e/f/g eq 1",
                "Observations?$filter=result eq null and result/x eq 'y'",
                "Things(" + Long.MAX_VALUE + ")",
                "Things(99999999999999999999)"}) {
            HttpResponse<String> response = sta().getRaw(path);
            if (response.statusCode() >= 500) {
                serverErrors.add(path + " -> " + response.body());
            } else if (response.statusCode() >= 400) {
                assertProblem(response, response.statusCode());
            }
        }
        assertThat(serverErrors).isEmpty();
    }
}
