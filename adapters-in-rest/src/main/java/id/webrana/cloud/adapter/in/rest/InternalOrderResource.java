package id.webrana.cloud.adapter.in.rest;

import static id.webrana.cloud.adapter.in.rest.QueryParams.instant;

import id.webrana.cloud.adapter.in.rest.dto.Requests.PaymentStatusRequest;
import id.webrana.cloud.adapter.in.rest.dto.Views.OrderSummaryView;
import id.webrana.cloud.adapter.in.rest.dto.Views.OrderView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PageView;
import id.webrana.cloud.adapter.in.rest.dto.Views.UserView;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase.SearchOrdersQuery;
import id.webrana.cloud.application.port.in.AdminUsersUseCase;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/**
 * Operators' view of orders and users. Access is checked by {@link InternalAccessFilter}
 * ({@code X-API-Key} or an admin token); the filter's {@link Actor} goes into the audit trail.
 */
@Path("/internal")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: orders and users", description = "Operators only (internal): search all orders, read an "
        + "order's full audit trail and provisioning detail, approve or reject payments, look up a user. Send "
        + "`X-API-Key` or the bearer token of an administrator (admin or super_admin); the caller is recorded in the "
        + "audit trail (`actorType` API_KEY or ADMIN).")
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.API_KEY_SCHEME))
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.BEARER_SCHEME))
@APIResponse(responseCode = "401", description = ApiExamples.INTERNAL_401, content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                @ExampleObject(name = "INVALID_API_KEY", value = ApiExamples.INVALID_API_KEY),
                @ExampleObject(name = "UNAUTHENTICATED", value = ApiExamples.UNAUTHENTICATED)}))
@APIResponse(responseCode = "403", description = ApiExamples.INTERNAL_403, content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
        examples = @ExampleObject(name = "FORBIDDEN", value = ApiExamples.ADMINISTRATORS_ONLY)))
public class InternalOrderResource {

    @Inject AdminOrdersUseCase adminOrders;
    @Inject ChangePaymentStatusUseCase paymentStatus;
    @Inject AdminUsersUseCase adminUsers;
    @Context HttpServletRequest request;

