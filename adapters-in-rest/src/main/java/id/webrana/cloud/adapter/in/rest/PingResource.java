package id.webrana.cloud.adapter.in.rest;

import java.util.Map;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Temporary: proves the API answers and that MP-JWT verification works end to end. */
@Path("/api/v1/ping")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @PermitAll
    @Operation(summary = "Liveness of the API, no token needed")
    public Map<String, String> ping() {
        return Map.of("status", "ok");
    }

    @GET
    @Path("/me")
    @RolesAllowed({RestApplication.CUSTOMER, RestApplication.RESELLER, RestApplication.ADMIN, RestApplication.SUPER_ADMIN})
    @SecurityRequirement(name = RestApplication.BEARER_SCHEME)
    @Operation(summary = "Who the bearer token says the caller is")
    public Map<String, Object> me() {
        return Map.of("upn", jwt.getName(), "groups", new TreeSet<>(jwt.getGroups()));
    }
}
