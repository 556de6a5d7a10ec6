package id.webrana.cloud.adapter.in.rest;

import static id.webrana.cloud.adapter.in.rest.QueryParams.blankToNull;
import static id.webrana.cloud.adapter.in.rest.QueryParams.instant;

import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.EventView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.HistoryView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.MailSummaryView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.MailView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.PreviewRequest;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.PreviewView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.ResendView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.SendRequest;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.SendView;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.TemplateUpdateRequest;
import id.webrana.cloud.adapter.in.rest.dto.NotificationViews.TemplateView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PageView;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.TemplateCatalog.EventDefinition;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.PreviewCommand;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.SendMessageCommand;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.UpdateTemplateCommand;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operators' notifications: the template editor with preview, the notification history with resend, the local
 * mailbox and ad-hoc messages to a customer. Access is checked by {@link InternalAccessFilter}.
 */
@Path("/internal/notifications")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: notifications", description = "Operators only: the templates of every event, channel and "
        + "language (`{{variable}}` placeholders, only the event's own variables), their preview, the notification "
        + "history (one row per event, channel and recipient, with attempts and errors) and resending, the local "
        + "mailbox (messages kept instead of sent while SMTP or Telegram is not configured) and messages to a "
        + "customer. Send `X-API-Key` or an administrator's bearer token.")
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.API_KEY_SCHEME))
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.BEARER_SCHEME))
public class InternalNotificationResource {

    @Inject NotificationAdminUseCase admin;
    @Context HttpServletRequest request;

    // ------------------------------------------------------------------------------------------ templates

    @GET
    @Path("/events")
    @Operation(summary = "Every event with its variables and channels (what a template may use)")
    public List<EventView> events() {
        return admin.events().stream().map(EventView::of).toList();
    }

    @GET
    @Path("/templates")
    @Operation(summary = "Every template",
            description = "One per event, channel and language (`id`, `en`), in the catalog's event order; each "
                    + "with the variables its event declares. Optional filters: `event`, `channel`, `language`.")
    public List<TemplateView> templates(@QueryParam("event") String event, @QueryParam("channel") String channel,
                                        @QueryParam("language") String language) {
        String e = blankToNull(event, true);
        String c = blankToNull(channel, true);
        String l = blankToNull(language, false);
        Map<String, EventDefinition> events = eventsByName();
        return admin.templates().stream()
                .filter(t -> e == null || e.equals(t.event()))
                .filter(t -> c == null || c.equals(t.channel()))
                .filter(t -> l == null || l.equalsIgnoreCase(t.language()))
                .map(t -> TemplateView.of(t, events)).toList();
    }

    @GET
    @Path("/templates/{id}")
    @Operation(summary = "One template")
    @APIResponse(responseCode = "404", description = "`TEMPLATE_NOT_FOUND` (also for a malformed id)")
    public TemplateView template(@Parameter(description = "Template id") @PathParam("id") String id) {
        return TemplateView.of(find(id), eventsByName());
    }

