package id.webrana.cloud.adapter.in.faces.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as the web app keeps them in the HTTP session (attribute {@link #SESSION_KEY}): set once at
 * sign-in by {@link LoginPage}, read on every request by {@link SessionAuthenticationMechanism}.
 *
 * @param roles      lower-case group names: {@code customer}, {@code reseller}, {@code admin}, {@code super_admin}
 * @param signedInAt when this web session signed in (or was renewed after a password change): a session older than
 *                   the user's last "sign out everywhere" or password change is refused
 */
public record PortalUser(UUID id, String email, String fullName, Set<String> roles, Instant signedInAt)
        implements Serializable {

    /** The session attribute that holds the signed-in user. */
    public static final String SESSION_KEY = "webrana.portalUser";

    public static final String CUSTOMER = "customer";
    public static final String RESELLER = "reseller";
    public static final String ADMIN = "admin";
    public static final String SUPER_ADMIN = "super_admin";

    public PortalUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        fullName = fullName == null ? email : fullName;
        roles = Set.copyOf(roles);
        Objects.requireNonNull(signedInAt, "signedInAt");
    }

    /** A user signing in now. */
    public PortalUser(UUID id, String email, String fullName, Set<String> roles) {
        this(id, email, fullName, roles, Instant.now());
    }

    /** The same session after the user renamed themselves on their profile. */
    public PortalUser withFullName(String newName) {
        return new PortalUser(id, email, newName, roles, signedInAt);
    }

    /** The same user in a session renewed at {@code at} (after their own password change). */
    public PortalUser renewedAt(Instant at) {
        return new PortalUser(id, email, fullName, roles, at);
    }

    /** Whether the user may open {@code /admin/...}. */
    public boolean isAdmin() {
        return roles.contains(ADMIN) || roles.contains(SUPER_ADMIN);
    }
}
