package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.InboxView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.PreferencesRequest;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.PreferencesView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.ReadAllView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.TelegramLinkView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.UnreadCountView;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.port.in.NotificationsUseCase;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The signed-in customer's notifications: the portal bell, language and channel choices, Telegram linking. */
@Path("/api/v1/notifications")
@RequestScoped
@RolesAllowed({RestApplication.CUSTOMER, RestApplication.RESELLER, RestApplication.ADMIN, RestApplication.SUPER_ADMIN})
@SecurityRequirement(name = RestApplication.BEARER_SCHEME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The portal bell (in-app messages about orders, payments and servers, "
        + "newest first, with the unread count), the language of every message (`id`, Bahasa Indonesia, by default, "
        + "or `en`), the optional channels (EMAIL, TELEGRAM) and linking a Telegram chat through the bot.")
@APIResponse(responseCode = "401", description = ApiExamples.UNAUTHORIZED_EMPTY)
public class NotificationResource {

    @Inject NotificationsUseCase notifications;
    @Inject JsonWebToken jwt;

    @GET
    @Operation(summary = "My in-app messages, newest first, with the unread count",
            description = "Paged (`page` from 0, `size` 1..100); `unreadCount` counts over all pages.")
    @APIResponse(responseCode = "200", description = "One page of the bell")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: page below 0 or size outside 1..100")
    public InboxView list(@Parameter(description = "Zero-based page number", example = "0")
                          @QueryParam("page") @DefaultValue("0") int page,
                          @Parameter(description = "Messages per page, 1..100", example = "20")
                          @QueryParam("size") @DefaultValue("20") int size) {
        return InboxView.of(notifications.inbox(CurrentUser.id(jwt), new PageRequest(page, size)));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my messages are unread (the bell's badge)")
    public UnreadCountView unreadCount() {
        return new UnreadCountView(notifications.unreadCount(CurrentUser.id(jwt)));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one message read", description = "Marking a read message again changes nothing.")
    @APIResponse(responseCode = "200", description = "The unread count after marking")
    @APIResponse(responseCode = "404", description = "`NOTIFICATION_NOT_FOUND`: no such message of mine (also for "
            + "a malformed id or another user's message)")
    public UnreadCountView markRead(@Parameter(description = "Notification id") @PathParam("id") String id) {
        UUID user = CurrentUser.id(jwt);
        UUID notificationId = Ids.parse(id, ErrorCode.NOTIFICATION_NOT_FOUND, "Notification id");
        if (!notifications.markRead(user, notificationId)) {
            throw new DomainException(ErrorCode.NOTIFICATION_NOT_FOUND, "Notification " + id + " not found");
        }
        return new UnreadCountView(notifications.unreadCount(user));
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all my messages read")
    @APIResponse(responseCode = "200", description = "`marked`: how many were unread; `unreadCount`: now 0")
    public ReadAllView markAllRead() {
        UUID user = CurrentUser.id(jwt);
        int marked = notifications.markAllRead(user);
        return new ReadAllView(marked, notifications.unreadCount(user));
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "My language and optional channels",
            description = "Also whether a Telegram chat is linked and whether Telegram is offered at all "
                    + "(`telegramAvailable`: a bot is configured).")
    public PreferencesView preferences() {
        return PreferencesView.of(notifications.preferences(CurrentUser.id(jwt)));
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose my language and optional channels",
            description = "`language` is `id` or `en`; `enabledChannels` lists the optional channels wanted, a "
                    + "subset of EMAIL and TELEGRAM (`[]` turns both off; in-app messages always arrive, and "
                    + "account security emails ignore the choice). A field left out keeps its current value.")
    @APIResponse(responseCode = "200", description = "The preferences now")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: another language, a channel that is not "
            + "EMAIL or TELEGRAM, no body; or `MALFORMED_JSON`")
    public PreferencesView updatePreferences(PreferencesRequest body) {
        Ids.require(body);
        UUID user = CurrentUser.id(jwt);
        NotificationsUseCase.Preferences current = null;
        if (body.language() == null || body.enabledChannels() == null) {
            current = notifications.preferences(user);
        }
        String language = body.language() != null ? body.language() : current.language();
        Set<NotificationChannel> channels = body.enabledChannels() != null ? channels(body.enabledChannels())
                : current.enabledChannels();
        return PreferencesView.of(notifications.updatePreferences(user, language, channels));
    }

    @POST
    @Path("/telegram-link")
    @Operation(summary = "Start linking a Telegram chat",
            description = "Returns a one-time deep link `https://t.me/<bot>?start=<code>`: opening it in Telegram "
                    + "and pressing Start links that chat, and the bot confirms in the chat. The link works once, "
                    + "until `expiresAt`.")
    @APIResponse(responseCode = "200", description = "The deep link and its expiry")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: Telegram notifications are not available "
            + "(no bot is configured)")
    public TelegramLinkView startTelegramLink() {
        return TelegramLinkView.of(notifications.startTelegramLink(CurrentUser.id(jwt)));
    }

    @DELETE
    @Path("/telegram-link")
    @Operation(summary = "Unlink my Telegram chat", description = "Idempotent: 204 also when none was linked.")
    @APIResponse(responseCode = "204", description = "No chat is linked any more")
    public Response unlinkTelegram() {
        notifications.unlinkTelegram(CurrentUser.id(jwt));
        return Response.noContent().build();
    }

    private static Set<NotificationChannel> channels(Iterable<String> names) {
        Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        for (String name : names) {
            channels.add(NotificationChannel.parse(name));
        }
        return channels;
    }
}
