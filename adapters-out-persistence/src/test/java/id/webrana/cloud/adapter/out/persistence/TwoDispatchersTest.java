package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.application.notification.TemplateCatalog;
import id.webrana.cloud.application.port.out.EmailSender;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.TelegramBot;
import id.webrana.cloud.application.service.NotificationDispatcher;
import id.webrana.cloud.application.service.NotificationSettings;
import id.webrana.cloud.domain.account.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two {@link NotificationDispatcher}s (two servers) on the real repositories and one PostgreSQL outbox: every
 * message is sent exactly once, whoever claims it.
 */
class TwoDispatchersTest extends PostgresTest {

    private static final int EMAILS = 200;
    private static final int IN_APP = 20;

    /** An SMTP server that counts what it is asked to send, per recipient (one recipient per dedupe key here). */
    private static final class CountingEmailSender implements EmailSender {
        final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

        @Override
        public void send(EmailMessage message) {
            sends.computeIfAbsent(message.to(), k -> new AtomicInteger()).incrementAndGet();
            Thread.yield(); // let the other dispatcher run in between
        }
    }

    /** No bot configured (nothing here goes to Telegram). */
    private static final class NoTelegram implements TelegramBot {
        @Override
        public boolean isConfigured() {
            return false;
        }

        @Override
        public String username() {
            return null;
        }

        @Override
        public void sendMessage(String chatId, String htmlText) {
            throw new AssertionError("no Telegram message expected");
        }

        @Override
        public List<Update> updates(long offset, int timeoutSeconds) {
            return List.of();
        }
    }

    private NotificationDispatcher dispatcher(EmailSender email) {
        return new NotificationDispatcher(db.outbox, db.templates, db.preferences, db.users, db.inApp, db.mailbox,
                email, new NoTelegram(), db.tx, Clock.systemUTC(), NotificationSettings.defaults());
    }

    @Test
    @Timeout(120)
    void two_dispatchers_running_at_once_send_every_message_exactly_once() throws Exception {
        OutboxNotifier notifier = new OutboxNotifier();
        List<User> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(Fixtures.newUser("bell-" + i));
        }
        db.inTx(() -> {
            customers.forEach(db.users::save);
            for (int i = 0; i < EMAILS; i++) {
                notifier.notify(Notification.email(TemplateCatalog.ADMIN_MESSAGE, "customer-" + i + "@example.com",
                        Map.of("name", "Pelanggan " + i, "subject", "Pesan " + i, "message", "Isi pesan " + i),
                        "admin-message:" + i + ":EMAIL"));
            }
            for (int i = 0; i < IN_APP; i++) {
                notifier.notify(new Notification(TemplateCatalog.ADMIN_MESSAGE, "IN_APP",
                        customers.get(i % customers.size()).id().toString(), "id",
                        Map.of("name", "Pelanggan", "subject", "Pesan " + i, "message", "Isi pesan " + i),
                        "admin-message:" + i + ":IN_APP"));
            }
        });
        CountingEmailSender smtp = new CountingEmailSender();
        List<NotificationDispatcher> dispatchers = List.of(dispatcher(smtp), dispatcher(smtp));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService servers = Executors.newFixedThreadPool(2);
        List<AtomicInteger> claimedBy = List.of(new AtomicInteger(), new AtomicInteger());
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                NotificationDispatcher dispatcher = dispatchers.get(d);
                AtomicInteger claimed = claimedBy.get(d);
                running.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    int n;
                    while ((n = dispatcher.dispatchDue(10)) > 0) {
                        claimed.addAndGet(n);
                    }
                }, servers));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(100, TimeUnit.SECONDS);
        } finally {
            servers.shutdownNow();
        }

        assertThat(smtp.sends).hasSize(EMAILS);
        assertThat(smtp.sends).allSatisfy((to, count) -> assertThat(count.get()).as(to).isEqualTo(1));
        assertThat(claimedBy.get(0).get() + claimedBy.get(1).get()).as("claims in all").isEqualTo(EMAILS + IN_APP);
        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT' AND attempts = 1"
                + " AND claim_token IS NULL AND lease_until IS NULL")).isEqualTo(EMAILS + IN_APP);
        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox")).isEqualTo(EMAILS + IN_APP);
        assertThat(db.count("SELECT COUNT(*) FROM in_app_notifications")).isEqualTo(IN_APP);
        assertThat(db.count("SELECT COUNT(DISTINCT title) FROM in_app_notifications")).isEqualTo(IN_APP);
        assertThat(dispatchers.get(0).dispatchDue(10)).as("nothing is due any more").isZero();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other dispatcher never started", e);
        }
    }
}
