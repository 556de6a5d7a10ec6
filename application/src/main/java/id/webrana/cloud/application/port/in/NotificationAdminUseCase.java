package id.webrana.cloud.application.port.in;

import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.RenderedMessage;
import id.webrana.cloud.application.notification.TemplateCatalog.EventDefinition;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Operators' side of notifications ({@code /internal/notifications/...} and the admin UI): the template editor
 * with preview, the notification history with resend, the local mailbox, and ad-hoc messages to a customer.
 */
public interface NotificationAdminUseCase {

    /** Every event with its variables and channels (what the editor offers). */
    List<EventDefinition> events();

    /** Every template: the stored ones, plus the catalog's defaults for any not stored. */
    List<NotificationTemplate> templates();

    Optional<NotificationTemplate> template(UUID id);

    /**
     * Replaces a template's subject and body. Refused with VALIDATION_ERROR when the text is malformed or uses a
     * variable the event does not declare (the message names it), with CONCURRENT_MODIFICATION when
     * {@code expectedVersion} is given and is not the stored one. The next message uses the new text.
     *
     * @return the saved template, or empty when there is no template with that id
     */
    Optional<NotificationTemplate> updateTemplate(UpdateTemplateCommand command);

    /**
     * Renders texts (typically the editor's unsaved ones) after the same validation as an update, with the
     * event's sample variables overridden by {@code variables}.
     */
    RenderedMessage preview(PreviewCommand command);

    /** The notification history (outbox rows), newest first. */
    Page<OutboxMessage> history(OutboxHistoryFilter filter, PageRequest page);

    /**
     * Queues a row again (a failed one, or a sent one the customer lost).
     *
     * @return false when there is no such row or it is being sent right now
     */
    boolean resend(UUID outboxId, Actor actor);

    /** Messages kept in the local mailbox, newest first, optionally only for a recipient. */
    Page<LocalMail> mailbox(String recipientContains, PageRequest page);

    Optional<LocalMail> mail(UUID id);

    /**
     * Queues an operator's message to a customer on EMAIL, TELEGRAM or IN_APP (event {@code ADMIN_MESSAGE},
     * rendered in the customer's language). Refused with USER_NOT_FOUND for an unknown user and VALIDATION_ERROR
     * for another channel, an empty message, or TELEGRAM for a customer without a linked chat.
     *
     * @return the outbox dedupe key of the queued message
     */
    String send(SendMessageCommand command);

    /** @param expectedVersion the version the editor loaded, or null to overwrite whatever is stored */
    record UpdateTemplateCommand(UUID id, String subject, String body, Long expectedVersion, Actor actor) {
    }

    /** @param variables values to use instead of the samples; may be null */
    record PreviewCommand(String event, String channel, String language, String subject, String body,
                          Map<String, String> variables) {
    }

    record SendMessageCommand(UUID userId, NotificationChannel channel, String subject, String message,
                              Actor actor) {
    }
}
