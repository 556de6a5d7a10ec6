package id.webrana.cloud.sandbox.tripay.web;

import id.webrana.cloud.sandbox.tripay.ChannelSpec;
import id.webrana.cloud.sandbox.tripay.Transaction;
import id.webrana.cloud.sandbox.tripay.TransactionList;
import id.webrana.cloud.sandbox.tripay.TripayException;
import id.webrana.cloud.sandbox.tripay.TripayJson;
import id.webrana.cloud.sandbox.tripay.TripaySandbox;
import id.webrana.cloud.sandbox.tripay.TripayUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The simulated Tripay API, {@code /tripay/api-sandbox/...} (the same paths as {@code https://tripay.co.id/api-sandbox/}):
 * <ul>
 *   <li>{@code GET merchant/payment-channel[?code=]} — the channels with fees and limits;</li>
 *   <li>{@code GET merchant/fee-calculator?amount=[&code=]} — the fee split per channel;</li>
 *   <li>{@code POST transaction/create} — a closed payment (JSON or form body, signature checked);</li>
 *   <li>{@code GET transaction/detail?reference=} — the transaction, with {@code paid_at} as a string;</li>
 *   <li>{@code GET merchant/transactions[?reference=&merchant_ref=&method=&status=&sort=&page=&per_page=]} — a page
 *       of transactions with a {@code pagination} object;</li>
 *   <li>{@code GET transaction/check-status?reference=} — {@code "Status transaksi saat ini PAID"}.</li>
 * </ul>
 * The API key, latency and faults are handled by {@link TripayGate}; refusals are {@code {"success":false}} with
 * HTTP 200 ({@link TripayExceptionMapper}).
 */
@Path(TripayPaths.API)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class TripayApiResource {

    private TripayService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public TripayApiResource() {
    }

    /** @param service the simulator holder */
    @Inject
    public TripayApiResource(TripayService service) {
        this.service = service;
    }

    /**
     * @param code only this channel (optional, as in Tripay's PHP SDK)
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return {@code {success, message: "Success", data: [channel...]}}; inactive channels have {@code active:false}
     */
    @GET
    @Path("merchant/payment-channel")
    public JsonObject paymentChannels(@QueryParam("code") String code, @Context UriInfo uriInfo) {
        TripaySandbox sandbox = sandbox();
        TripayUrls urls = urls(uriInfo);
        JsonArrayBuilder data = Json.createArrayBuilder();
        sandbox.channels().all().stream()
                .filter(c -> code == null || code.isBlank() || c.code().equals(code))
                .forEach(c -> data.add(TripayJson.channel(c, sandbox.isActive(c), urls)));
        return TripayJson.success("Success", data.build());
    }

    /**
     * @param amount the amount (required)
     * @param code one channel, or all active channels when absent
     * @return {@code {success, message: "", data: [{code, name, fee{flat, percent, min, max}, total_fee{merchant, customer}}]}}
     */
    @GET
    @Path("merchant/fee-calculator")
    public JsonObject feeCalculator(@QueryParam("amount") String amount, @QueryParam("code") String code) {
        if (amount == null || amount.isBlank()) {
            throw TripayException.refused("The amount field is required.");
        }
        long value;
        try {
            value = Long.parseLong(amount.trim());
        } catch (NumberFormatException e) {
            throw TripayException.refused("The amount must be an integer.");
        }
        if (value < 0) {
            throw TripayException.refused("The amount must be at least 0.");
        }
        TripaySandbox sandbox = sandbox();
        List<ChannelSpec> channels;
        if (code == null || code.isBlank()) {
            channels = sandbox.channels().all().stream().filter(sandbox::isActive).toList();
        } else {
            channels = List.of(sandbox.channels().find(code)
                    .orElseThrow(() -> TripayException.refused("Payment method " + code + " not found")));
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        channels.forEach(c -> data.add(TripayJson.feeCalculation(c, value)));
        return TripayJson.success("", data.build());
    }

    /**
     * @param body the request, JSON or {@code application/x-www-form-urlencoded}
     * @param contentType its content type
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return {@code {success: true, message: "", data: <transaction>}}
     */
    @POST
    @Path("transaction/create")
    public JsonObject create(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @Context UriInfo uriInfo) {
        Transaction t = sandbox().create(TripayJson.parseCreate(body, contentType));
        return TripayJson.success("", TripayJson.transaction(t, urls(uriInfo), false));
    }

    /**
     * @param reference the Tripay reference
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return {@code {success: true, message: "", data: <transaction with paid_at>}}
     */
    @GET
    @Path("transaction/detail")
    public JsonObject detail(@QueryParam("reference") String reference, @Context UriInfo uriInfo) {
        return TripayJson.success("", TripayJson.transaction(find(reference), urls(uriInfo), true));
    }

    /**
     * {@code GET merchant/transactions}: the merchant's transactions, filtered and paginated ({@link TransactionList}).
     *
     * @param reference only this Tripay reference (optional)
     * @param merchantRef only this merchant reference (optional)
     * @param method only this channel (optional)
     * @param status only this status (optional)
     * @param sort {@code asc} or {@code desc} (default) by creation time
     * @param page the page, from 1 (default 1)
     * @param perPage the page size, 1 to 50 (default 25)
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return {@code {success: true, message: "Success", data: [transaction...], pagination: {...}}}
     */
    @GET
    @Path("merchant/transactions")
    public JsonObject transactions(@QueryParam("reference") String reference,
                                   @QueryParam("merchant_ref") String merchantRef, @QueryParam("method") String method,
                                   @QueryParam("status") String status, @QueryParam("sort") String sort,
                                   @QueryParam("page") String page, @QueryParam("per_page") String perPage,
                                   @Context UriInfo uriInfo) {
        TransactionList.Page result = TransactionList.page(sandbox().transactions(),
                new TransactionList.Query(reference, merchantRef, method, status, sort, page, perPage));
        return TripayJson.transactionList(result, urls(uriInfo));
    }

    /**
     * @param reference the Tripay reference
     * @return {@code {success: true, message: "Status transaksi saat ini <STATUS>"}}
     */
    @GET
    @Path("transaction/check-status")
    public JsonObject checkStatus(@QueryParam("reference") String reference) {
        return TripayJson.success("Status transaksi saat ini " + find(reference).status().name());
    }

    private Transaction find(String reference) {
        if (reference == null || reference.isBlank()) {
            throw TripayException.refused("The reference field is required.");
        }
        return sandbox().find(reference).orElseThrow(() -> TripayException.refused("Transaction not found"));
    }

    private TripaySandbox sandbox() {
        return service.sandbox();
    }

    private static TripayUrls urls(UriInfo uriInfo) {
        return new TripayUrls(uriInfo.getBaseUri().toString());
    }
}
