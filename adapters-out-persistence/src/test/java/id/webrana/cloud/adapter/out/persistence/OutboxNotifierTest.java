package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.application.port.out.Notifier.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The transactional outbox: one row per dedupe key, written only when the caller commits. */
class OutboxNotifierTest extends PostgresTest {

    private static Notification welcome(String key) {
        return Notification.email("ACCOUNT_EMAIL_VERIFICATION", "siti@example.com",
                Map.of("name", "Siti", "token", "abc"), key);
    }

    @Test
    void recordsANotificationAsAPendingRow() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("name", "Siti \"Ayu\"");
        vars.put("link", "http://localhost:9080/app/verify?token=a\\b");
        vars.put("note", "line1\nline2\ttab");
        db.inTx(() -> db.notifier.notify(Notification.email("ACCOUNT_EMAIL_VERIFICATION", "siti@example.com", vars,
                "k-1")));

        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = 'k-1'")).isEqualTo(1);
        assertThat(db.scalar("SELECT template || '|' || channel || '|' || recipient || '|' || locale || '|' || status"
                + " || '|' || attempts FROM notification_outbox WHERE dedupe_key = 'k-1'"))
                .isEqualTo("ACCOUNT_EMAIL_VERIFICATION|EMAIL|siti@example.com|id|PENDING|0");
        assertThat(db.scalar("SELECT variables FROM notification_outbox WHERE dedupe_key = 'k-1'"))
                .isEqualTo("{\"link\":\"http://localhost:9080/app/verify?token=a\\\\b\",\"name\":\"Siti \\\"Ayu\\\"\","
                        + "\"note\":\"line1\\nline2\\ttab\"}");
        assertThat(db.scalar("SELECT variables::json ->> 'name' FROM notification_outbox WHERE dedupe_key = 'k-1'"))
                .as("valid JSON").isEqualTo("Siti \"Ayu\"");
    }

    @Test
    void theSameDedupeKeyTwiceInOneTransactionGivesOneRow() {
        db.inTx(() -> {
            db.notifier.notify(welcome("same-key"));
            db.notifier.notify(welcome("same-key"));
        });

        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = 'same-key'")).isEqualTo(1);
    }

    @Test
    void theSameDedupeKeyInALaterTransactionIsDropped() {
        db.inTx(() -> db.notifier.notify(welcome("again")));
        db.inTx(() -> db.notifier.notify(Notification.email("OTHER_TEMPLATE", "x@example.com", Map.of(), "again")));

        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = 'again'")).isEqualTo(1);
        assertThat(db.scalar("SELECT template FROM notification_outbox WHERE dedupe_key = 'again'"))
                .isEqualTo("ACCOUNT_EMAIL_VERIFICATION");
    }

    @Test
    void differentKeysGiveDifferentRows() {
        db.inTx(() -> {
            db.notifier.notify(welcome("a"));
            db.notifier.notify(welcome("b"));
        });

        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox")).isEqualTo(2);
    }

    @Test
    void nothingIsRecordedWhenTheCallersTransactionRollsBack() {
        assertThatThrownBy(() -> db.inTx(() -> {
            db.notifier.notify(welcome("rolled-back"));
            throw new IllegalStateException("the business change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox")).isZero();
    }

    @Test
    @Timeout(30)
    void two_transactions_enqueuing_one_dedupe_key_at_once_both_commit_and_leave_one_row() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTx(() -> {
                db.notifier.notify(welcome("race"));
                inserted.countDown();
                try {
                    release.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }), pool);
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> db.inTx(() -> db.notifier.notify(
                    Notification.email("OTHER_TEMPLATE", "x@example.com", Map.of(), "race"))), pool);
            TestDatabase.awaitTrue("the second insert waits for the first transaction", Duration.ofSeconds(10),
                    () -> db.sessionsWaitingForLock() > 0);

            release.countDown();

            assertThat(first).succeedsWithin(Duration.ofSeconds(10));
            assertThat(second).as("the producer's transaction does not fail").succeedsWithin(Duration.ofSeconds(10));
            assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = 'race'")).isEqualTo(1);
            assertThat(db.scalar("SELECT template FROM notification_outbox WHERE dedupe_key = 'race'"))
                    .isEqualTo("ACCOUNT_EMAIL_VERIFICATION");
        } finally {
            pool.shutdownNow();
        }
    }
}
