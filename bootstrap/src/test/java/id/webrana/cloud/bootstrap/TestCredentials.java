package id.webrana.cloud.bootstrap;

import id.webrana.cloud.application.port.out.AccessTokenIssuer;
import id.webrana.cloud.application.port.out.PasswordHasher;

import java.time.Clock;

/**
 * Stand-ins for the credential ports of {@code AccountService} in the tests that wire it by hand: no real hashing
 * and no signed JWTs, which those tests do not look at.
 */
final class TestCredentials {

    private TestCredentials() {
    }

    /** Stores a password as {@code plain:<password>}: instant, and visible in the database. */
    static PasswordHasher plainHasher() {
        return new PasswordHasher() {
            @Override
            public String hash(char[] plain) {
                return "plain:" + new String(plain);
            }

            @Override
            public boolean matches(char[] plain, String hash) {
                return ("plain:" + new String(plain)).equals(hash);
            }
        };
    }

    /** Issues {@code jwt-<user id>}, valid for 15 minutes on {@code clock}. */
    static AccessTokenIssuer tokens(Clock clock) {
        return (userId, email, roles) ->
                new AccessTokenIssuer.IssuedToken("jwt-" + userId, clock.instant().plusSeconds(900));
    }
}
