package de.gemeinwerk.platform.access;

import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PlatformTest
class ApiKeysTest {

    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Tenants tenants;
    @Autowired
    JdbcClient jdbc;

    @Test
    void createdKeyHasTheDocumentedFormatAndIsFoundByItsSecret() {
        long tenantId = tenants.create("keys-format", "Format", false).id();

        CreatedApiKey created = apiKeys.create(tenantId, "sensor gateway", Role.WRITE);

        assertThat(created.key()).matches("gw_[A-Za-z0-9_-]{43}");
        assertThat(created.apiKey()).extracting(ApiKey::tenantId, ApiKey::name, ApiKey::role)
                .containsExactly(tenantId, "sensor gateway", Role.WRITE);
        assertThat(apiKeys.findActive(created.key())).hasValueSatisfying(key -> {
            assertThat(key.id()).isEqualTo(created.apiKey().id());
            assertThat(key.lastUsedAt()).isNotNull();
        });
        assertThat(apiKeys.create(tenantId, "another", Role.WRITE).key()).isNotEqualTo(created.key());
    }

    @Test
    void onlyTheSha256OfTheKeyIsStored() throws Exception {
        long tenantId = tenants.create("keys-hash", "Hash", false).id();
        CreatedApiKey created = apiKeys.create(tenantId, "hashed", Role.READ);

        Map<String, Object> row = jdbc.sql("select * from api_key where id = :id")
                .param("id", created.apiKey().id()).query().singleRow();

        byte[] expectedHash = MessageDigest.getInstance("SHA-256")
                .digest(created.key().getBytes(StandardCharsets.US_ASCII));
        assertThat((byte[]) row.get("key_hash")).isEqualTo(expectedHash);
        String secret = created.key().substring(3);
        for (Object value : row.values()) {
            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : String.valueOf(value);
            assertThat(text).doesNotContain(secret);
        }
    }

    @Test
    void revokedKeyIsNoLongerFound() {
        long tenantId = tenants.create("keys-revoke", "Revoke", false).id();
        CreatedApiKey created = apiKeys.create(tenantId, "short-lived", Role.ADMIN);
        assertThat(apiKeys.findActive(created.key())).isPresent();

        ApiKey revoked = apiKeys.revokeForTenant(tenantId, created.apiKey().id());

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(apiKeys.findActive(created.key())).isEmpty();
        assertThat(apiKeys.listForTenant(tenantId)).extracting(ApiKey::id).containsExactly(created.apiKey().id());
    }

    @Test
    void keyOfAnotherTenantCannotBeRevokedThroughThisTenant() {
        long mine = tenants.create("keys-mine", "Mine", false).id();
        long theirs = tenants.create("keys-theirs", "Theirs", false).id();
        CreatedApiKey their = apiKeys.create(theirs, "theirs", Role.READ);

        assertThatThrownBy(() -> apiKeys.revokeForTenant(mine, their.apiKey().id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThat(apiKeys.findActive(their.key())).isPresent();
    }

    @Test
    void instanceKeysMustBeAdminKeys() {
        CreatedApiKey instance = apiKeys.create(null, "operator", Role.ADMIN);

        assertThat(instance.apiKey().isInstanceAdmin()).isTrue();
        assertThat(apiKeys.listInstanceKeys()).extracting(ApiKey::id).contains(instance.apiKey().id());
        assertThatThrownBy(() -> apiKeys.create(null, "reader", Role.READ)).isInstanceOf(ApiException.class);
    }

    @Test
    void junkIsNotAKey() {
        for (String junk : List.of("", "gw_", "Bearer", "gw_" + "!".repeat(43), "xx_" + "a".repeat(43))) {
            assertThat(apiKeys.findActive(junk)).isEmpty();
        }
        assertThat(apiKeys.findActive("gw_" + "a".repeat(43))).isEmpty();
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertThat(Role.ADMIN.includes(Role.WRITE)).isTrue();
        assertThat(Role.WRITE.includes(Role.READ)).isTrue();
        assertThat(Role.READ.includes(Role.WRITE)).isFalse();
        assertThat(Role.WRITE.includes(Role.ADMIN)).isFalse();
        assertThat(Role.parse("Write")).isEqualTo(Role.WRITE);
        assertThatThrownBy(() -> Role.parse("owner")).isInstanceOf(ApiException.class);
    }
}
