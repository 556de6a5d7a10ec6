package id.webrana.cloud.adapter.in.rest.dto;

import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.RenderedMessage;
import id.webrana.cloud.application.notification.TemplateCatalog.EventDefinition;
import id.webrana.cloud.application.port.in.NotificationsUseCase.Inbox;
import id.webrana.cloud.application.port.in.NotificationsUseCase.Preferences;
import id.webrana.cloud.application.port.in.NotificationsUseCase.TelegramLink;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON shapes of notifications: the customer's bell, preferences and Telegram link
 * ({@code /api/v1/notifications}), and the operators' templates, history, local mailbox and ad-hoc messages
 * ({@code /internal/notifications}). Times are ISO-8601 UTC; channels are EMAIL, TELEGRAM, IN_APP, OPERATOR.
 */
public final class NotificationViews {

    private NotificationViews() {
    }

    // ------------------------------------------------------------------------------------------ customers

    /** One message in the bell; {@code body} is plain text (escape it when showing it). */
    public record NotificationView(UUID id, String event, String title, String body, boolean read,
                                   Instant createdAt, Instant readAt) {
        public static NotificationView of(InAppNotification n) {
            return new NotificationView(n.id(), n.event(), n.title(), n.body(), n.isRead(), n.createdAt(),
                    n.readAt());
        }
    }

    /** One page of the bell, newest first, with the number of unread messages over all pages. */
    public record InboxView(List<NotificationView> items, int page, int size, long total, long unreadCount) {
        public static InboxView of(Inbox inbox) {
            var p = inbox.notifications();
            return new InboxView(p.items().stream().map(NotificationView::of).toList(), p.page(), p.size(),
                    p.total(), inbox.unread());
        }
    }

    public record UnreadCountView(long unreadCount) {
    }

    /** The answer to read-all: how many messages were unread before, and the unread count now. */
    public record ReadAllView(int marked, long unreadCount) {
    }

    /**
     * @param language          {@code id} (Bahasa Indonesia) or {@code en}
     * @param enabledChannels   the optional channels the customer wants: a subset of EMAIL and TELEGRAM (in-app
     *                          messages always arrive)
     * @param telegramLinked    whether a Telegram chat is linked
     * @param telegramAvailable whether a Telegram bot is configured (otherwise linking is not offered)
     */
    public record PreferencesView(String language, List<String> enabledChannels, boolean telegramLinked,
                                  boolean telegramAvailable) {
        public static PreferencesView of(Preferences p) {
            return new PreferencesView(p.language(), names(p.enabledChannels()), p.telegramLinked(),
                    p.telegramAvailable());
        }
    }

    /**
     * Body of {@code PUT /api/v1/notifications/preferences}; a field left out (null) keeps its current value.
     *
     * @param language        {@code id} or {@code en}
     * @param enabledChannels the optional channels wanted, a subset of EMAIL and TELEGRAM ({@code []}: none)
     */
    public record PreferencesRequest(String language, List<String> enabledChannels) {
    }

    /** The one-time deep link to open in Telegram, and until when it works. */
    public record TelegramLinkView(String deepLink, Instant expiresAt) {
        public static TelegramLinkView of(TelegramLink l) {
            return new TelegramLinkView(l.deepLink(), l.expiresAt());
        }
    }

    // ------------------------------------------------------------------------------------------ operators

    /** An event the platform announces, with the variables its templates may use and its channels. */
    public record EventView(String event, String description, List<String> variables, List<String> channels,
                            boolean essential) {
        public static EventView of(EventDefinition d) {
            return new EventView(d.event(), d.description(), d.variables(), names(d.channels()), d.essential());
        }
    }

    /**
     * A template; {@code variables} are those its event declares (the only ones it may use), {@code version} 0
     * and {@code updatedAt} null for a default never edited.
     */
    public record TemplateView(UUID id, String event, String channel, String language, String subject,
                               String body, List<String> variables, long version, Instant updatedAt,
                               String updatedBy) {
        public static TemplateView of(NotificationTemplate t, Map<String, EventDefinition> events) {
            EventDefinition d = events.get(t.event());
            return new TemplateView(t.id(), t.event(), t.channel(), t.language(), t.subject(), t.body(),
                    d == null ? List.of() : List.copyOf(d.variablesFor(
                            NotificationChannel.valueOf(t.channel()))),
                    t.version(), t.updatedAt(), t.updatedBy());
        }
    }

