package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.application.port.out.Notifier.Notification;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

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
}
