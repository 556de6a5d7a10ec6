package id.webrana.cloud.application.port.out;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Signs short-lived access tokens (RS256 JWT, 15 minutes) for the REST API. */
public interface AccessTokenIssuer {

    /**
     * @param userId becomes {@code sub}
     * @param email  becomes {@code upn}
     * @param roles  become {@code groups} (lower-case role names: customer, reseller, admin, super_admin)
     */
    IssuedToken issue(UUID userId, String email, Set<String> roles);

    record IssuedToken(String token, Instant expiresAt) {
    }
}
