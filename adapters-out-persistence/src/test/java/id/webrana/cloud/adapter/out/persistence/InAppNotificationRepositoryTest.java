package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The portal bell on PostgreSQL ({@link JpaInAppNotificationRepository}). */
class InAppNotificationRepositoryTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    private User siti;
    private User budi;

    @BeforeEach
    void twoCustomers() {
        siti = Fixtures.newUser("siti");
        budi = Fixtures.newUser("budi");
        db.inTx(() -> {
            db.users.save(siti);
            db.users.save(budi);
        });
    }

    private InAppNotification message(User to, String key, Instant at) {
        return InAppNotification.create(to.id(), "VPS_ACTIVE", "VPS " + key + " aktif", "Server " + key + " aktif.",
                key, at);
    }

    private boolean add(InAppNotification n) {
        return db.inTx(() -> db.inApp.add(n));
    }

    private Page<InAppNotification> page(User u, int page, int size) {
        return db.inTx(() -> db.inApp.findByUser(u.id(), new PageRequest(page, size)));
    }

    @Test
    void a_users_messages_read_back_newest_first_page_by_page_without_other_users_messages() {
        InAppNotification first = message(siti, "a", T0);
        InAppNotification second = message(siti, "b", T0.plusSeconds(60));
        InAppNotification third = message(siti, "c", T0.plusSeconds(120));
        assertThat(add(first)).isTrue();
        assertThat(add(third)).isTrue();
        assertThat(add(second)).isTrue();
        add(message(budi, "d", T0.plusSeconds(30)));

        assertThat(page(siti, 0, 10).items()).containsExactly(third, second, first);
        Page<InAppNotification> last = page(siti, 1, 2);
        assertThat(last.items()).containsExactly(first);
        assertThat(last.total()).isEqualTo(3);
        assertThat(page(budi, 0, 10).items()).extracting(InAppNotification::dedupeKey).containsExactly("d");
        assertThat(db.inTx(() -> db.inApp.countUnread(siti.id()))).isEqualTo(3);
    }

    @Test
    void a_message_with_a_known_dedupe_key_is_not_added_again() {
        InAppNotification original = message(siti, "outbox:1", T0);
        add(original);

        boolean again = add(InAppNotification.create(siti.id(), "VPS_ACTIVE", "other", "other", "outbox:1",
                T0.plusSeconds(5)));

        assertThat(again).isFalse();
        assertThat(page(siti, 0, 10).items()).containsExactly(original);
    }

    @Test
    @Timeout(30)
    void of_two_transactions_adding_one_dedupe_key_at_once_exactly_one_adds_and_neither_fails() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                InAppNotification n = message(siti, "same", T0.plusSeconds(i));
                Callable<Boolean> add = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return add(n);
                };
                adds.add(pool.submit(add));
            }

            List<Boolean> results = List.of(adds.get(0).get(20, TimeUnit.SECONDS), adds.get(1).get(20, TimeUnit.SECONDS));

            assertThat(results).containsExactlyInAnyOrder(true, false);
            assertThat(page(siti, 0, 10).total()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_message_is_added_in_the_transaction_that_stores_its_user() {
        User newcomer = Fixtures.newUser("newcomer");

        db.inTx(() -> {
            db.users.save(newcomer);
            db.inApp.add(message(newcomer, "welcome", T0));
        });

        assertThat(db.inTx(() -> db.inApp.countUnread(newcomer.id()))).isEqualTo(1);
    }

    @Test
    void marking_read_counts_only_the_owners_message_and_keeps_the_first_read_time() {
        InAppNotification mine = message(siti, "mine", T0);
        InAppNotification other = message(siti, "other", T0);
        InAppNotification budis = message(budi, "budis", T0);
        add(mine);
        add(other);
        add(budis);

        assertThat(db.inTx(() -> db.inApp.markRead(siti.id(), mine.id(), T0.plusSeconds(10)))).isTrue();
        assertThat(db.inTx(() -> db.inApp.markRead(siti.id(), mine.id(), T0.plusSeconds(20)))).as("already read")
                .isTrue();
        assertThat(db.inTx(() -> db.inApp.markRead(siti.id(), budis.id(), T0))).as("not hers").isFalse();
        assertThat(db.inTx(() -> db.inApp.markRead(siti.id(), UUID.randomUUID(), T0))).isFalse();

        assertThat(page(siti, 0, 10).items()).filteredOn(n -> n.id().equals(mine.id())).singleElement()
                .extracting(InAppNotification::readAt).isEqualTo(T0.plusSeconds(10));
        assertThat(db.inTx(() -> db.inApp.countUnread(siti.id()))).isEqualTo(1);
        assertThat(db.inTx(() -> db.inApp.countUnread(budi.id()))).isEqualTo(1);
    }

    @Test
    void marking_all_read_changes_only_the_users_unread_messages_and_is_seen_in_the_same_transaction() {
        add(message(siti, "a", T0));
        add(message(siti, "b", T0.plusSeconds(1)));
        InAppNotification read = message(siti, "c", T0.plusSeconds(2));
        add(read);
        db.inTx(() -> db.inApp.markRead(siti.id(), read.id(), T0.plusSeconds(3)));
        add(message(budi, "d", T0));

        List<InAppNotification> after = db.inTx(() -> {
            db.inApp.findByUser(siti.id(), new PageRequest(0, 10)); // loaded before the update
            assertThat(db.inApp.markAllRead(siti.id(), T0.plus(Duration.ofMinutes(1)))).isEqualTo(2);
            return db.inApp.findByUser(siti.id(), new PageRequest(0, 10)).items();
        });

        assertThat(after).allSatisfy(n -> assertThat(n.readAt()).isNotNull());
        assertThat(after).filteredOn(n -> n.id().equals(read.id())).singleElement()
                .extracting(InAppNotification::readAt).isEqualTo(T0.plusSeconds(3));
        assertThat(db.inTx(() -> db.inApp.markAllRead(siti.id(), T0.plus(Duration.ofMinutes(2))))).isZero();
        assertThat(db.inTx(() -> db.inApp.countUnread(siti.id()))).isZero();
        assertThat(db.inTx(() -> db.inApp.countUnread(budi.id()))).isEqualTo(1);
    }
}
