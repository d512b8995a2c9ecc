package de.gemeinwerk.sensorthings.visibility;

import de.gemeinwerk.platform.ProblemAssertions;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.changes.Change;
import de.gemeinwerk.sensorthings.changes.ChangeFeed;
import de.gemeinwerk.sensorthings.model.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service the console calls ({@link Visibility}), its admin HTTP API, tenant isolation of both, the change feed's
 * announcement, and the fast path: a tenant without private entities reads with no visibility condition.
 */
@SensorThingsTest
class VisibilityAdminTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    Visibility visibility;
    @Autowired
    ReadScopes scopes;
    @Autowired
    ChangeFeed feed;

    private StaClient tenant(String prefix) {
        return StaClient.newTenant(port, tenants, keys, prefix);
    }

    private static long thing(StaClient sta) {
        return sta.create("Things", "{\"name\": \"T\", \"description\": \"d\"}");
    }

    private static HttpResponse<String> call(StaClient sta, String method, String set, long id, String body, String key) {
        return sta.http().send(method, "/" + sta.tenant().slug() + "/admin/v1/visibility/" + set + "/" + id, body,
                body == null ? null : "application/json", key);
    }

    private static void problem(HttpResponse<String> response, int status) {
        ProblemAssertions.assertProblem(response, status, response.uri().getPath());
    }

    @Test
    void staffMarkAThingPrivateAndPublicAgain() {
        StaClient sta = tenant("verwaltet");
        long thing = thing(sta);
        assertThat(call(sta, "GET", "Things", thing, null, sta.key()).body()).isEqualTo("{\"public\":true}");
        HttpResponse<String> put = call(sta, "PUT", "Things", thing, "{\"public\": false}", sta.key());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"public\":false}");
        assertThat(call(sta, "GET", "Things", thing, null, sta.key()).body()).isEqualTo("{\"public\":false}");
        assertThat(visibility.isPublic(sta.tenant().id(), EntityType.THING, thing)).isFalse();
        assertThat(sta.getRaw("Things(" + thing + ")").statusCode()).isEqualTo(404);
        visibility.setPublic(sta.tenant().id(), EntityType.THING, thing, true);
        assertThat(sta.getRaw("Things(" + thing + ")").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminApiIsForTheTenantsAdminsOnly() {
        StaClient a = tenant("eigen");
        StaClient b = tenant("nachbar");
        long thingOfA = thing(a);
        long thingOfB = thing(b);
        String readKey = keys.create(a.tenant().id(), "nur lesen", Role.READ).key();
        problem(call(a, "GET", "Things", thingOfA, null, null), 401);
        problem(call(a, "PUT", "Things", thingOfA, "{\"public\": false}", b.key()), 403);
        problem(call(a, "PUT", "Things", thingOfA, "{\"public\": false}", readKey), 403);
        // an id of another tenant is not found, and stays untouched
        problem(call(a, "PUT", "Things", thingOfB, "{\"public\": false}", a.key()), 404);
        problem(call(a, "GET", "Things", thingOfB, null, a.key()), 404);
        assertThat(visibility.isPublic(b.tenant().id(), EntityType.THING, thingOfB)).isTrue();
        assertThatThrownBy(() -> visibility.setPublic(a.tenant().id(), EntityType.THING, thingOfB, false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThat(visibility.isPublic(b.tenant().id(), EntityType.THING, thingOfB)).isTrue();
        assertThat(call(a, "GET", "Things", thingOfA, null, a.key()).body()).isEqualTo("{\"public\":true}");
    }

    @Test
    void badRequestsAreClear() {
        StaClient sta = tenant("streng");
        long thing = thing(sta);
        long sensor = sta.create("Sensors", "{\"name\": \"S\", \"description\": \"d\", \"encodingType\": \"text/html\","
                + " \"metadata\": \"m\"}");
        problem(call(sta, "GET", "Sensors", sensor, null, sta.key()), 400);
        assertThatThrownBy(() -> visibility.isPublic(sta.tenant().id(), EntityType.SENSOR, sensor))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        problem(call(sta, "GET", "Dinge", thing, null, sta.key()), 404);
        for (String body : new String[] {"{\"public\": \"nein\"}", "{\"public\": false, \"name\": \"x\"}", "{}", "[]",
                "{\"public\": false} x"}) {
            problem(call(sta, "PUT", "Things", thing, body, sta.key()), 400);
        }
        assertThat(visibility.isPublic(sta.tenant().id(), EntityType.THING, thing)).isTrue();
    }

    @Test
    void aTenantWithoutPrivateEntitiesReadsWithoutConditionsAndTheFlagFollowsChangesAtOnce() {
        StaClient sta = tenant("schnell");
        StaClient untouched = tenant("unberuehrt");
        long datastreamThing = thing(sta);
        long tenantId = sta.tenant().id();
        assertThat(scopes.ofPublic(tenantId).hidesPrivate()).isFalse();
        visibility.setPublic(tenantId, EntityType.THING, datastreamThing, false);
        assertThat(scopes.ofPublic(tenantId).hidesPrivate()).isTrue();
        assertThat(scopes.ofPublic(untouched.tenant().id()).hidesPrivate()).isFalse();
        visibility.setPublic(tenantId, EntityType.THING, datastreamThing, true);
        assertThat(scopes.ofPublic(tenantId).hidesPrivate()).isFalse();
    }

    @Test
    void aVisibilityChangeReachesTheChangeFeed() throws InterruptedException {
        StaClient sta = tenant("gemeldet");
        long thing = thing(sta);
        BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
        feed.subscribe(batch -> batch.stream().filter(c -> c.tenantId() == sta.tenant().id()).forEach(changes::add));
        visibility.setPublic(sta.tenant().id(), EntityType.THING, thing, false);
        Change change;
        do {
            change = changes.poll(10, TimeUnit.SECONDS);
            assertThat(change).as("the visibility change within 10 s").isNotNull();
        } while (change.kind() != Change.Kind.VISIBILITY);
        assertThat(change.type()).isEqualTo(EntityType.THING);
        assertThat(change.ids()).containsExactly(thing);
    }
}
