package de.gemeinwerk.platform.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashesTest {

    @Test
    void aHashDescribesItselfAndVerifiesOnlyItsPassword() {
        String hash = PasswordHashes.hash("richtiges Pferd Batterie");
        assertThat(hash).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PasswordHashes.verify("richtiges Pferd Batterie", hash)).isTrue();
        assertThat(PasswordHashes.verify("richtiges Pferd Batteri", hash)).isFalse();
        assertThat(PasswordHashes.verify("", hash)).isFalse();
        assertThat(PasswordHashes.isOutdated(hash)).isFalse();
    }

    @Test
    void theSamePasswordGetsAnotherSaltEachTime() {
        assertThat(PasswordHashes.hash("gleich")).isNotEqualTo(PasswordHashes.hash("gleich"));
    }

    @Test
    void theStoredParametersAreUsedAndOlderOnesAreOutdated() {
        // verification takes the iteration count from the hash: the same salt and hash with another count fail
        String current = PasswordHashes.hash("alt");
        String[] parts = current.split("\\$");
        String weaker = PasswordHashes.ALGORITHM + "$1000$" + parts[2] + "$" + parts[3];
        assertThat(PasswordHashes.verify("alt", weaker)).isFalse();
        assertThat(PasswordHashes.isOutdated(weaker)).isTrue();
    }

    @Test
    void malformedOrForeignHashesNeverVerify() {
        for (String stored : new String[] {null, "", "plain", "md5$1$a$b", "pbkdf2-sha256$x$AAAA$AAAA",
                "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA", "pbkdf2-sha256$1000$AAAA$AAAA"}) {
            assertThat(PasswordHashes.verify("x", stored)).as(stored).isFalse();
        }
    }
}
