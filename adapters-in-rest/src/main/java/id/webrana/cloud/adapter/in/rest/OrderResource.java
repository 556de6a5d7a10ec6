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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
@Tag(name = "Orders", description = "The signed-in customer's VPS orders; needs `Authorization: Bearer <access token>`. "
        + "An order is placed as PENDING_PAYMENT with its price fixed, becomes PAID when an operator confirms the "
        + "payment, then PROVISIONING and ACTIVE once the server runs (or PAYMENT_FAILED, EXPIRED, FAILED). A missing, "
        + "expired or forged token is answered 401 with an EMPTY body by the server's MP-JWT layer.")
@APIResponse(responseCode = "401", description = ApiExamples.UNAUTHORIZED_EMPTY)
@APIResponse(responseCode = "403", description = ApiExamples.FORBIDDEN_ROLE, content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
        examples = @ExampleObject(name = "FORBIDDEN", value = ApiExamples.FORBIDDEN)))
public class OrderResource {

    @Inject PlaceOrderUseCase placeOrder;
    @Inject ViewOrdersUseCase viewOrders;
    @Inject JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Order a VPS",
            description = "Places an order for the plan, image and billing period. It waits for payment "
                    + "(PENDING_PAYMENT, until `paymentDueAt`, then EXPIRED); its price is fixed now, as /catalog/quote "
                    + "would show it. `hostname` becomes the server's name (RFC 1123 labels: letters, digits, "
                    + "hyphens, dots); `couponCode` and `sshKeys` (up to 10 OpenSSH public keys) are optional. The "
                    + "server is created in the configured default region (`sgp1`, Singapore, by default).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrderRequest.class),
            examples = @ExampleObject(name = "order", value = ApiExamples.ORDER_REQUEST)))
    @APIResponse(responseCode = "201", description = "The order, with its pricing snapshot; `Location` is its URL",
            headers = @Header(name = "Location", description = "/api/v1/orders/{id} of the new order",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class),
                    examples = @ExampleObject(name = "placed", value = ApiExamples.ORDER_PLACED)))
    @APIResponse(responseCode = "400", description = "`INVALID_PLAN`, `INVALID_IMAGE`, `INVALID_DURATION`, "
            + "`INVALID_COUPON`, `INVALID_HOSTNAME`, `VALIDATION_ERROR` (bad SSH key, no body) or `MALFORMED_JSON`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "INVALID_PLAN", value = ApiExamples.INVALID_PLAN),
                    @ExampleObject(name = "INVALID_IMAGE", value = ApiExamples.INVALID_IMAGE),
                    @ExampleObject(name = "INVALID_DURATION", value = ApiExamples.INVALID_DURATION),
                    @ExampleObject(name = "INVALID_COUPON", value = ApiExamples.COUPON_EXPIRED),
                    @ExampleObject(name = "INVALID_HOSTNAME", value = ApiExamples.INVALID_HOSTNAME),
                    @ExampleObject(name = "VALIDATION_ERROR", value = ApiExamples.INVALID_SSH_KEY),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "403", description = ApiExamples.FORBIDDEN_ROLE + " `ACCOUNT_DISABLED`: the account "
            + "has been disabled.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "FORBIDDEN", value = ApiExamples.FORBIDDEN),
                    @ExampleObject(name = "ACCOUNT_DISABLED", value = ApiExamples.ACCOUNT_DISABLED)}))
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
    @Operation(summary = "My orders, newest first",
            description = "Summaries of the caller's orders, paged (`page` from 0, `size` 1..100).")
    @APIResponse(responseCode = "200", description = "One page of my orders", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ORDER_PAGE_SCHEMA),
            examples = @ExampleObject(name = "orders", value = ApiExamples.MY_ORDERS)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: page below 0 or size outside 1..100",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
                    examples = @ExampleObject(name = "VALIDATION_ERROR", value = ApiExamples.PAGE_SIZE_INVALID)))
    public PageView<OrderSummaryView> list(@Parameter(description = "Zero-based page number", example = "0")
                                           @QueryParam("page") @DefaultValue("0") int page,
                                           @Parameter(description = "Orders per page, 1..100", example = "20")
                                           @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(viewOrders.listOrders(CurrentUser.id(jwt), new PageRequest(page, size)), OrderSummaryView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my orders with its status history and server",
            description = "The order with its pricing, status history (who changed it, when and why), and once "
                    + "provisioning has started its progress and the server (`instance`: public IPv4/IPv6, region, "
                    + "expiry). Poll it after payment to see the server come up. Failures show a plain sentence; "
                    + "operators see the provider's detail under /internal.")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class), examples = {
                    @ExampleObject(name = "active", value = ApiExamples.ORDER_ACTIVE),
                    @ExampleObject(name = "provisioning failed", value = ApiExamples.ORDER_FAILED_CUSTOMER)}))
    @APIResponse(responseCode = "403", description = "`ORDER_ACCESS_DENIED`: the order belongs to another account. "
            + ApiExamples.FORBIDDEN_ROLE, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "ORDER_ACCESS_DENIED", value = ApiExamples.ORDER_ACCESS_DENIED),
                    @ExampleObject(name = "FORBIDDEN", value = ApiExamples.FORBIDDEN)}))
    @APIResponse(responseCode = "404", description = "`ORDER_NOT_FOUND` (also for a malformed id)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "ORDER_NOT_FOUND", value = ApiExamples.ORDER_NOT_FOUND)))
    public OrderView get(@Parameter(description = "Order id", example = "7c1e9a52-4b3f-4d8e-a6c2-91f0d3b5e7a4")
                         @PathParam("id") String id) {
        return OrderView.of(viewOrders.getOrder(CurrentUser.id(jwt), Ids.parse(id, ErrorCode.ORDER_NOT_FOUND, "Order id")),
                false);
    }
}
