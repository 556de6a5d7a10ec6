package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.BillingViews.DepositRequest;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.InvoiceView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.WalletEntryView;
import id.webrana.cloud.adapter.in.rest.dto.BillingViews.WalletView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PageView;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.WalletUseCase;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in customer's wallet: balance, ledger and top-ups. */
@Path("/api/v1/wallet")
@RequestScoped
@RolesAllowed({RestApplication.CUSTOMER, RestApplication.RESELLER, RestApplication.ADMIN, RestApplication.SUPER_ADMIN})
@SecurityRequirement(name = RestApplication.BEARER_SCHEME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wallet", description = "A balance in rupiah kept as an append-only ledger (DEPOSIT, BONUS, "
        + "ORDER_PAYMENT, RENEWAL, REFUND, ADJUSTMENT); the balance always equals the ledger's sum and never goes "
        + "below zero. Top up with a deposit invoice; pay invoices with method WALLET.")
@APIResponse(responseCode = "401", description = ApiExamples.UNAUTHORIZED_EMPTY)
public class WalletResource {

    @Inject WalletUseCase wallet;
    @Inject InvoicesUseCase invoices;
    @Inject JsonWebToken jwt;

    @GET
    @Operation(summary = "My balance")
    public WalletView balance() {
        var userId = CurrentUser.id(jwt);
        return new WalletView(userId, wallet.balance(userId).rupiah(), "IDR");
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "My ledger, newest first")
    public PageView<WalletEntryView> transactions(@QueryParam("page") @DefaultValue("0") int page,
                                                  @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(wallet.walletEntries(CurrentUser.id(jwt), new PageRequest(page, size)), WalletEntryView::of);
    }

    @POST
    @Path("/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Top up", description = "Raises a DEPOSIT invoice for `amount` rupiah (Rp 10.000 – "
            + "Rp 50.000.000); pay it like any invoice. The balance grows when the payment is confirmed.")
    @APIResponse(responseCode = "201", description = "The top-up invoice")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: amount missing or outside the limits")
    public Response deposit(DepositRequest body) {
        Ids.require(body);
        if (body.amount() == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "amount is required");
        }
        var userId = CurrentUser.id(jwt);
        var invoice = wallet.requestDeposit(userId, body.amount());
        return Response.created(UriBuilder.fromPath("/api/v1/billing/invoices/{id}").build(invoice.id()))
                .entity(InvoiceView.of(invoices.getInvoice(userId, invoice.id()))).build();
    }
}