    /**
     * Body of {@code PUT /internal/notifications/templates/{id}}: the new subject (may be empty on TELEGRAM) and
     * body; {@code version}, when given, must be the version the editor loaded (else 409).
     */
    public record TemplateUpdateRequest(String subject, String body, Long version) {
    }

    /**
     * Body of {@code POST /internal/notifications/templates/{id}/preview}: texts to render instead of the stored
     * ones (null: the stored text) and values to use instead of the event's samples.
     */
    public record PreviewRequest(String subject, String body, Map<String, String> variables) {
    }

    /** A rendered template: plain subject and text, the email's HTML document, and the Telegram HTML text. */
    public record PreviewView(String subject, String text, String html, String telegramHtml) {
        public static PreviewView of(RenderedMessage r) {
            return new PreviewView(r.subject(), r.text(), r.html(), r.telegramHtml());
        }
    }

    /**
     * One row of the notification history (the outbox) with its delivery record. Secret variables (one-time
     * tokens, and the links of account emails that carry them) are shown as {@value #REDACTED}.
     */
    public record HistoryView(UUID id, String event, String channel, String recipient, String locale,
                              Map<String, String> variables, String dedupeKey, String status, int attempts,
                              Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Instant sentAt,
                              String lastError) {
        public static HistoryView of(OutboxMessage m) {
            return new HistoryView(m.id(), m.event(), m.channel(), m.recipient(), m.locale(), redacted(m),
                    m.dedupeKey(), m.status().name(), m.attempts(), m.createdAt(), m.nextAttemptAt(),
                    m.lastAttemptAt(), m.sentAt(), m.lastError());
        }
    }

    /** The answer to a resend: the row is PENDING again and goes out with the next dispatch. */
    public record ResendView(UUID id, String status) {
    }

    /** A message in the local mailbox, without its bodies (list). */
    public record MailSummaryView(UUID id, String channel, String to, String subject, Instant receivedAt) {
        public static MailSummaryView of(LocalMail m) {
            return new MailSummaryView(m.id(), m.channel(), m.to(), m.subject(), m.receivedAt());
        }
    }

    /** A message in the local mailbox with its plain-text and HTML versions. */
    public record MailView(UUID id, String channel, String to, String subject, String textBody, String htmlBody,
                           Instant receivedAt) {
        public static MailView of(LocalMail m) {
            return new MailView(m.id(), m.channel(), m.to(), m.subject(), m.textBody(), m.htmlBody(),
                    m.receivedAt());
        }
    }

    /**
     * Body of {@code POST /internal/notifications/send}: an operator's message to a customer.
     *
     * @param userId  the customer
     * @param channel EMAIL, TELEGRAM (only to a linked chat) or IN_APP
     * @param subject one line (may be empty on TELEGRAM)
     * @param message the text, 1..4000 characters
     */
    public record SendRequest(String userId, String channel, String subject, String message) {
    }

    /** The queued message's outbox dedupe key (find it in the history with it). */
    public record SendView(String dedupeKey, String status) {
    }

    /** What a secret variable shows in the history. */
    public static final String REDACTED = "[redacted]";

    private static Map<String, String> redacted(OutboxMessage m) {
        Map<String, String> vars = new TreeMap<>(m.variables());
        boolean account = m.event().startsWith("ACCOUNT_");
        vars.replaceAll((name, value) -> {
            String n = name.toLowerCase(Locale.ROOT);
            boolean secret = n.contains("token") || n.contains("password") || n.contains("secret")
                    || (account && (n.equals("link") || n.endsWith("link") || n.endsWith("url")));
            return secret ? REDACTED : value;
        });
        return vars;
    }

    private static List<String> names(Collection<NotificationChannel> channels) {
        return channels.stream().sorted().map(Enum::name).toList();
    }
}
