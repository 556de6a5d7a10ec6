package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** The local mailbox on PostgreSQL ({@link JpaLocalMailbox}). */
class LocalMailboxTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    private final LocalMail email = LocalMail.create("EMAIL", "Budi@Example.com", "Pembayaran diterima",
            "Halo Budi,\nterima kasih.", "<html><body><p>Halo Budi</p></body></html>", T0);
    private final LocalMail telegram = LocalMail.create("TELEGRAM", "telegram:12345", "", "✅ Pembayaran diterima",
            null, T0.plusSeconds(60));
    private final LocalMail operators = LocalMail.create("OPERATOR", "operators", "Provisioning gagal: web-01",
            "Pesanan gagal dibuat.", "<p>Pesanan gagal dibuat.</p>", T0.plusSeconds(120));

    private Page<LocalMail> list(String recipientContains, int page, int size) {
        return db.inTx(() -> db.mailbox.list(recipientContains, new PageRequest(page, size)));
    }

    @Test
    void stored_messages_read_back_newest_first_and_by_id() {
        db.inTx(() -> {
            db.mailbox.add(email);
            db.mailbox.add(operators);
            db.mailbox.add(telegram);
        });

        assertThat(list(null, 0, 10).items()).containsExactly(operators, telegram, email);
        assertThat(list("  ", 0, 10).total()).isEqualTo(3);
        Page<LocalMail> second = list(null, 1, 2);
        assertThat(second.items()).containsExactly(email);
        assertThat(second.total()).isEqualTo(3);
        assertThat(db.inTx(() -> db.mailbox.find(telegram.id()))).contains(telegram);
        assertThat(db.inTx(() -> db.mailbox.find(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void the_listing_keeps_messages_whose_recipient_contains_the_text_in_any_case() {
        db.inTx(() -> {
            db.mailbox.add(email);
            db.mailbox.add(telegram);
            db.mailbox.add(operators);
        });

        assertThat(list(" budi@EXAMPLE ", 0, 10).items()).containsExactly(email);
        assertThat(list("TELEGRAM:", 0, 10).items()).containsExactly(telegram);
        assertThat(list("%", 0, 10).items()).as("'%' is no wildcard").isEmpty();
        assertThat(list("nobody", 0, 10).total()).isZero();
    }

    @Test
    void a_message_is_listed_in_the_transaction_that_stored_it() {
        assertThat(db.inTx(() -> {
            db.mailbox.add(email);
            return db.mailbox.list(null, new PageRequest(0, 10)).items();
        })).containsExactly(email);
    }
}
