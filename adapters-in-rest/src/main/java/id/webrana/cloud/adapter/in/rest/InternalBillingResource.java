package id.webrana.cloud.adapter.in.rest;

import static id.webrana.cloud.adapter.in.rest.QueryParams.blankToNull;
import static id.webrana.cloud.adapter.in.rest.QueryParams.instant;
import static id.webrana.cloud.adapter.in.rest.QueryParams.parseEnum;

import id.webrana.cloud.adapter.in.rest.dto.BillingViews.AdjustmentRequest;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.CallbackView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.InvoiceSummaryView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.InvoiceView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.PaymentView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.WalletEntryView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PageView;
import id.webrana.cloud.application.port.in.AdminBillingUseCase;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.application.port.in.WalletUseCase.AdjustWalletCommand;
import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.domain.billing.PaymentSearch;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Operators' billing: transactions, invoices, gateway callbacks, wallets and adjustments. */
@Path("/internal")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: billing", description = "Operators only: every payment received, every invoice, every "
        + "Tripay callback (accepted or refused, with the outcome), wallets and adjustments. Send `X-API-Key` or an "
        + "administrator's bearer token.")
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.API_KEY_SCHEME))
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.BEARER_SCHEME))
public class InternalBillingResource {

    @Inject AdminBillingUseCase billing;
    @Inject WalletUseCase wallets;
    @Context HttpServletRequest request;

    @GET
    @Path("/billing/transactions")
    @Operation(summary = "Payments received, newest first",
            description = "Filters: `userId`, `gateway` (TRIPAY, WALLET), `from`/`to` (ISO-8601, on the payment time), "
                    + "`reference` (part of it).")
    public PageView<PaymentView> transactions(@QueryParam("userId") String userId,
                                              @QueryParam("gateway") String gateway,
                                              @QueryParam("from") String from, @QueryParam("to") String to,
                                              @QueryParam("reference") String reference,
                                              @QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(billing.searchPayments(new PaymentSearch(
                Ids.parseOptional(userId, ErrorCode.VALIDATION_ERROR, "userId"), blankToNull(gateway, true),
                instant(from, "from"), instant(to, "to"), blankToNull(reference, false)),
                new PageRequest(page, size)), PaymentView::of);
    }

    @GET
    @Path("/billing/invoices")
    @Operation(summary = "All invoices, newest first",
            description = "Filters: `status`, `purpose` (ORDER, DEPOSIT, RENEWAL), `userId`, `from`/`to` (issue time), "
                    + "`q` (part of the number or the buyer's email).")
    public PageView<InvoiceSummaryView> invoices(@QueryParam("status") String status,
                                                 @QueryParam("purpose") String purpose,
                                                 @QueryParam("userId") String userId,
                                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                                 @QueryParam("q") String q,
                                                 @QueryParam("page") @DefaultValue("0") int page,
                                                 @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(billing.searchInvoices(new InvoiceSearch(
                parseEnum(InvoiceStatus.class, status, "status"), parseEnum(InvoicePurpose.class, purpose, "purpose"),
                Ids.parseOptional(userId, ErrorCode.VALIDATION_ERROR, "userId"), instant(from, "from"),
                instant(to, "to"), blankToNull(q, false)), new PageRequest(page, size)), InvoiceSummaryView::of);
    }

    @GET
    @Path("/billing/invoices/{id}")
    @Operation(summary = "Any invoice with its gateway transactions and payments")
    public InvoiceView invoice(@PathParam("id") String id) {
        return InvoiceView.of(billing.invoice(Ids.parse(id, ErrorCode.INVOICE_NOT_FOUND, "Invoice id")));
    }

    @GET
    @Path("/billing/invoices/{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "Any invoice as a PDF")
    public Response pdf(@PathParam("id") String id) {
        UUID invoiceId = Ids.parse(id, ErrorCode.INVOICE_NOT_FOUND, "Invoice id");
        return Response.ok(billing.invoicePdf(invoiceId), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"invoice-" + invoiceId + ".pdf\"").build();
    }

    @GET
    @Path("/billing/callbacks")
    @Operation(summary = "Tripay callbacks as received, newest first",
            description = "With their outcome: SETTLED_INVOICE, CREDITED_TO_WALLET, DUPLICATE, IGNORED, ATTEMPT_CLOSED, "
                    + "REFUSED_SIGNATURE, REFUSED_EVENT, REFUSED_MALFORMED, REFUSED_UNKNOWN_REFERENCE, "
                    + "REFUSED_AMOUNT_MISMATCH; reconciliation results are prefixed RECONCILED_.")
    public PageView<CallbackView> callbacks(@QueryParam("outcome") String outcome,
                                            @QueryParam("reference") String reference,
                                            @QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(billing.searchCallbacks(blankToNull(outcome, true), blankToNull(reference, false),
                new PageRequest(page, size)), CallbackView::of);
    }

    @GET
    @Path("/wallets/{userId}")
    @Operation(summary = "A user's wallet: balance and ledger")
    public WalletDetailsView wallet(@PathParam("userId") String userId,
                                    @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("20") int size) {
        UUID id = Ids.parse(userId, ErrorCode.USER_NOT_FOUND, "User id");
        return new WalletDetailsView(id, wallets.balance(id).rupiah(),
                PageView.of(wallets.walletEntries(id, new PageRequest(page, size)), WalletEntryView::of));
    }

    @POST
    @Path("/wallets/{userId}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adjust a wallet", description = "`amount` in signed rupiah (negative takes money, never "
            + "below zero) and a mandatory `reason`; the operator is recorded with the ledger entry.")
    @APIResponse(responseCode = "201", description = "The ledger entry")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: no reason, amount 0 or missing")
    @APIResponse(responseCode = "409", description = "`INSUFFICIENT_BALANCE`")
    public Response adjust(@PathParam("userId") String userId, AdjustmentRequest body) {
        Ids.require(body);
        if (body.amount() == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "amount is required");
        }
        Actor actor = InternalAccessFilter.actorOf(request);
        var entry = wallets.adjust(new AdjustWalletCommand(Ids.parse(userId, ErrorCode.USER_NOT_FOUND, "User id"),
                body.amount(), body.reason(), actor));
        return Response.status(201).entity(WalletEntryView.of(entry)).build();
    }

    /** A wallet as operators see it. */
    public record WalletDetailsView(UUID userId, long balance, PageView<WalletEntryView> entries) {
    }



}
