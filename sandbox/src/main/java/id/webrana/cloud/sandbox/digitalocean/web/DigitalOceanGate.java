package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.Admission;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanException;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanJson;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanSandbox;
import id.webrana.cloud.sandbox.digitalocean.RateLimitStatus;
import jakarta.annotation.Priority;
import java.lang.annotation.Annotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything that happens around a simulated API call, before the resources see it:
 * <ol>
 *   <li>any {@code /digitalocean/...} path answers 404 while a real DigitalOcean token is configured;</li>
 *   <li>{@code /digitalocean/v2/...} needs {@code Authorization: Bearer ...} (401 otherwise), gets the configured
 *       latency, is counted for the rate-limit headers and may be replaced by an injected fault (429/500/…);</li>
 *   <li>every {@code /digitalocean/v2/...} answer carries {@code ratelimit-limit}, {@code ratelimit-remaining} and
 *       {@code ratelimit-reset}; any error answer under {@code /digitalocean} gets the DigitalOcean error body.</li>
 * </ol>
 * The control API ({@code /digitalocean/_control/...}) needs no token and is never faulted.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class DigitalOceanGate implements ContainerRequestFilter, ContainerResponseFilter {

    /** First path segment of the simulator. */
    public static final String ROOT = "digitalocean";
    private static final String RATE_LIMIT = DigitalOceanGate.class.getName() + ".rateLimit";
    private static final String SIMULATOR_PATH = DigitalOceanGate.class.getName() + ".simulator";

    private SandboxService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public DigitalOceanGate() {
    }

    /** @param service the simulator holder */
    @Inject
    public DigitalOceanGate(SandboxService service) {
        this.service = service;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = relativePath(request.getUriInfo().getPath());
        if (!path.equals(ROOT) && !path.startsWith(ROOT + "/")) {
            return;
        }
        request.setProperty(SIMULATOR_PATH, Boolean.TRUE);
        DigitalOceanSandbox sandbox = service.sandbox();
        if (!sandbox.enabled()) {
            request.abortWith(errorResponse(DigitalOceanException.notFound()));
            return;
        }
        String apiPath = path.substring(ROOT.length());
        if (!apiPath.equals("/v2") && !apiPath.startsWith("/v2/")) {
            return;
        }
        sleep(sandbox.latencyMillis());
        try {
            sandbox.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (DigitalOceanException unauthorized) {
            request.setProperty(RATE_LIMIT, sandbox.rateLimitStatus());
            request.abortWith(errorResponse(unauthorized));
            return;
        }
        Admission admission = sandbox.admit(request.getMethod(), apiPath);
        request.setProperty(RATE_LIMIT, admission.rateLimit());
        admission.fault().ifPresent(fault -> request.abortWith(errorResponse(fault)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SIMULATOR_PATH) == null) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (request.getProperty(RATE_LIMIT) instanceof RateLimitStatus rate) {
            headers.putSingle("ratelimit-limit", String.valueOf(rate.limit()));
            headers.putSingle("ratelimit-remaining", String.valueOf(rate.remaining()));
            headers.putSingle("ratelimit-reset", String.valueOf(rate.resetEpochSeconds()));
        }
        int status = response.getStatus();
        if (status >= 400 && !(response.getEntity() instanceof JsonObject)) {
            DigitalOceanException error = status == 404 ? DigitalOceanException.notFound()
                    : DigitalOceanException.ofStatus(status, statusMessage(response));
            response.setEntity(DigitalOceanJson.error(error), new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /**
     * @param error an API error
     * @return the HTTP answer: status, DigitalOcean error body and, for 429, {@code retry-after}
     */
    static Response errorResponse(DigitalOceanException error) {
        Response.ResponseBuilder builder = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(DigitalOceanJson.error(error));
        error.retryAfterSeconds().ifPresent(s -> builder.header("retry-after", String.valueOf(s)));
        return builder.build();
    }

    private static String statusMessage(ContainerResponseContext response) {
        String reason = response.getStatusInfo().getReasonPhrase();
        return reason == null || reason.isBlank() ? "HTTP " + response.getStatus() : reason + ".";
    }

    private static String relativePath(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        String trimmed = path.substring(start);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
