package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The caller as the verified bearer token names them. */
final class CurrentUser {

    private CurrentUser() {
    }

    static UUID id(JsonWebToken jwt) {
        UUID id = idOrNull(jwt);
        if (id == null) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "A valid bearer token is required");
        }
        return id;
    }

    /**
     * The caller of an operation open to anonymous callers: read from the verified principal, since
     * injecting a JsonWebToken without a token makes mpJwt log an error on every request.
     */
    static UUID idOrNull(jakarta.ws.rs.core.SecurityContext security) {
        return security.getUserPrincipal() instanceof JsonWebToken jwt ? idOrNull(jwt) : null;
    }

    static UUID idOrNull(JsonWebToken jwt) {
        if (jwt == null || jwt.getRawToken() == null || jwt.getSubject() == null) {
            return null;
        }
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
