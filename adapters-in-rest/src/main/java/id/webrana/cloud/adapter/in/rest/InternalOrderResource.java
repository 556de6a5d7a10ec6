package id.webrana.cloud.adapter.in.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Operators' view of orders and users. Access is checked by {@link InternalAccessFilter}
 * ({@code X-API-Key} or an admin token); the filter's {@link Actor} goes into the audit trail.
 */
@Path("/internal")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: orders and users")
@APIResponse(responseCode = "401", description = "No or wrong X-API-Key and no administrator token")
@APIResponse(responseCode = "403", description = "A non-administrator's token")
public class InternalOrderResource {

    @Inject AdminOrdersUseCase adminOrders;
    @Inject ChangePaymentStatusUseCase paymentStatus;
    @Inject AdminUsersUseCase adminUsers;
    @Context HttpServletRequest request;

    @GET
    @Path("/orders")
    @Operation(summary = "Search all orders", description = "Filters: status, userId, from/to (ISO-8601, created time), q (hostname, email or id); paged.")
    public PageView<OrderSummaryView> search(@QueryParam("status") String status, @QueryParam("userId") String userId,
                                             @QueryParam("from") String from, @QueryParam("to") String to,
                                             @QueryParam("q") String q,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("20") int size) {
        var query = new SearchOrdersQuery(status, Ids.parseOptional(userId, ErrorCode.VALIDATION_ERROR, "userId"),
                instant(from, "from"), instant(to, "to"), q);
        return PageView.of(adminOrders.searchOrders(query, new PageRequest(page, size)), OrderSummaryView::of);
    }

    @GET
    @Path("/orders/{id}")
    @Operation(summary = "Any order with its audit trail, provisioning detail and server")
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND")
    public OrderView get(@PathParam("id") String id) {
        return OrderView.of(adminOrders.getOrder(Ids.parse(id, ErrorCode.ORDER_NOT_FOUND, "Order id")), true);
    }

    @POST
    @Path("/orders/{id}/payment-status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (→ PAID, provisioning starts at once) or reject (→ PAYMENT_FAILED) a payment")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "approve", value = "{\"decision\":\"APPROVE\",\"reason\":\"Transfer BCA diterima\"}"),
            @ExampleObject(name = "reject", value = "{\"decision\":\"REJECT\",\"reason\":\"Bukti transfer tidak valid\"}")}))
    @APIResponse(responseCode = "200", description = "The order after the decision")
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PAYMENT_STATUS_CONFLICT: the order is no longer awaiting payment")
    public OrderView changePaymentStatus(@PathParam("id") String id, PaymentStatusRequest body) {
        Ids.require(body);
        Decision decision;
        try {
            decision = Decision.valueOf(body.decision() == null ? "" : body.decision().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "decision must be APPROVE or REJECT");
        }
        // the filter's property is a servlet request attribute on Liberty
        Actor actor = (Actor) request.getAttribute(InternalAccessFilter.ACTOR_PROPERTY);
        if (actor == null) {
            throw new IllegalStateException("InternalAccessFilter did not run for " + request.getRequestURI());
        }
        var order = paymentStatus.changePaymentStatus(new PaymentDecisionCommand(
                Ids.parse(id, ErrorCode.ORDER_NOT_FOUND, "Order id"), decision, body.reason(), actor));
        return OrderView.of(adminOrders.getOrder(order.id()), true);
    }

    /** A user with their latest orders. */
    public record UserDetailsView(UserView user, PageView<OrderSummaryView> recentOrders) {
    }

    @GET
    @Path("/users/{id}")
    @Operation(summary = "A user with their latest orders")
    @APIResponse(responseCode = "404", description = "USER_NOT_FOUND")
    public UserDetailsView user(@PathParam("id") String id) {
        var d = adminUsers.getUser(Ids.parse(id, ErrorCode.USER_NOT_FOUND, "User id"));
        return new UserDetailsView(UserView.of(d.user()), PageView.of(d.recentOrders(), OrderSummaryView::of));
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, name + " must be an ISO-8601 UTC time, e.g. 2026-11-23T00:00:00Z");
        }
    }
}
