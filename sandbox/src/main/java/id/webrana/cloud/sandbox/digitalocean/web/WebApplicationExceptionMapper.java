package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.DigitalOceanException;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (no such path 404, wrong method 405, …) the DigitalOcean error body,
 * keeping their status and headers (e.g. {@code Allow}). Every path of this war is either the simulator or the
 * landing page, so the API error format fits all of them.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String reason = original.getStatusInfo().getReasonPhrase();
        DigitalOceanException error = status == 404 ? DigitalOceanException.notFound()
                : DigitalOceanException.ofStatus(status, reason == null || reason.isBlank() ? "HTTP " + status : reason + ".");
        return Response.fromResponse(original).entity(DigitalOceanJson.error(error))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
