package id.webrana.cloud.sandbox.tripay.web;

import id.webrana.cloud.sandbox.tripay.CallbackDelivery;
import id.webrana.cloud.sandbox.tripay.Transaction;
import id.webrana.cloud.sandbox.tripay.TransactionStatus;
import id.webrana.cloud.sandbox.tripay.TripayException;
import id.webrana.cloud.sandbox.tripay.TripayJson;
import id.webrana.cloud.sandbox.tripay.TripaySandbox;
import id.webrana.cloud.sandbox.tripay.TripayUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Duration;

/**
 * The Tripay simulator's control API for tests, {@code /tripay/_control/...} (JSON, camelCase, no key needed, never
 * faulted; errors as {@code {"success":false,"message":...}} with 400/404/409):
 * <ul>
 *   <li>{@code GET config} / {@code PUT config} (partial) — {@code latencyMillis, errorRate, callbackRetrySeconds,
 *       dropCallbacks, defaultCallbackUrl, inactiveChannels};</li>
 *   <li>{@code POST reset} — drop all transactions and callbacks and every fault, 204;</li>
 *   <li>{@code GET transactions} — {@code {transactions: [<detail data>...], total}};</li>
 *   <li>{@code GET transactions/{reference}} — {@code {transaction, callbacks: [delivery log...]}};</li>
 *   <li>{@code POST transactions/{reference}/pay|expire|fail} — as the checkout buttons, answers like
 *       {@code GET transactions/{reference}}; 409 when the transaction is no longer UNPAID;</li>
 *   <li>{@code POST transactions/{reference}/resend-callback} — 202 with the new delivery: the latest callback again,
 *       byte for byte, even if it was delivered;</li>
 *   <li>{@code GET clock}, {@code POST clock/advance {"seconds": n}} — move the simulation clock (expires what is due).</li>
 * </ul>
 */
@Path(TripayPaths.ROOT + "/_control")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class TripayControlResource {

    private TripayService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public TripayControlResource() {
    }

    /** @param service the simulator holder */
    @Inject
    public TripayControlResource(TripayService service) {
        this.service = service;
    }

    /** @return the settings in force */
    @GET
    @Path("config")
    public JsonObject config() {
        return TripayJson.settings(sandbox().settings());
    }

    /**
     * @param body a (partial) config object
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return the settings now in force
     */
    @PUT
    @Path("config")
    public JsonObject updateConfig(String body) {
        return TripayJson.settings(sandbox().updateSettings(
                current -> TripayJson.mergeSettings(current, body, sandbox().channels())));
    }

    /** @return 204 after forgetting every transaction, callback, fault and the clock offset */
    @POST
    @Path("reset")
    public Response reset() {
        sandbox().reset();
        return Response.noContent().build();
    }

    /** @return every transaction, oldest first */
    @GET
    @Path("transactions")
    public JsonObject transactions(@Context UriInfo uriInfo) {
        return TripayJson.controlTransactions(sandbox().transactions(), urls(uriInfo));
    }

    /**
     * @param reference a reference
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return the transaction and its callback deliveries
     */
    @GET
    @Path("transactions/{reference}")
    public JsonObject transaction(@PathParam("reference") String reference, @Context UriInfo uriInfo) {
        Transaction t = sandbox().find(reference)
                .orElseThrow(() -> TripayException.notFound("Transaction " + reference + " not found"));
        return TripayJson.controlTransaction(t, urls(uriInfo), sandbox().deliveries(reference));
    }

    /**
     * @param reference a reference
     * @param action {@code pay}, {@code expire} or {@code fail}
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return the transaction in its new status and its callback deliveries
     */
    @POST
    @Path("transactions/{reference}/{action: pay|expire|fail}")
    public JsonObject settle(@PathParam("reference") String reference, @PathParam("action") String action,
                             @Context UriInfo uriInfo) {
        TransactionStatus status = switch (action) {
            case "pay" -> TransactionStatus.PAID;
            case "expire" -> TransactionStatus.EXPIRED;
            default -> TransactionStatus.FAILED;
        };
        Transaction t = sandbox().settle(reference, status);
        return TripayJson.controlTransaction(t, urls(uriInfo), sandbox().deliveries(reference));
    }

    /**
     * @param reference a reference
     * @return 202 with the new delivery
     */
    @POST
    @Path("transactions/{reference}/resend-callback")
    public Response resendCallback(@PathParam("reference") String reference) {
        CallbackDelivery delivery = sandbox().resendCallback(reference);
        return Response.accepted(TripayJson.delivery(delivery)).build();
    }

    /** @return {@code {now, offsetSeconds}} of the simulation clock */
    @GET
    @Path("clock")
    public JsonObject clock() {
        return TripayJson.clock(sandbox().clock());
    }

    /**
     * @param body {@code {"seconds": n}}
     * @return {@code {now, offsetSeconds}} after moving the clock forward and expiring what is due
     */
    @POST
    @Path("clock/advance")
    public JsonObject advance(String body) {
        JsonValue seconds;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            seconds = reader.readObject().get("seconds");
        } catch (RuntimeException e) {
            seconds = null;
        }
        if (!(seconds instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
            throw TripayException.badRequest("Send {\"seconds\": n} with a whole number n >= 0.");
        }
        sandbox().advanceClock(Duration.ofSeconds(n.longValue()));
        return TripayJson.clock(sandbox().clock());
    }

    private TripaySandbox sandbox() {
        return service.sandbox();
    }

    private static TripayUrls urls(UriInfo uriInfo) {
        return new TripayUrls(uriInfo.getBaseUri().toString());
    }
}