    @PUT
    @Path("/templates/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a template",
            description = "Replaces `subject` (one line; may be empty on TELEGRAM) and `body`; the next message "
                    + "uses the new text. Placeholders are `{{name}}` with only the event's variables; anything else "
                    + "is refused with a message naming it. With `version` (the one loaded), a concurrent edit is "
                    + "refused instead of overwritten.")
    @APIResponse(responseCode = "200", description = "The saved template, `version` raised")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: an unknown variable, a malformed "
            + "placeholder, an empty subject or body, too long; or `MALFORMED_JSON`")
    @APIResponse(responseCode = "404", description = "`TEMPLATE_NOT_FOUND`")
    @APIResponse(responseCode = "409", description = "`CONCURRENT_MODIFICATION`: `version` is not the stored one")
    public TemplateView updateTemplate(@Parameter(description = "Template id") @PathParam("id") String id,
                                       TemplateUpdateRequest body) {
        Ids.require(body);
        UUID templateId = Ids.parse(id, ErrorCode.TEMPLATE_NOT_FOUND, "Template id");
        NotificationTemplate saved = admin.updateTemplate(new UpdateTemplateCommand(templateId, body.subject(),
                        body.body(), body.version(), InternalAccessFilter.actorOf(request)))
                .orElseThrow(() -> notFound(id));
        return TemplateView.of(saved, eventsByName());
    }

    @POST
    @Path("/templates/{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render a template with sample or given values",
            description = "Renders `subject`/`body` (the editor's unsaved texts; left out: the stored ones) after "
                    + "the same validation as an edit, with the event's sample values overridden by `variables`. "
                    + "Nothing is saved or sent. No body: the stored template with the samples.")
    @APIResponse(responseCode = "200", description = "Subject, plain text, email HTML and Telegram HTML")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: as for an edit")
    @APIResponse(responseCode = "404", description = "`TEMPLATE_NOT_FOUND`")
    public PreviewView preview(@Parameter(description = "Template id") @PathParam("id") String id,
                               PreviewRequest body) {
        NotificationTemplate t = find(id);
        PreviewRequest b = body == null ? new PreviewRequest(null, null, null) : body;
        return PreviewView.of(admin.preview(new PreviewCommand(t.event(), t.channel(), t.language(),
                b.subject() != null ? b.subject() : t.subject(), b.body() != null ? b.body() : t.body(),
                b.variables())));
    }

    // ------------------------------------------------------------------------------------------ history

    @GET
    @Path("/history")
    @Operation(summary = "The notification history, newest first",
            description = "One row per event, channel and recipient with its delivery record. Filters, combined: "
                    + "`status` (PENDING, IN_PROGRESS, SENT, SKIPPED, FAILED), `channel` (EMAIL, TELEGRAM, IN_APP, "
                    + "OPERATOR), `event` (e.g. ORDER_CREATED), `recipient` (part of the address, user id or chat "
                    + "id), `from`/`to` (ISO-8601 UTC, on the creation time); paged. One-time tokens are redacted.")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: unknown status or channel, a time that is "
            + "not ISO-8601, page/size out of range")
    public PageView<HistoryView> history(@QueryParam("status") String status, @QueryParam("channel") String channel,
                                         @QueryParam("event") String event,
                                         @QueryParam("recipient") String recipient,
                                         @Parameter(description = "Created at or after (ISO-8601 UTC)")
                                         @QueryParam("from") String from,
                                         @Parameter(description = "Created before (ISO-8601 UTC)")
                                         @QueryParam("to") String to,
                                         @QueryParam("page") @DefaultValue("0") int page,
                                         @QueryParam("size") @DefaultValue("20") int size) {
        String c = blankToNull(channel, true);
        var filter = new OutboxHistoryFilter(blankToNull(event, true),
                c == null ? null : NotificationChannel.parse(c).name(), parseStatus(status),
                blankToNull(recipient, false), instant(from, "from"), instant(to, "to"));
        return PageView.of(admin.history(filter, new PageRequest(page, size)), HistoryView::of);
    }

    @POST
    @Path("/history/{id}/resend")
    @Operation(summary = "Send a notification again",
            description = "Queues the row again (a failed one, or a sent one the customer lost); it goes out with "
                    + "the next dispatch, rendered with the current template. The operator is logged.")
    @APIResponse(responseCode = "202", description = "Queued again (PENDING)")
    @APIResponse(responseCode = "404", description = "`NOTIFICATION_NOT_FOUND`: no such row, or it is being sent "
            + "right now")
    public Response resend(@Parameter(description = "History row id") @PathParam("id") String id) {
        UUID rowId = Ids.parse(id, ErrorCode.NOTIFICATION_NOT_FOUND, "Notification id");
        if (!admin.resend(rowId, InternalAccessFilter.actorOf(request))) {
            throw new DomainException(ErrorCode.NOTIFICATION_NOT_FOUND,
                    "Notification " + id + " not found, or it is being sent right now");
        }
        return Response.accepted(new ResendView(rowId, OutboxMessage.Status.PENDING.name())).build();
    }

    // ------------------------------------------------------------------------------------------ local mailbox

    @GET
    @Path("/mailbox")
    @Operation(summary = "The local mailbox, newest first",
            description = "Messages kept instead of sent while a channel has no credentials (the embedded "
                    + "default): EMAIL, TELEGRAM and OPERATOR alerts. `to`: part of the recipient "
                    + "(case-insensitive); paged.")
    public PageView<MailSummaryView> mailbox(@Parameter(description = "Part of the recipient", example = "budi@")
                                             @QueryParam("to") String to,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(admin.mailbox(blankToNull(to, false), new PageRequest(page, size)), MailSummaryView::of);
    }

    @GET
    @Path("/mailbox/{id}")
    @Operation(summary = "One message of the local mailbox with its text and HTML versions")
    @APIResponse(responseCode = "404", description = "`NOTIFICATION_NOT_FOUND` (also for a malformed id)")
    public MailView mail(@Parameter(description = "Message id") @PathParam("id") String id) {
        UUID mailId = Ids.parse(id, ErrorCode.NOTIFICATION_NOT_FOUND, "Message id");
        MailView mail = admin.mail(mailId).map(MailView::of)
                .orElseThrow(() -> new DomainException(ErrorCode.NOTIFICATION_NOT_FOUND,
                        "Message " + id + " not found"));
        if (InternalAccessFilter.actorOf(request).type() == Actor.Type.API_KEY) {
            // an integration key must not be a way to read other people's sign-in links (password reset takeover);
            // administrators signed in as themselves see the whole message
            return new MailView(mail.id(), mail.channel(), mail.to(), mail.subject(), redactTokens(mail.textBody()),
                    redactTokens(mail.htmlBody()), mail.receivedAt());
        }
        return mail;
    }

    // ------------------------------------------------------------------------------------------ ad-hoc

    @POST
    @Path("/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a customer a message",
            description = "Queues an operator's message to `userId` on `channel` EMAIL, TELEGRAM (only to a linked "
                    + "chat) or IN_APP, framed by the ADMIN_MESSAGE template in the customer's language. `subject` "
                    + "is one line (may be empty on TELEGRAM), `message` 1..4000 characters.")
    @APIResponse(responseCode = "202", description = "Queued; `dedupeKey` finds it in the history")
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`: another channel, an empty message or "
            + "subject, TELEGRAM without a linked chat, malformed userId; or `MALFORMED_JSON`")
    @APIResponse(responseCode = "404", description = "`USER_NOT_FOUND`")
    public Response send(SendRequest body) {
        Ids.require(body);
        UUID userId = Ids.parse(body.userId(), ErrorCode.VALIDATION_ERROR, "userId");
        String key = admin.send(new SendMessageCommand(userId, NotificationChannel.parse(body.channel()),
                body.subject(), body.message(), InternalAccessFilter.actorOf(request)));
        return Response.accepted(new SendView(key, OutboxMessage.Status.PENDING.name())).build();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private NotificationTemplate find(String id) {
        return admin.template(Ids.parse(id, ErrorCode.TEMPLATE_NOT_FOUND, "Template id"))
                .orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(String id) {
        return new DomainException(ErrorCode.TEMPLATE_NOT_FOUND, "Template " + id + " not found");
    }

    private Map<String, EventDefinition> eventsByName() {
        Map<String, EventDefinition> byName = new LinkedHashMap<>();
        admin.events().forEach(d -> byName.put(d.event(), d));
        return byName;
    }

    /** The caller {@link InternalAccessFilter} recorded (a servlet request attribute on Liberty). */
    private static final java.util.regex.Pattern TOKEN_PARAMETER =
            java.util.regex.Pattern.compile("(?i)(token=)[^\\s\"'&<>]+");

    static String redactTokens(String text) {
        return text == null ? null : TOKEN_PARAMETER.matcher(text).replaceAll("$1[redacted]");
    }


    private static OutboxMessage.Status parseStatus(String value) {
        String v = blankToNull(value, true);
        if (v == null) {
            return null;
        }
        try {
            return OutboxMessage.Status.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Unknown status: " + value
                    + "; one of PENDING, IN_PROGRESS, SENT, SKIPPED, FAILED");
        }
    }


}
