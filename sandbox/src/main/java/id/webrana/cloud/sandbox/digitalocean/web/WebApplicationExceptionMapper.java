package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.DigitalOceanException;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanJson;
import id.webrana.cloud.sandbox.tripay.TripayJson;
import id.webrana.cloud.sandbox.tripay.web.TripayPaths;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (no such path 404, wrong method 405, …) the error body of the simulator the
 * path belongs to, keeping their status and headers (e.g. {@code Allow}): Tripay's
 * {@code {"success":false,"message":...}} below {@code /tripay}, DigitalOcean's {@code {"id","message"}} everywhere
 * else (the DigitalOcean API and the landing page).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String reason = original.getStatusInfo().getReasonPhrase();
        if (uriInfo != null && TripayPaths.isTripay(uriInfo.getPath())) {
            String message = reason == null || reason.isBlank() ? "HTTP " + status : reason;
            return Response.fromResponse(original).entity(TripayJson.error(message))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        DigitalOceanException error = status == 404 ? DigitalOceanException.notFound()
                : DigitalOceanException.ofStatus(status,
                        reason == null || reason.isBlank() ? "HTTP " + status : reason + ".");
        return Response.fromResponse(original).entity(DigitalOceanJson.error(error))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
