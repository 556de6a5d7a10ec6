package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.application.port.in.PaymentCallbackUseCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tripay's payment callback. Not guarded by the API key: it is authenticated by
 * {@code X-Callback-Signature}, an HMAC-SHA256 of the exact body bytes, so the body is read as bytes
 * and never re-serialized before it is verified.
 */
@Path("/internal/billing/webhooks/tripay")
@RequestScoped
@Tag(name = "Billing webhooks", description = "Called by Tripay, not by integrators.")
public class TripayWebhookResource {

    static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject PaymentCallbackUseCase callbacks;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tripay payment status callback",
            description = "Verifies `X-Callback-Signature` (HMAC-SHA256 of the raw body with the merchant's private "
                    + "key) and `X-Callback-Event: payment_status`, then records the payment exactly once. Replies "
                    + "`{\"success\":true}` only after the payment is durably recorded (also for a duplicate "
                    + "delivery, which changes nothing).")
    @APIResponse(responseCode = "200", description = "`{\"success\":true}`")
    @APIResponse(responseCode = "400", description = "`{\"success\":false,\"message\":...}`: wrong event, malformed "
            + "body, unknown reference or an amount that does not match the invoice (operators are alerted)")
    @APIResponse(responseCode = "401", description = "`{\"success\":false,\"message\":\"Invalid signature\"}`")
    public Response callback(byte[] body, @HeaderParam("X-Callback-Signature") String signature,
                             @HeaderParam("X-Callback-Event") String event) {
        if (body != null && body.length > MAX_BODY_BYTES) { // a Tripay callback is a few hundred bytes
            return Response.status(413).type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder()
                    .add("success", false).add("message", "Callback body too large").build().toString()).build();
        }
        var result = callbacks.handleCallback(body, signature, event);
        var json = Json.createObjectBuilder().add("success", result.accepted());
        if (!result.accepted()) {
            json.add("message", result.message());
        }
        int status = result.accepted() ? 200 : "REFUSED_SIGNATURE".equals(result.outcome()) ? 401 : 400;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(json.build().toString()).build();
    }
}
