package de.gemeinwerk.platform.tenant;

import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PlatformTest
class TenantsTest {

    @Autowired
    Tenants tenants;

    @Test
    void createsFindsAndListsTenants() {
        Tenant created = tenants.create("tenants-musterstadt", "Musterstadt", false);

        assertThat(created.id()).isPositive();
        assertThat(created).isEqualTo(new Tenant(created.id(), "tenants-musterstadt", "Musterstadt", false));
        assertThat(tenants.find("tenants-musterstadt")).contains(created);
        assertThat(tenants.list()).contains(created);
    }

    @Test
    void duplicateSlugIsAConflict() {
        tenants.create("tenants-twice", "Once", false);

        assertThatThrownBy(() -> tenants.create("tenants-twice", "Twice", true))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Musterstadt", "muster stadt", "müll", "admin", "actuator",
            "a2345678901234567890123456789012345678901"})
    void invalidSlugsAreRejected(String slug) {
        assertThatThrownBy(() -> tenants.create(slug, "Name", false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.where()).isEqualTo("slug");
                });
    }

    @Test
    void blankNameIsRejected() {
        assertThatThrownBy(() -> tenants.create("tenants-nameless", " ", false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.where()).isEqualTo("name"));
    }

    @Test
    void updateChangesPrivacyAndNameAndIsSeenAtOnceDespiteTheCache() {
        tenants.create("tenants-private", "Before", false);
        assertThat(tenants.find("tenants-private")).hasValueSatisfying(t -> assertThat(t.privateReads()).isFalse());

        tenants.update("tenants-private", null, true);
        assertThat(tenants.require("tenants-private").privateReads()).isTrue();
        assertThat(tenants.require("tenants-private").name()).isEqualTo("Before");

        tenants.update("tenants-private", "After", null);
        assertThat(tenants.require("tenants-private")).extracting(Tenant::name, Tenant::privateReads)
                .containsExactly("After", true);
    }

    @Test
    void unknownTenant() {
        assertThat(tenants.find("tenants-nowhere")).isEmpty();
        assertThat(tenants.find("NOT A SLUG")).isEmpty();
        assertThatThrownBy(() -> tenants.require("tenants-nowhere"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> tenants.update("tenants-nowhere", "x", true))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
    }
}
