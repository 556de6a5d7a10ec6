package id.webrana.cloud.application.notification;

import id.webrana.cloud.application.port.out.EmailSender;
import id.webrana.cloud.application.port.out.LocalMailbox;
import id.webrana.cloud.application.port.out.TransactionRunner;

import java.time.Clock;
import java.util.Objects;

/**
 * The {@link EmailSender} used when no SMTP server is configured (the embedded default): every email is kept in
 * the {@link LocalMailbox}, where admins read it, instead of being sent. Never fails with a
 * {@code DeliveryException}; a database error surfaces as the RuntimeException it is (the dispatcher retries).
 */
public final class LocalMailboxEmailSender implements EmailSender {

    private final LocalMailbox mailbox;
    private final TransactionRunner tx;
    private final Clock clock;

    public LocalMailboxEmailSender(LocalMailbox mailbox, TransactionRunner tx, Clock clock) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(EmailMessage message) {
        tx.inTransaction(() -> mailbox.add(LocalMail.create(NotificationChannel.EMAIL.name(), message.to(),
                message.subject(), message.textBody(), message.htmlBody(), clock.instant())));
    }
}
