package id.webrana.cloud.adapter.out.notify;

import id.webrana.cloud.adapter.out.notify.TelegramDtos.GetUpdatesRequest;
import id.webrana.cloud.adapter.out.notify.TelegramDtos.SendMessageRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * MicroProfile Rest Client interface for the three Bot API methods the platform uses.
 *
 * <p>Built programmatically by {@link TelegramBotClient} with the base URI {@code <TELEGRAM_API_URL>/bot<token>}
 * (so the secret token is part of every request path) and the default {@code ResponseExceptionMapper} disabled:
 * every method returns the raw {@link Response}, whose JSON body ({@code {"ok": ..., ...}}) the client reads itself.
 * Requests are JSON (JSON-B records of {@link TelegramDtos}).
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TelegramBotApi {

    /** {@code POST sendMessage}: {@code {"ok":true,"result":Message}}. Not idempotent. */
    @POST
    @Path("/sendMessage")
    Response sendMessage(SendMessageRequest request);

    /** {@code POST getUpdates} (long polling): {@code {"ok":true,"result":[Update, ...]}}. */
    @POST
    @Path("/getUpdates")
    Response getUpdates(GetUpdatesRequest request);

    /** {@code GET getMe}: {@code {"ok":true,"result":User}}, the bot itself. */
    @GET
    @Path("/getMe")
    Response getMe();
}
