package id.webrana.cloud.adapter.in.faces.security;

import id.webrana.cloud.adapter.in.faces.support.Language;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.NotificationsUseCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sign-in form ({@code /login.xhtml}) and sign-out. A good password renews the session id (no fixation: the id
 * an attacker may have planted before sign-in is worthless after it), stores the {@link PortalUser} in the session
 * and goes back to the page that asked for sign-in ({@code ?next=}, in-app paths only). Sign-out ends the
 * container's authentication and invalidates the session.
 */
@Named
@RequestScoped
public class LoginPage {

    private static final Logger LOG = Logger.getLogger(LoginPage.class.getName());

    @Inject
    UseCaseIdentityStore identityStore;
    @Inject
    Language language;
    @Inject
    Instance<NotificationsUseCase> notifications;

    private String email;
    private String password;
    private String next;

    /** On opening the page: a signed-in user goes on to {@code next} at once. */
    public void onOpen() throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        HttpSession session = ((HttpServletRequest) ext.getRequest()).getSession(false);
        if (session != null && session.getAttribute(PortalUser.SESSION_KEY) instanceof PortalUser) {
            ext.redirect(ext.getRequestContextPath() + SafeRedirect.inApp(next));
        }
    }

    public String signIn() throws IOException {
        SignInResult result = identityStore.signIn(email, password == null ? new char[0] : password.toCharArray());
        password = null;
        if (result instanceof SignInResult.Disabled) {
            Texts.error("login.error.disabled");
            return null;
        }
        if (!(result instanceof SignInResult.SignedIn ok)) {
            Texts.error("login.error.invalid");
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ext = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        String chosenLanguage = language.getCode();
        if (request.getSession(false) == null) {
            request.getSession(true);
        } else {
            request.changeSessionId();
        }
        request.getSession().setAttribute(PortalUser.SESSION_KEY, ok.user());
        language.use(preferredLanguage(ok.user(), chosenLanguage));
        ext.redirect(ext.getRequestContextPath() + SafeRedirect.inApp(next));
        faces.responseComplete();
        return null;
    }

    /** Signs out: the container forgets the caller and the session (with everything in it) ends. */
    public void signOut() throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.log(Level.FINE, "logout", e);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        ext.redirect(ext.getRequestContextPath() + SessionAuthenticationMechanism.LOGIN_PAGE + "?bye=1");
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** The language the customer chose in their settings, else the one they were browsing in. */
    private String preferredLanguage(PortalUser user, String browsing) {
        if (notifications.isResolvable()) {
            try {
                String chosen = notifications.get().preferences(user.id()).language();
                return chosen == null ? browsing : chosen;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "no language preference", e);
            }
        }
        return browsing;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
