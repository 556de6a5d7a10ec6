package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.CleanupView;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.ReasonRequest;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.ServerSummaryView;
import id.webrana.cloud.adapter.in.rest.dto.InstanceViews.ServerView;
import id.webrana.cloud.adapter.in.rest.dto.Views.OrderView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PageView;
import id.webrana.cloud.application.port.in.AdminInstancesUseCase;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators: every server's lifecycle, interventions with a reason, retry and cleanup. */
@Path("/internal")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: instances", description = "Operators only (X-API-Key or an administrator's token): search "
        + "servers, force suspend / unsuspend / terminate with a mandatory reason, retry provisioning of a FAILED "
        + "order (UC-032), destroy the droplets failed orders left behind. Every intervention is in the server's or "
        + "the order's audit trail with the caller.")
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.API_KEY_SCHEME))
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.BEARER_SCHEME))
public class InternalInstanceResource {

    @Inject AdminInstancesUseCase admin;
    @Context HttpServletRequest request;

    @GET
    @Path("/instances")
    @Operation(summary = "Search servers", description = "Optional `status` (ACTIVE, SUSPENDED, TERMINATED), "
            + "`userId`, `q` (hostname, IPv4 or provider id); paged.")
    public PageView<ServerSummaryView> search(@QueryParam("status") String status, @QueryParam("userId") String userId,
                                              @QueryParam("q") String q,
                                              @QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("20") int size) {
        InternalAccessFilter.actorOf(request); // fails closed should the filter not have run
        return PageView.of(admin.searchInstances(status, Ids.parseOptional(userId, ErrorCode.VALIDATION_ERROR,
                "userId"), q, new PageRequest(page, size)), i -> ServerSummaryView.of(i, null, null));
    }

    @GET
    @Path("/instances/{id}")
    @Operation(summary = "Any server with its actions and full audit trail")
    @APIResponse(responseCode = "404", description = "`INSTANCE_NOT_FOUND`")
    public ServerView get(@PathParam("id") String id) {
        InternalAccessFilter.actorOf(request);
        return ServerView.of(admin.getInstance(InstanceResource.instanceId(id)), true);
    }

    @POST
    @Path("/instances/{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend now (power off, customer locked out); reason required")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: no reason")
    @APIResponse(responseCode = "409", description = "`INSTANCE_STATE_CONFLICT`: not ACTIVE")
    public ServerView suspend(@PathParam("id") String id, ReasonRequest body) {
        return ServerView.of(admin.forceSuspend(InstanceResource.instanceId(id), InternalAccessFilter.actorOf(request),
                reason(body)), true);
    }

    @POST
    @Path("/instances/{id}/unsuspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unsuspend now (power on); reason required")
    public ServerView unsuspend(@PathParam("id") String id, ReasonRequest body) {
        return ServerView.of(admin.forceUnsuspend(InstanceResource.instanceId(id),
                InternalAccessFilter.actorOf(request), reason(body)), true);
    }

    @POST
    @Path("/instances/{id}/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Destroy the droplet now; reason required; the customer is told")
    public ServerView terminate(@PathParam("id") String id, ReasonRequest body) {
        return ServerView.of(admin.forceTerminate(InstanceResource.instanceId(id),
                InternalAccessFilter.actorOf(request), reason(body)), true);
    }

    @POST
    @Path("/orders/{id}/retry-provisioning")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "UC-032: provision a FAILED order again", description = "The order goes back to "
            + "PROVISIONING with a new deadline; a droplet the failed attempt left (found by the order's tag) is "
            + "adopted, never duplicated. `reason` optional.")
    @APIResponse(responseCode = "409", description = "`ORDER_NOT_RETRYABLE`: the order is not FAILED")
    public OrderView retry(@PathParam("id") String id, ReasonRequest body) {
        return OrderView.of(admin.retryProvisioning(Ids.parse(id, ErrorCode.ORDER_NOT_FOUND, "Order id"),
                InternalAccessFilter.actorOf(request), body == null ? null : body.reason()), true);
    }

    @POST
    @Path("/provisioning/cleanup")
    @Operation(summary = "Destroy the droplets of FAILED orders", description = "Lists the platform's droplets "
            + "(tag `webrana`) and destroys exactly those whose order (tag `webrana-order-<id>`) is FAILED; every "
            + "other droplet is reported as kept with why.")
    public CleanupView cleanup() {
        return CleanupView.of(admin.cleanUpFailedOrderServers(InternalAccessFilter.actorOf(request)));
    }

    private static String reason(ReasonRequest body) {
        return body == null ? null : body.reason();
    }
}
