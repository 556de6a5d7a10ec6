package id.webrana.cloud.adapter.in.faces.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as the web app keeps them in the HTTP session (attribute {@link #SESSION_KEY}): set once at
 * sign-in by {@link LoginPage}, read on every request by {@link SessionAuthenticationMechanism}.
 *
 * @param roles lower-case group names: {@code customer}, {@code reseller}, {@code admin}, {@code super_admin}
 */
public record PortalUser(UUID id, String email, String fullName, Set<String> roles) implements Serializable {

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
    }

    /** Whether the user may open {@code /admin/...}. */
    public boolean isAdmin() {
        return roles.contains(ADMIN) || roles.contains(SUPER_ADMIN);
    }
}
