package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.error.ApiError;
import id.webrana.cloud.domain.shared.Actor;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@code /internal/...}: the caller must present {@code X-API-Key} equal to
 * {@code INTERNAL_API_KEY} (compared in constant time) or an admin's bearer token. The caller is
 * recorded as the request's {@link Actor} for the audit trail. Paths that authenticate otherwise
 * (payment webhooks, signed by the gateway) are listed in {@link #OPEN_PATHS}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class InternalAccessFilter implements ContainerRequestFilter {

    public static final String ACTOR_PROPERTY = "webrana.actor";
    static final String[] OPEN_PATHS = {"internal/billing/webhooks/", "internal/agent/"};

    /**
     * The caller this filter let in, for the audit trail (a servlet request attribute on Liberty: RESTEasy
     * cannot inject the ContainerRequestContext into resources).
     */
    static Actor actorOf(jakarta.servlet.http.HttpServletRequest request) {
        Actor actor = (Actor) request.getAttribute(ACTOR_PROPERTY);
        if (actor == null) {
            throw new IllegalStateException("InternalAccessFilter did not run for " + request.getRequestURI());
        }
        return actor;
    }

    @Inject
    @ConfigProperty(name = "INTERNAL_API_KEY")
    Optional<String> apiKey;

    @Override
    public void filter(ContainerRequestContext request) {
        String p = normalized(request.getUriInfo().getPath());
        if (!p.startsWith("internal")) {
            return;
        }
        if (isOpen(p)) {
            return;
        }
        String presented = request.getHeaderString("X-API-Key");
        if (presented != null) {
            if (apiKey.filter(k -> !k.isBlank()).map(k -> constantTimeEquals(k, presented)).orElse(false)) {
                request.setProperty(ACTOR_PROPERTY, new Actor(Actor.Type.API_KEY, "internal-api-key"));
                return;
            }
            request.abortWith(ApiError.response(401, "INVALID_API_KEY", "The API key is not valid"));
            return;
        }
        // the principal mpJwt verified, if a bearer token came (injecting JsonWebToken without one logs an error)
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getGroups().contains(RestApplication.ADMIN) || jwt.getGroups().contains(RestApplication.SUPER_ADMIN)) {
                request.setProperty(ACTOR_PROPERTY, new Actor(Actor.Type.ADMIN, jwt.getSubject()));
                return;
            }
            request.abortWith(ApiError.response(403, "FORBIDDEN", "Administrators only"));
            return;
        }
        request.abortWith(ApiError.response(401, "UNAUTHENTICATED", "Send X-API-Key or an administrator's bearer token"));
    }

    /** The path without leading or doubled slashes, so {@code //internal/x} is seen as {@code internal/x}. */
    static String normalized(String path) {
        String p = path == null ? "" : path.replaceAll("/{2,}", "/");
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** An open path, never with dot segments or encoded characters that could lead elsewhere. */
    static boolean isOpen(String normalizedPath) {
        if (normalizedPath.contains("..") || normalizedPath.contains("%") || normalizedPath.contains("\\")) {
            return false;
        }
        for (String open : OPEN_PATHS) {
            if (normalizedPath.startsWith(open)) {
                return true;
            }
        }
        return false;
    }

    static boolean constantTimeEquals(String expected, String presented) {
        try {
            // digests first: equal lengths, so not even the key's length leaks through timing
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(presented.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
