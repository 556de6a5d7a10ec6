package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.AgentAckRequest;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.AgentPasswordView;
import id.webrana.cloud.application.port.in.ServerAgentUseCase;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * What the WeBrana agent on a customer's server calls (installed by cloud-init, see the application's
 * {@code CloudInit}): it authenticates with its own secret in {@code X-Agent-Token}, not with the API key,
 * so this path is open in {@link InternalAccessFilter}. A wrong secret answers 404 like an unknown server.
 */
@Path("/internal/agent/{server}")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: server agent", description = "Called by the agent on customers' servers (X-Agent-Token).")
public class AgentResource {

    static final String TOKEN_HEADER = "X-Agent-Token";

    @Inject ServerAgentUseCase agent;

    @POST
    @Path("/token")
    @Operation(summary = "Trade the secret of the user data for the agent's own",
            description = "Answers {\"token\":\"...\"}: from then on only that secret fetches work (the one in the "
                    + "user data is readable by every local user through the metadata service).")
    public Response token(@PathParam("server") String server, @HeaderParam(TOKEN_HEADER) String token) {
        return Response.ok(java.util.Map.of("token", agent.renewAgentToken(serverRef(server), token)))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/password-reset")
    @Operation(summary = "A pending root password reset, handed out once; 204 when there is none")
    public Response next(@PathParam("server") String server, @HeaderParam(TOKEN_HEADER) String token) {
        return agent.nextPassword(serverRef(server), token)
                .map(p -> Response.ok(new AgentPasswordView(p.actionId(), p.password()))
                        .header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/password-reset/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The password was applied (ok=true) or not")
    public Response ack(@PathParam("server") String server, @HeaderParam(TOKEN_HEADER) String token,
                        AgentAckRequest body) {
        Ids.require(body);
        if (body.ok() == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "ok is required");
        }
        agent.passwordApplied(serverRef(server), token, Ids.parse(body.actionId(), ErrorCode.VALIDATION_ERROR,
                "actionId"), body.ok(), body.error());
        return Response.noContent().build();
    }

    private static UUID serverRef(String server) {
        return Ids.parse(server, ErrorCode.INSTANCE_NOT_FOUND, "Server");
    }
}