    @GET
    @Path("/orders")
    @Operation(summary = "Search all orders",
            description = "Every customer's orders, newest first. Optional filters, combined: `status`, `userId`, "
                    + "`from`/`to` (ISO-8601 UTC, on the creation time), `q` (part of the hostname, email or order id); paged "
                    + "(`page` from 0, `size` 1..100).")
    @APIResponse(responseCode = "200", description = "One page of matching orders", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ORDER_PAGE_SCHEMA),
            examples = @ExampleObject(name = "orders", value = ApiExamples.SEARCH_ORDERS)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: unknown status, malformed userId, a time "
            + "that is not ISO-8601, `to` before `from`, or page/size out of range", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "bad time", value = ApiExamples.SEARCH_BAD_TIME),
                    @ExampleObject(name = "bad status", value = ApiExamples.SEARCH_BAD_STATUS),
                    @ExampleObject(name = "bad size", value = ApiExamples.PAGE_SIZE_INVALID)}))
    public PageView<OrderSummaryView> search(@Parameter(description = "Order status", example = "PENDING_PAYMENT",
                                                     schema = @Schema(type = SchemaType.STRING, enumeration = {
                                                             "PENDING_PAYMENT", "PAID", "PROVISIONING", "ACTIVE",
                                                             "PAYMENT_FAILED", "EXPIRED", "FAILED"}))
                                             @QueryParam("status") String status,
                                             @Parameter(description = "Only this user's orders",
                                                     example = "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c")
                                             @QueryParam("userId") String userId,
                                             @Parameter(description = "Created at or after (ISO-8601 UTC)",
                                                     example = "2026-05-01T00:00:00Z")
                                             @QueryParam("from") String from,
                                             @Parameter(description = "Created before (ISO-8601 UTC)",
                                                     example = "2026-06-01T00:00:00Z")
                                             @QueryParam("to") String to,
                                             @Parameter(description = "Part of the hostname, the customer's email or "
                                                     + "the order id (case-insensitive)", example = "tokobudi")
                                             @QueryParam("q") String q,
                                             @Parameter(description = "Zero-based page number", example = "0")
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @Parameter(description = "Orders per page, 1..100", example = "20")
                                             @QueryParam("size") @DefaultValue("20") int size) {
        var query = new SearchOrdersQuery(status, Ids.parseOptional(userId, ErrorCode.VALIDATION_ERROR, "userId"),
                instant(from, "from"), instant(to, "to"), q);
        return PageView.of(adminOrders.searchOrders(query, new PageRequest(page, size)), OrderSummaryView::of);
    }

    @GET
    @Path("/orders/{id}")
    @Operation(summary = "Any order with its audit trail, provisioning detail and server",
            description = "Like the customer's view, plus the provider's own failure message and the provisioning "
                    + "task's last error.")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class), examples = {
                    @ExampleObject(name = "active", value = ApiExamples.ORDER_ACTIVE_ADMIN),
                    @ExampleObject(name = "provisioning failed", value = ApiExamples.ORDER_FAILED_ADMIN)}))
    @APIResponse(responseCode = "404", description = "`ORDER_NOT_FOUND` (also for a malformed id)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "ORDER_NOT_FOUND", value = ApiExamples.ORDER_NOT_FOUND)))
    public OrderView get(@Parameter(description = "Order id", example = "7c1e9a52-4b3f-4d8e-a6c2-91f0d3b5e7a4")
                         @PathParam("id") String id) {
        return OrderView.of(adminOrders.getOrder(Ids.parse(id, ErrorCode.ORDER_NOT_FOUND, "Order id")), true);
    }

    @POST
    @Path("/orders/{id}/payment-status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (→ PAID, provisioning starts at once) or reject (→ PAYMENT_FAILED) a payment",
            description = "Decides a PENDING_PAYMENT order exactly once: `decision` is APPROVE or REJECT; a rejection "
                    + "needs a `reason`, which the customer is told. Approving commits the order as PAID together "
                    + "with its provisioning task, and the server is requested within about a second. A second "
                    + "decision, even a concurrent one, gets 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PaymentStatusRequest.class), examples = {
                    @ExampleObject(name = "approve", value = ApiExamples.PAYMENT_APPROVE),
                    @ExampleObject(name = "reject", value = ApiExamples.PAYMENT_REJECT)}))
    @APIResponse(responseCode = "200", description = "The order after the decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class), examples = {
                    @ExampleObject(name = "approved", value = ApiExamples.ORDER_APPROVED),
                    @ExampleObject(name = "rejected", value = ApiExamples.ORDER_REJECTED)}))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: decision not APPROVE or REJECT, a "
            + "rejection without a reason, no body; or `MALFORMED_JSON`", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "bad decision", value = ApiExamples.DECISION_INVALID),
                    @ExampleObject(name = "no reason", value = ApiExamples.REJECTION_NEEDS_REASON),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "404", description = "`ORDER_NOT_FOUND` (also for a malformed id)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "ORDER_NOT_FOUND", value = ApiExamples.ORDER_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "`PAYMENT_STATUS_CONFLICT`: the order is no longer awaiting "
            + "payment (already decided, expired, ...)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "PAYMENT_STATUS_CONFLICT", value = ApiExamples.PAYMENT_STATUS_CONFLICT)))
    public OrderView changePaymentStatus(@Parameter(description = "Order id",
                                                 example = "7c1e9a52-4b3f-4d8e-a6c2-91f0d3b5e7a4")
                                         @PathParam("id") String id, PaymentStatusRequest body) {
        Ids.require(body);
        Decision decision;
        try {
            decision = Decision.valueOf(body.decision() == null ? "" : body.decision().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "decision must be APPROVE or REJECT");
        }
        Actor actor = InternalAccessFilter.actorOf(request);
        var order = paymentStatus.changePaymentStatus(new PaymentDecisionCommand(
                Ids.parse(id, ErrorCode.ORDER_NOT_FOUND, "Order id"), decision, body.reason(), actor));
        return OrderView.of(adminOrders.getOrder(order.id()), true);
    }

    /** A user with their latest orders. */
    public record UserDetailsView(UserView user, PageView<OrderSummaryView> recentOrders) {
    }

    @GET
    @Path("/users/{id}")
    @Operation(summary = "A user with their latest orders",
            description = "The account (roles, verification, enabled) and the first page (20) of its orders, newest "
                    + "first.")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserDetailsView.class),
            examples = @ExampleObject(name = "customer", value = ApiExamples.USER_DETAILS)))
    @APIResponse(responseCode = "404", description = "`USER_NOT_FOUND` (also for a malformed id)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "USER_NOT_FOUND", value = ApiExamples.USER_NOT_FOUND)))
    public UserDetailsView user(@Parameter(description = "User id", example = "5b0f6c2e-8d1a-4f3b-9c7e-2a4d6e8f1b3c")
                                @PathParam("id") String id) {
        var d = adminUsers.getUser(Ids.parse(id, ErrorCode.USER_NOT_FOUND, "User id"));
        return new UserDetailsView(UserView.of(d.user()), PageView.of(d.recentOrders(), OrderSummaryView::of));
    }

}
