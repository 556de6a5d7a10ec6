package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.Requests.OrderRequest;
import id.webrana.cloud.adapter.in.rest.dto.Views.OrderSummaryView;
import id.webrana.cloud.adapter.in.rest.dto.Views.OrderView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PageView;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.in.ViewOrdersUseCase;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's orders. Other users' orders answer 403 ORDER_ACCESS_DENIED. */
@Path("/api/v1/orders")
@RequestScoped
@RolesAllowed({RestApplication.CUSTOMER, RestApplication.RESELLER, RestApplication.ADMIN, RestApplication.SUPER_ADMIN})
@SecurityRequirement(name = RestApplication.BEARER_SCHEME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
@APIResponse(responseCode = "401", description = "Missing, expired or forged bearer token (mpJwt answers with an empty body)")
public class OrderResource {

    @Inject PlaceOrderUseCase placeOrder;
    @Inject ViewOrdersUseCase viewOrders;
    @Inject JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Order a VPS", description = "The order waits for payment (PENDING_PAYMENT); its price is fixed now.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "order",
            value = "{\"planId\":\"22222222-0000-0000-0000-000000000001\",\"imageId\":\"11111111-0000-0000-0000-000000002404\",\"period\":\"MONTHLY\",\"hostname\":\"web-1\",\"couponCode\":\"HEMAT10\",\"sshKeys\":[]}")))
    @APIResponse(responseCode = "201", description = "The order, with its pricing snapshot")
    @APIResponse(responseCode = "400", description = "INVALID_PLAN, INVALID_IMAGE, INVALID_DURATION, INVALID_COUPON, INVALID_HOSTNAME, VALIDATION_ERROR")
    public Response create(OrderRequest body) {
        Ids.require(body);
        var order = placeOrder.placeOrder(new PlaceOrderCommand(CurrentUser.id(jwt),
                Ids.parse(body.planId(), ErrorCode.INVALID_PLAN, "planId"),
                Ids.parse(body.imageId(), ErrorCode.INVALID_IMAGE, "imageId"), body.period(), body.hostname(),
                body.couponCode(), body.sshKeys()));
        return Response.created(UriBuilder.fromPath("/api/v1/orders/{id}").build(order.id()))
                .entity(OrderView.of(order)).build();
    }

    @GET
    @Operation(summary = "My orders, newest first")
    public PageView<OrderSummaryView> list(@QueryParam("page") @DefaultValue("0") int page,
                                           @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(viewOrders.listOrders(CurrentUser.id(jwt), new PageRequest(page, size)), OrderSummaryView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my orders with its status history and server")
    @APIResponse(responseCode = "403", description = "ORDER_ACCESS_DENIED")
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND")
    public OrderView get(@PathParam("id") String id) {
        return OrderView.of(viewOrders.getOrder(CurrentUser.id(jwt), Ids.parse(id, ErrorCode.ORDER_NOT_FOUND, "Order id")),
                false);
    }
}
