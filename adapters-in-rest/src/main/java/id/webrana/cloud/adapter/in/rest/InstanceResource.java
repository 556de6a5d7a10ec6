package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.BillingViews.InvoiceView;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.ActionRequest;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.ActionResultView;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.AutoRenewRequest;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.PasswordView;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.ServerSummaryView;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.ServerView;
import id.webrana.cloud.application.port.in.InstancesUseCase;
import id.webrana.cloud.application.port.in.InstancesUseCase.PerformActionCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The signed-in customer's servers: status, actions, renewal, passwords. */
@Path("/api/v1/instances")
@RequestScoped
@RolesAllowed({RestApplication.CUSTOMER, RestApplication.RESELLER, RestApplication.ADMIN, RestApplication.SUPER_ADMIN})
@SecurityRequirement(name = RestApplication.BEARER_SCHEME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instances", description = "Your servers. Another customer's server answers 404 INSTANCE_NOT_FOUND, "
        + "exactly like one that does not exist. Actions: reboot, power_on, power_off, power_cycle, reset_password, "
        + "console; one at a time per server (409 ACTION_IN_PROGRESS), none on a suspended or terminated server "
        + "(409 INSTANCE_SUSPENDED / INSTANCE_TERMINATED), at most INSTANCE_ACTIONS_PER_HOUR per server "
        + "(429 ACTION_RATE_LIMITED). DigitalOcean offers no console through its API: `console` answers 409 "
        + "ACTION_NOT_SUPPORTED with what to do instead.")
@APIResponse(responseCode = "401", description = ApiExamples.UNAUTHORIZED_EMPTY)
public class InstanceResource {

    @Inject InstancesUseCase instances;
    @Inject InvoicesUseCase invoices;
    @Inject JsonWebToken jwt;

    @GET
    @Operation(summary = "My servers, newest first (terminated ones included)")
    public List<ServerSummaryView> list() {
        return instances.listInstances(CurrentUser.id(jwt)).stream().map(ServerSummaryView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One server", description = "Specs, addresses, region, image; `powerState` read from the "
            + "provider (cached a few seconds; UNKNOWN when the provider cannot be asked); expiry and renewal; the "
            + "actions with their progress (IN_PROGRESS → COMPLETED / ERRORED) and the server's history.")
    @APIResponse(responseCode = "404", description = "`INSTANCE_NOT_FOUND`")
    public ServerView get(@PathParam("id") String id) {
        return ServerView.of(instances.getInstance(CurrentUser.id(jwt), instanceId(id)), false);
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an action", description = "`{\"type\":\"reboot\"}`. Answers 202 with the action "
            + "IN_PROGRESS; follow it with GET /api/v1/instances/{id}. `reset_password`: the platform chooses a new "
            + "root password and returns it in this answer only (`password`); the WeBrana agent on the server "
            + "applies it within about a minute and the action completes when the agent confirms. (DigitalOcean's "
            + "own reset would email the password to the platform's DigitalOcean account, not to you.)")
    @APIResponse(responseCode = "202", description = "The action started")
    @APIResponse(responseCode = "400", description = "`INVALID_ACTION`")
    @APIResponse(responseCode = "409", description = "`ACTION_IN_PROGRESS`, `INSTANCE_SUSPENDED`, "
            + "`INSTANCE_TERMINATED`, `ACTION_NOT_SUPPORTED`")
    @APIResponse(responseCode = "429", description = "`ACTION_RATE_LIMITED`")
    @APIResponse(responseCode = "503", description = "`PROVIDER_UNAVAILABLE`: try again shortly")
    public Response act(@PathParam("id") String id, ActionRequest body) {
        Ids.require(body);
        if (body.type() == null || body.type().isBlank()) {
            throw new DomainException(ErrorCode.INVALID_ACTION, "type is required");
        }
        UUID userId = CurrentUser.id(jwt);
        var result = instances.performAction(new PerformActionCommand(userId, instanceId(id), body.type(),
                new Actor(Actor.Type.CUSTOMER, userId.toString())));
        return Response.accepted(ActionResultView.of(result)).header("Cache-Control", "no-store").build();
    }

    @PUT
    @Path("/{id}/auto-renew")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn auto-renewal from the wallet on or off", description = "`{\"enabled\":true}`: the "
            + "renewal invoice raised before expiry is paid from the wallet when the balance covers it.")
    public ServerView autoRenew(@PathParam("id") String id, AutoRenewRequest body) {
        Ids.require(body);
        if (body.enabled() == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "enabled (true or false) is required");
        }
        return ServerView.of(instances.setAutoRenew(CurrentUser.id(jwt), instanceId(id), body.enabled()), false);
    }

    @POST
    @Path("/{id}/root-password")
    @Operation(summary = "Show the root password set at creation, once",
            description = "The password cloud-init set when the server was created. It is kept only until shown: "
                    + "a second call answers 410 PASSWORD_ALREADY_SHOWN (use the reset_password action instead).")
    @APIResponse(responseCode = "410", description = "`PASSWORD_ALREADY_SHOWN`")
    public Response rootPassword(@PathParam("id") String id) {
        String password = instances.revealInitialPassword(CurrentUser.id(jwt), instanceId(id));
        return Response.ok(new PasswordView(password, "Shown once; store it now. Change it after logging in."))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/renewal")
    @Operation(summary = "The renewal invoice", description = "The open renewal invoice, raised now if there is "
            + "none; pay it like any invoice (POST /api/v1/billing/invoices/{id}/pay). Paying extends the expiry by "
            + "one period and lifts a suspension for non-payment at once.")
    @APIResponse(responseCode = "201", description = "The renewal invoice")
    public Response renewal(@PathParam("id") String id) {
        UUID userId = CurrentUser.id(jwt);
        var invoice = instances.renewalInvoice(userId, instanceId(id));
        return Response.created(UriBuilder.fromPath("/api/v1/billing/invoices/{id}").build(invoice.id()))
                .entity(InvoiceView.of(invoices.getInvoice(userId, invoice.id()))).build();
    }

    static UUID instanceId(String id) {
        return Ids.parse(id, ErrorCode.INSTANCE_NOT_FOUND, "Server id");
    }
}
