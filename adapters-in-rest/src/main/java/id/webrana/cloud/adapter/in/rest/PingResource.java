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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Diagnostics for integrators: is the API up, and what does my bearer token say (upn, groups)? */
@Path("/api/v1/ping")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ping", description = "Connectivity checks: is the API up, and is my bearer token accepted?")
public class PingResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @PermitAll
    @Operation(summary = "Liveness of the API, no token needed",
            description = "Answers `{\"status\":\"ok\"}` when the REST API is up. For the server's own health "
                    + "checks use /health.")
    @APIResponse(responseCode = "200", description = "The API is up", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                    properties = @SchemaProperty(name = "status", type = SchemaType.STRING)),
            examples = @ExampleObject(name = "ok", value = ApiExamples.PING)))
    public Map<String, String> ping() {
        return Map.of("status", "ok");
    }

    @GET
    @Path("/me")
    @RolesAllowed({RestApplication.CUSTOMER, RestApplication.RESELLER, RestApplication.ADMIN, RestApplication.SUPER_ADMIN})
    @SecurityRequirement(name = RestApplication.BEARER_SCHEME)
    @Operation(summary = "Who the bearer token says the caller is",
            description = "Checks a bearer token: answers its `upn` (the email) and `groups` (the roles).")
    @APIResponse(responseCode = "200", description = "The token's user", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "upn", type = SchemaType.STRING),
                    @SchemaProperty(name = "groups", type = SchemaType.ARRAY, implementation = String.class)}),
            examples = @ExampleObject(name = "customer", value = ApiExamples.ME)))
    @APIResponse(responseCode = "401", description = ApiExamples.UNAUTHORIZED_EMPTY)
    @APIResponse(responseCode = "403", description = ApiExamples.FORBIDDEN_ROLE, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "FORBIDDEN", value = ApiExamples.FORBIDDEN)))
    public Map<String, Object> me() {
        return Map.of("upn", jwt.getName(), "groups", new TreeSet<>(jwt.getGroups()));
    }
}
