package id.webrana.cloud.sandbox.tripay.web;

import id.webrana.cloud.sandbox.tripay.TripayException;
import id.webrana.cloud.sandbox.tripay.TripaySandbox;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * What happens around every call of the simulated API ({@code /tripay/api-sandbox/...}) before the resources see it:
 * the configured latency, the API-key check ({@code Authorization: Bearer <API key>}, else 401
 * {@code {"success":false,"message":"Invalid API Key"}}) and, with {@code errorRate}, an injected 500. The checkout
 * page and the control API need no key and are never faulted.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TripayGate implements ContainerRequestFilter {

    private TripayService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public TripayGate() {
    }

    /** @param service the simulator holder */
    @Inject
    public TripayGate(TripayService service) {
        this.service = service;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!TripayPaths.isApi(request.getUriInfo().getPath())) {
            return;
        }
        TripaySandbox sandbox = service.sandbox();
        sleep(sandbox.latencyMillis());
        try {
            sandbox.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (TripayException unauthorized) {
            request.abortWith(TripayExceptionMapper.response(unauthorized));
            return;
        }
        sandbox.fault().ifPresent(fault -> request.abortWith(TripayExceptionMapper.response(fault)));
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
