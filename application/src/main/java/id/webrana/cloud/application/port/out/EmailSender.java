package id.webrana.cloud.application.port.out;

import java.util.Objects;

/**
 * Delivers one email now (SMTP, or the local mailbox when no SMTP server is configured).
 *
 * @see DeliveryException for how a failure is classified
 */
public interface EmailSender {

    void send(EmailMessage message) throws DeliveryException;

    /** An email with an HTML body and its plain-text alternative. */
    record EmailMessage(String to, String subject, String htmlBody, String textBody) {
        public EmailMessage {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(textBody, "textBody");
        }
    }
}
