package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.BillingViews.ChannelView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.CreateInvoiceRequest;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.InvoiceSummaryView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.InvoiceView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.PayRequest;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.PaymentView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PageView;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase.CreateInvoiceCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.domain.shared.DomainException;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The signed-in customer's invoices and payments. Another user's invoice answers 403 INVOICE_ACCESS_DENIED. */
@Path("/api/v1/billing")
@RequestScoped
@RolesAllowed({RestApplication.CUSTOMER, RestApplication.RESELLER, RestApplication.ADMIN, RestApplication.SUPER_ADMIN})
@SecurityRequirement(name = RestApplication.BEARER_SCHEME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing", description = "Invoices (one per order, per wallet top-up and per renewal), paying them "
        + "through Tripay (virtual accounts, e-wallets, QRIS, convenience stores) or from the wallet, and their PDF. "
        + "Invoice numbers are INV/yyyy/mm/nnnnnn without gaps per month; amounts are whole rupiah; statuses "
        + "UNPAID, PAID, EXPIRED, FAILED, REFUNDED.")
@APIResponse(responseCode = "401", description = ApiExamples.UNAUTHORIZED_EMPTY)
public class BillingResource {

    @Inject InvoicesUseCase invoices;
    @Inject JsonWebToken jwt;

    @POST
    @Path("/invoices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise an invoice",
            description = "`{\"orderId\": ...}` returns the order's invoice (issued with the order); "
                    + "`{\"depositAmount\": 100000}` raises a wallet top-up invoice (Rp 10.000 – Rp 50.000.000).")
    @APIResponse(responseCode = "201", description = "The invoice; `Location` is its URL")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR` (neither or both fields, amount outside limits)")
    @APIResponse(responseCode = "409", description = "`INVOICE_NOT_PAYABLE`: the order no longer awaits payment")
    public Response create(CreateInvoiceRequest body) {
        Ids.require(body);
        var invoice = invoices.createInvoice(new CreateInvoiceCommand(CurrentUser.id(jwt),
                body.orderId() == null ? null : Ids.parse(body.orderId(), ErrorCode.ORDER_NOT_FOUND, "orderId"),
                body.depositAmount()));
        return Response.created(UriBuilder.fromPath("/api/v1/billing/invoices/{id}").build(invoice.id()))
                .entity(InvoiceView.of(invoices.getInvoice(CurrentUser.id(jwt), invoice.id()))).build();
    }

    @GET
    @Path("/invoices")
    @Operation(summary = "My invoices, newest first")
    public PageView<InvoiceSummaryView> list(@QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(invoices.listInvoices(CurrentUser.id(jwt), new PageRequest(page, size)),
                InvoiceSummaryView::of);
    }

    @GET
    @Path("/invoices/{id}")
    @Operation(summary = "One invoice with its payment instructions",
            description = "`payment` holds the open Tripay transaction (pay code, QR payload, checkout URL, expiry). "
                    + "With `refresh=true` (the customer is back from the checkout page) the status is asked from "
                    + "Tripay first, so a payment shows at once even if its callback is late.")
    @APIResponse(responseCode = "403", description = "`INVOICE_ACCESS_DENIED`")
    @APIResponse(responseCode = "404", description = "`INVOICE_NOT_FOUND`")
    public InvoiceView get(@PathParam("id") String id,
                           @Parameter(description = "Ask the gateway for the status first")
                           @QueryParam("refresh") @DefaultValue("false") boolean refresh) {
        var invoiceId = Ids.parse(id, ErrorCode.INVOICE_NOT_FOUND, "Invoice id");
        return InvoiceView.of(refresh ? invoices.refreshPaymentStatus(CurrentUser.id(jwt), invoiceId)
                : invoices.getInvoice(CurrentUser.id(jwt), invoiceId));
    }

    @POST
    @Path("/invoices/{id}/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay an invoice",
            description = "`method` is a channel code from /billing/payment-channels (opens a Tripay closed "
                    + "transaction; asking again with the same channel returns the same open transaction) or "
                    + "`WALLET` (paid at once from the balance; an order then starts provisioning).")
    @APIResponse(responseCode = "200", description = "The invoice with `payment` instructions, or PAID")
    @APIResponse(responseCode = "400", description = "`INVALID_PAYMENT_METHOD` (unknown channel, amount outside "
            + "its limits, top-up from the wallet)")
    @APIResponse(responseCode = "409", description = "`INVOICE_NOT_PAYABLE`, `INSUFFICIENT_BALANCE`")
    @APIResponse(responseCode = "502", description = "`PAYMENT_GATEWAY_REJECTED`: Tripay refused the transaction")
    @APIResponse(responseCode = "503", description = "`PAYMENT_GATEWAY_UNAVAILABLE`: Tripay cannot be reached")
    public InvoiceView pay(@PathParam("id") String id, PayRequest body) {
        Ids.require(body);
        return InvoiceView.of(invoices.pay(new PayInvoiceCommand(CurrentUser.id(jwt),
                Ids.parse(id, ErrorCode.INVOICE_NOT_FOUND, "Invoice id"), body.method())));
    }

    @GET
    @Path("/invoices/{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The invoice as a PDF (Indonesian invoice, amounts in rupiah, times in WIB)")
    public Response pdf(@PathParam("id") String id) {
        var invoiceId = Ids.parse(id, ErrorCode.INVOICE_NOT_FOUND, "Invoice id");
        byte[] pdf = invoices.invoicePdf(CurrentUser.id(jwt), invoiceId);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"invoice-" + invoiceId + ".pdf\"").build();
    }

    @GET
    @Path("/payment-channels")
    @Operation(summary = "How customers can pay, with fees",
            description = "Tripay's active channels (cached). With `amount`, each channel shows the customer's fee "
                    + "and the total for that amount.")
    public List<ChannelView> channels(@QueryParam("amount") Long amount) {
        if (amount != null && amount < 0) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "amount cannot be negative");
        }
        return invoices.paymentChannels().stream().map(c -> ChannelView.of(c, amount)).toList();
    }

    @GET
    @Path("/payments")
    @Operation(summary = "My payment history, newest first")
    public PageView<PaymentView> payments(@QueryParam("page") @DefaultValue("0") int page,
                                          @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(invoices.paymentHistory(CurrentUser.id(jwt), new PageRequest(page, size)),
                PaymentView::of);
    }
}
