package de.gemeinwerk.platform.access;

import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.logging.LogContext;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PlatformTest
class TenantAccessTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    TenantAccess access;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys apiKeys;

    Tenant open;
    Tenant closed;

    @BeforeEach
    void createTenants() {
        int n = NEXT.incrementAndGet();
        open = tenants.create("access-open-" + n, "Open", false);
        closed = tenants.create("access-closed-" + n, "Closed", true);
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void unknownTenantIs404() {
        assertStatus(() -> access.authorize("access-nowhere", request(null), Role.READ), 404);
    }

    @Test
    void publicReadsNeedNoKey() {
        assertThat(access.authorize(open.slug(), request(null), Role.READ)).isEqualTo(open);
        assertThat(MDC.get(LogContext.TENANT)).isEqualTo(open.slug());
    }

    @Test
    void privateReadsNeedAKey() {
        assertStatus(() -> access.authorize(closed.slug(), request(null), Role.READ), 401);
        String reader = key(closed, Role.READ);
        assertThat(access.authorize(closed.slug(), request(reader), Role.READ)).isEqualTo(closed);
    }

    @Test
    void writesNeedAKey() {
        assertStatus(() -> access.authorize(open.slug(), request(null), Role.WRITE), 401);
    }

    @Test
    void unknownOrMalformedKeyIs401() {
        assertStatus(() -> access.authorize(open.slug(), request("gw_" + "x".repeat(43)), Role.WRITE), 401);
        assertStatus(() -> access.authorize(open.slug(), request("not-a-key"), Role.READ), 401);
    }

    @Test
    void revokedKeyIs401() {
        CreatedApiKey created = apiKeys.create(open.id(), "revoked", Role.WRITE);
        assertThat(access.authorize(open.slug(), request(created.key()), Role.WRITE)).isEqualTo(open);

        apiKeys.revoke(created.apiKey().id());

        assertStatus(() -> access.authorize(open.slug(), request(created.key()), Role.WRITE), 401);
    }

    @Test
    void keyOfAnotherTenantIs403() {
        String otherAdmin = key(closed, Role.ADMIN);
        assertStatus(() -> access.authorize(open.slug(), request(otherAdmin), Role.WRITE), 403);
        // a public read stays public whatever valid key comes along
        assertThat(access.authorize(open.slug(), request(otherAdmin), Role.READ)).isEqualTo(open);
    }

    @Test
    void tooLowARoleIs403() {
        String reader = key(open, Role.READ);
        String writer = key(open, Role.WRITE);
        assertStatus(() -> access.authorize(open.slug(), request(reader), Role.WRITE), 403);
        assertStatus(() -> access.authorize(open.slug(), request(writer), Role.ADMIN), 403);
        assertThat(access.authorize(open.slug(), request(writer), Role.WRITE)).isEqualTo(open);
    }

    @Test
    void instanceAdminMayDoEverythingEverywhere() {
        String operator = apiKeys.create(null, "operator", Role.ADMIN).key();
        for (Tenant tenant : new Tenant[]{open, closed}) {
            for (Role role : Role.values()) {
                assertThat(access.authorize(tenant.slug(), request(operator), role)).isEqualTo(tenant);
            }
        }
        assertThat(access.authorizeInstanceAdmin(request(operator)).isInstanceAdmin()).isTrue();
    }

    @Test
    void onlyInstanceAdminsAreInstanceAdmins() {
        assertStatus(() -> access.authorizeInstanceAdmin(request(null)), 401);
        String tenantAdmin = key(open, Role.ADMIN);
        assertStatus(() -> access.authorizeInstanceAdmin(request(tenantAdmin)), 403);
    }

    @Test
    void keysOfTheTenantAndInstanceAdminsSeePrivateEntitiesOthersDoNot() {
        String operator = apiKeys.create(null, "operator", Role.ADMIN).key();
        for (Role role : Role.values()) {
            assertThat(access.access(open.slug(), request(key(open, role)), Role.READ))
                    .isEqualTo(new Access(open, true));
        }
        assertThat(access.access(open.slug(), request(operator), Role.READ)).isEqualTo(new Access(open, true));
        assertThat(access.access(open.slug(), request(null), Role.READ)).isEqualTo(new Access(open, false));
        assertThat(access.access(open.slug(), request(key(closed, Role.ADMIN)), Role.READ))
                .isEqualTo(new Access(open, false));
        assertThat(access.access(closed.slug(), request(key(closed, Role.READ)), Role.READ))
                .isEqualTo(new Access(closed, true));
        // the MQTT form (key given, not in headers) decides the same
        assertThat(access.access(open.slug(), (String) null, Role.READ)).isEqualTo(new Access(open, false));
    }

    @Test
    void keyMayComeInXApiKeyHeader() {
        String writer = key(open, Role.WRITE);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(TenantAccess.API_KEY_HEADER, writer);
        assertThat(access.authorize(open.slug(), request, Role.WRITE)).isEqualTo(open);
    }

    private String key(Tenant tenant, Role role) {
        return apiKeys.create(tenant.id(), role.value(), role).key();
    }

    private static MockHttpServletRequest request(String bearerKey) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (bearerKey != null) {
            request.addHeader("Authorization", "Bearer " + bearerKey);
        }
        return request;
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(status));
    }
}
