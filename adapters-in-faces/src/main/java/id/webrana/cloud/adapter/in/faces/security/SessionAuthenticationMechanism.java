package id.webrana.cloud.adapter.in.faces.security;

import id.webrana.cloud.application.port.in.ProfileUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Form sign-in for the web app, kept in the HTTP session (Jakarta Security, custom mechanism of this war only; the
 * REST war keeps its MP-JWT bearer tokens).
 *
 * <ul>
 *   <li>A session holding a {@link PortalUser} (put there by {@link LoginPage}, after renewing the session id)
 *       authenticates the request with the user's roles as groups; web.xml's constraints then allow
 *       {@code /portal/*} to every role and {@code /admin/*} to admin and super_admin (others get 403).</li>
 *   <li>An anonymous request for a protected page is redirected to {@code /login.xhtml?next=<page>} (for a Faces
 *       Ajax request, with a partial-response redirect so the browser follows it).</li>
 *   <li>Anything else (the public catalog, resources, the login page) passes anonymously.</li>
 * </ul>
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    private static final Logger LOG = Logger.getLogger(SessionAuthenticationMechanism.class.getName());

    @Inject
    Instance<ProfileUseCase> profiles;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(PortalUser.SESSION_KEY);
        boolean ended = false;
        if (user instanceof PortalUser u) {
            // stylesheets and scripts reveal nothing: no database read for each of them
            if (isStaticResource(request) || stillValid(u)) {
                return context.notifyContainerAboutLogin(u.email(), u.roles());
            }
            invalidate(session);
            ended = true;
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String target = request.getContextPath() + LOGIN_PAGE + "?next="
                + URLEncoder.encode(originalPath(request), StandardCharsets.UTF_8) + (ended ? "&ended=1" : "");
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + target.replace("&", "&amp;") + "\"/></partial-response>");
                return AuthenticationStatus.SEND_CONTINUE;
            } catch (IOException e) {
                return context.responseUnauthorized();
            }
        }
        return context.redirect(target);
    }

    /**
     * Whether the session may still be used: true while the application has no profile use case, and when it cannot
     * answer (the request then fails on its own if the database is down; signing everyone out is not the answer).
     */
    private boolean stillValid(PortalUser user) {
        if (!profiles.isResolvable()) {
            return true;
        }
        try {
            return profiles.get().isSessionStillValid(user.id(), user.signedInAt());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not check the session of user " + user.id(), e);
            return true;
        }
    }

    /**
     * A Faces resource (stylesheet, script, image) by the servlet path the container matched, which is
     * normalised (no {@code ;parameters}, no dot segments), so no page can pass itself off as a resource.
     */
    static boolean isStaticResource(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        return servletPath != null && servletPath.startsWith("/jakarta.faces.resource/");
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            LOG.log(Level.FINE, "session already invalid", alreadyInvalid);
        }
    }

    /** The requested page relative to the context root, with its query (only GET pages are worth returning to). */
    static String originalPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod())) {
            return SafeRedirect.inApp(path);
        }
        String query = request.getQueryString();
        return SafeRedirect.inApp(query == null ? path : path + "?" + query);
    }
}
