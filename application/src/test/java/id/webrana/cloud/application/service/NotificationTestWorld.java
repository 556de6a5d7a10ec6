package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.FakeEmailSender;
import id.webrana.cloud.application.fakes.FakeTelegramBot;
import id.webrana.cloud.application.fakes.FakeTransactionRunner;
import id.webrana.cloud.application.fakes.InMemoryInAppNotificationRepository;
import id.webrana.cloud.application.fakes.InMemoryLocalMailbox;
import id.webrana.cloud.application.fakes.InMemoryNotificationOutbox;
import id.webrana.cloud.application.fakes.InMemoryNotificationPreferencesRepository;
import id.webrana.cloud.application.fakes.InMemoryTemplateRepository;
import id.webrana.cloud.application.fakes.InMemoryUserRepository;
import id.webrana.cloud.application.fakes.MutableClock;
import id.webrana.cloud.application.notification.FanOutNotifier;
import id.webrana.cloud.application.port.out.EmailSender;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.provisioning.Backoff;

import java.time.Duration;
import java.time.Instant;

/**
 * The notification feature wired over in-memory fakes: the outbox (both sides), templates seeded with the
 * defaults, preferences, the bell, the local mailbox, a recording SMTP server and Telegram bot, and the
 * {@link FanOutNotifier} producers write through.
 */
final class NotificationTestWorld {

    static final Instant START = Instant.parse("2026-11-23T03:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(clock);
    final InMemoryTemplateRepository templates = new InMemoryTemplateRepository().seedDefaults();
    final InMemoryNotificationPreferencesRepository preferences = new InMemoryNotificationPreferencesRepository();
    final InMemoryInAppNotificationRepository inApp = new InMemoryInAppNotificationRepository();
    final InMemoryLocalMailbox mailbox = new InMemoryLocalMailbox();
    final FakeEmailSender smtp = new FakeEmailSender();
    final FakeTelegramBot telegram;
    final FakeTransactionRunner tx = new FakeTransactionRunner();
    final Notifier notifier;
    NotificationSettings settings = NotificationSettings.defaults()
            .withRetries(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)), 8)
            .withTelegramPollSeconds(0);
    /** What the dispatcher sends email through; the fake SMTP server unless a test swaps it. */
    EmailSender email = smtp;

    NotificationTestWorld() {
        this(FakeTelegramBot.configured("WeBranaBot"));
    }

    NotificationTestWorld(FakeTelegramBot telegram) {
        this.telegram = telegram;
        tx.enlist(users, outbox, templates, preferences, inApp, mailbox);
        notifier = new FanOutNotifier(outbox, users, preferences);
    }

    /**
     * A new dispatcher over the same database (two of them stand for two servers; a dispatcher's only state is the
     * Telegram rate limit it last met, kept in its memory).
     */
    NotificationDispatcher dispatcher() {
        return dispatcher(tx);
    }

    NotificationDispatcher dispatcher(TransactionRunner runner) {
        return new NotificationDispatcher(outbox, templates, preferences, users, inApp, mailbox, email, telegram,
                runner, clock, settings);
    }

    NotificationService service() {
        return new NotificationService(inApp, preferences, templates, outbox, mailbox, users, notifier, telegram, tx,
                clock, settings);
    }

    User customer(String email, String name) {
        User u = User.register(new EmailAddress(email), "hash", name, null, clock.instant());
        tx.inTransaction(() -> users.save(u));
        return u;
    }

    User customerWithTelegram(String email, String name, String chatId) {
        User u = customer(email, name);
        tx.inTransaction(() -> preferences.linkTelegram(u.id(), chatId, clock.instant()));
        return u;
    }

    /** A producer announcing something in its transaction, as the services do. */
    void produce(Notification n) {
        tx.inTransaction(() -> notifier.notify(n));
    }
}
