package id.webrana.cloud.adapter.out.tripay;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * MicroProfile Rest Client interface for the Tripay endpoints the platform uses.
 *
 * <p>Built programmatically by {@link TripayClient#restClient(TripaySettings)} (the base URL is chosen at run time:
 * Tripay's sandbox, production, or the built-in simulator), with {@code Authorization: Bearer <api key>} set on the
 * builder and the default {@code ResponseExceptionMapper} disabled. Every method returns the raw {@link Response}:
 * Tripay reports failures in its JSON envelope ({@code success:false}) with whatever HTTP status, so
 * {@link TripayClient} reads the body as text and decides on the envelope, not on the status.
 *
 * <p>Paths are relative to the base URI, e.g. {@code https://tripay.co.id/api-sandbox} or
 * {@code http://localhost:9080/sandbox/tripay/api-sandbox}.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface TripayApi {

    /** {@code GET merchant/payment-channel}: every channel of the merchant, active or not. Idempotent. */
    @GET
    @Path("/merchant/payment-channel")
    Response paymentChannels();

    /** {@code GET merchant/fee-calculator?amount=&code=}: the fees of one channel (or all when code is null). */
    @GET
    @Path("/merchant/fee-calculator")
    Response feeCalculator(@QueryParam("amount") long amount, @QueryParam("code") String code);

    /** {@code POST transaction/create} (closed payment), JSON body. <b>Not idempotent</b>. */
    @POST
    @Path("/transaction/create")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createTransaction(TripayCreateTransactionBody body);

    /** {@code GET transaction/detail?reference=}. Idempotent. */
    @GET
    @Path("/transaction/detail")
    Response transactionDetail(@QueryParam("reference") String reference);

    /**
     * {@code GET merchant/transactions?merchant_ref=&page=&per_page=}: the merchant's transactions, filtered and
     * paginated ({@code per_page} at most 50); {@code data} is a list and a {@code pagination} object is added.
     * Idempotent.
     */
    @GET
    @Path("/merchant/transactions")
    Response merchantTransactions(@QueryParam("merchant_ref") String merchantRef, @QueryParam("page") int page,
                                  @QueryParam("per_page") int perPage);
}
