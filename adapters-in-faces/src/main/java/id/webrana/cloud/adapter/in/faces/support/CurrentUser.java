package id.webrana.cloud.adapter.in.faces.support;

import id.webrana.cloud.adapter.in.faces.security.PortalUser;
import id.webrana.cloud.domain.shared.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in user of this request ({@code #{me}}), read from the session the sign-in filled. Pages under
 * {@code /portal} and {@code /admin} are only reached signed in; {@link #user()} fails elsewhere.
 */
@Named("me")
@RequestScoped
public class CurrentUser {

    public Optional<PortalUser> find() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return Optional.empty();
        }
        HttpSession session = ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false);
        Object user = session == null ? null : session.getAttribute(PortalUser.SESSION_KEY);
        return user instanceof PortalUser u ? Optional.of(u) : Optional.empty();
    }

    public PortalUser user() {
        return find().orElseThrow(() -> new IllegalStateException("not signed in"));
    }

    public UUID id() {
        return user().id();
    }

    public boolean isSignedIn() {
        return find().isPresent();
    }

    public boolean isAdmin() {
        return find().map(PortalUser::isAdmin).orElse(false);
    }

    public String getName() {
        return find().map(PortalUser::fullName).orElse("");
    }

    public String getEmail() {
        return find().map(PortalUser::email).orElse("");
    }

    /** The user as the audit trail records them: an admin, or a customer acting on their own account. */
    public Actor actor() {
        PortalUser u = user();
        return new Actor(u.isAdmin() ? Actor.Type.ADMIN : Actor.Type.CUSTOMER, u.id().toString());
    }
}
