package id.webrana.cloud.application.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message kept in the local mailbox instead of being sent, because the channel has no credentials (the
 * embedded default): admins read it in the UI like a development mail catcher.
 *
 * @param id         its id
 * @param channel    EMAIL, TELEGRAM or OPERATOR: the channel it would have gone out on
 * @param to         the email address, user or {@code operators} it was meant for
 * @param subject    the subject (email) or heading
 * @param textBody   the plain-text version
 * @param htmlBody   the HTML version (email: a complete document; Telegram: the HTML-mode text), or null
 * @param receivedAt when it was stored
 */
public record LocalMail(UUID id, String channel, String to, String subject, String textBody, String htmlBody,
                        Instant receivedAt) {
    public LocalMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static LocalMail create(String channel, String to, String subject, String textBody, String htmlBody,
                                   Instant now) {
        return new LocalMail(UUID.randomUUID(), channel, to, subject, textBody, htmlBody, now);
    }
}
