package id.webrana.cloud.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    /** Minimum cost keeps the tests fast; the production default is checked separately. */
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void hashThenMatchRoundTrips() {
        String hash = hasher.hash("s3cret-Passw0rd".toCharArray());

        assertThat(hash).startsWith("$2a$04$").hasSize(60);
        assertThat(hasher.matches("s3cret-Passw0rd".toCharArray(), hash)).isTrue();
    }

    @Test
    void samePasswordGetsAFreshSaltEachTime() {
        assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String hash = hasher.hash("s3cret-Passw0rd".toCharArray());

        assertThat(hasher.matches("s3cret-passw0rd".toCharArray(), hash)).isFalse();
        assertThat(hasher.matches(new char[0], hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    @Test
    void unknownUserIsFalseAfterSpendingABcryptRun() {
        assertThat(hasher.matches("anything".toCharArray(), null)).isFalse();
        assertThat(hasher.matches("anything".toCharArray(), "")).isFalse();
    }

    @Test
    void malformedHashIsFalseNotAnError() {
        assertThat(hasher.matches("anything".toCharArray(), "not-a-bcrypt-hash")).isFalse();
    }

    @Test
    void verifiesHashesOfOtherBcryptVersionsAndCosts() {
        // $2y$ (PHP) and $2b$ (OpenBSD) hashes of "password", cost 4 and 10
        String twoY = at.favre.lib.crypto.bcrypt.BCrypt.with(at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2Y)
                .hashToString(5, "password".toCharArray());
        assertThat(hasher.matches("password".toCharArray(), twoY)).isTrue();
        assertThat(hasher.matches("Password".toCharArray(), twoY)).isFalse();
    }

    @Test
    void passwordsBeyondBcrypts72BytesAreNotTruncated() {
        String base = "x".repeat(80);
        String hash = hasher.hash((base + "A").toCharArray());

        assertThat(hasher.matches((base + "A").toCharArray(), hash)).isTrue();
        assertThat(hasher.matches((base + "B").toCharArray(), hash)).isFalse();
    }

    @Test
    void defaultCostIsTwelve() {
        String hash = new BcryptPasswordHasher(BcryptPasswordHasher.DEFAULT_COST).hash("p".toCharArray());

        assertThat(hash).startsWith("$2a$12$");
    }

    @Test
    void rejectsCostOutsideBcryptsRange() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BcryptPasswordHasher(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
