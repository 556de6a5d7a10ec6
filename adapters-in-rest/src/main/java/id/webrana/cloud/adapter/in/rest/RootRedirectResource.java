package id.webrana.cloud.adapter.in.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /} sends browsers to the web application at {@code /app/}. */
@Path("/")
@PermitAll
public class RootRedirectResource {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/app/")).build();
    }
}
