package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationPreferences;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Notification preferences, linked Telegram chats and one-time link codes on PostgreSQL. */
class NotificationPreferencesRepositoryTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
    private static final String CODE = "a".repeat(64);

    private User siti;
    private User budi;
    private ExecutorService pool;

    @BeforeEach
    void twoCustomers() {
        siti = Fixtures.newUser("siti");
        budi = Fixtures.newUser("budi");
        db.inTx(() -> {
            db.users.save(siti);
            db.users.save(budi);
        });
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private Optional<NotificationPreferences> find(User u) {
        return db.inTx(() -> db.preferences.find(u.id()));
    }

    @Test
    void a_user_who_never_chose_anything_has_no_row() {
        assertThat(find(siti)).isEmpty();
    }

    @Test
    void choices_are_stored_changed_and_read_back_including_no_optional_channel_at_all() {
        db.inTx(() -> db.preferences.saveChoices(siti.id(), "EN", Set.of(NotificationChannel.TELEGRAM), T0));

        assertThat(find(siti)).contains(new NotificationPreferences(siti.id(), "en",
                Set.of(NotificationChannel.TELEGRAM), null, null));

        db.inTx(() -> db.preferences.saveChoices(siti.id(), "id", Set.of(), T0.plusSeconds(1)));

        assertThat(find(siti)).contains(new NotificationPreferences(siti.id(), "id", Set.of(), null, null));
        assertThat(find(budi)).isEmpty();
    }

    @Test
    void choices_outside_the_rules_are_refused() {
        assertThatThrownBy(() -> db.inTx(() -> db.preferences.saveChoices(siti.id(), "fr", Set.of(), T0)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        assertThatThrownBy(() -> db.inTx(() -> db.preferences.saveChoices(siti.id(), "id",
                Set.of(NotificationChannel.IN_APP), T0))).isInstanceOf(DomainException.class);
        assertThat(find(siti)).isEmpty();
    }

    @Test
    void linking_a_chat_keeps_the_choices_and_saving_choices_keeps_the_chat() {
        db.inTx(() -> db.preferences.linkTelegram(siti.id(), "1001", T0));

        assertThat(find(siti)).as("a new row has the default choices").contains(new NotificationPreferences(
                siti.id(), "id", NotificationPreferences.OPTIONAL_CHANNELS, "1001", T0));

        db.inTx(() -> db.preferences.saveChoices(siti.id(), "en", Set.of(NotificationChannel.EMAIL), T0.plusSeconds(1)));
        assertThat(find(siti)).contains(new NotificationPreferences(siti.id(), "en", Set.of(NotificationChannel.EMAIL),
                "1001", T0));

        db.inTx(() -> db.preferences.linkTelegram(siti.id(), "1002", T0.plusSeconds(2)));
        assertThat(find(siti)).contains(new NotificationPreferences(siti.id(), "en", Set.of(NotificationChannel.EMAIL),
                "1002", T0.plusSeconds(2)));
    }

    @Test
    void linking_a_chat_takes_it_away_from_the_user_who_had_it() {
        db.inTx(() -> db.preferences.saveChoices(siti.id(), "en", Set.of(NotificationChannel.EMAIL), T0));
        db.inTx(() -> db.preferences.linkTelegram(siti.id(), "2002", T0));

        db.inTx(() -> db.preferences.linkTelegram(budi.id(), "2002", T0.plusSeconds(5)));

        assertThat(find(budi)).get().extracting(NotificationPreferences::telegramChatId).isEqualTo("2002");
        assertThat(find(siti)).as("her choices stay, the chat is gone").contains(new NotificationPreferences(
                siti.id(), "en", Set.of(NotificationChannel.EMAIL), null, null));
    }

    @Test
    void unlinking_removes_the_chat_only_while_it_is_still_the_one_the_decision_was_about() {
        db.inTx(() -> db.preferences.linkTelegram(siti.id(), "3003", T0));

        assertThat(db.inTx(() -> db.preferences.unlinkTelegram(siti.id(), "9999"))).as("an old chat").isFalse();
        assertThat(find(siti).orElseThrow().telegramChatId()).isEqualTo("3003");
        assertThat(db.inTx(() -> db.preferences.unlinkTelegram(siti.id(), "3003"))).isTrue();
        assertThat(find(siti).orElseThrow().telegramLinked()).isFalse();
        assertThat(db.inTx(() -> db.preferences.unlinkTelegram(siti.id(), null))).as("nothing left").isFalse();

        db.inTx(() -> db.preferences.linkTelegram(siti.id(), "3004", T0));
        assertThat(db.inTx(() -> db.preferences.unlinkTelegram(siti.id(), null))).as("whatever it is").isTrue();
        assertThat(db.inTx(() -> db.preferences.unlinkTelegram(budi.id(), null))).as("no row").isFalse();
    }

    @Test
    void a_link_code_gives_its_user_once_and_never_when_expired_or_unknown() {
        db.inTx(() -> {
            db.preferences.addTelegramLinkCode(siti.id(), CODE, T0.plusSeconds(900));
            db.preferences.addTelegramLinkCode(budi.id(), "b".repeat(64), T0.plusSeconds(900));
        });

        assertThat(db.inTx(() -> db.preferences.consumeTelegramLinkCode(CODE, T0))).contains(siti.id());
        assertThat(db.inTx(() -> db.preferences.consumeTelegramLinkCode(CODE, T0))).as("used").isEmpty();
        assertThat(db.inTx(() -> db.preferences.consumeTelegramLinkCode("b".repeat(64), T0.plusSeconds(900))))
                .as("expired").isEmpty();
        assertThat(db.inTx(() -> db.preferences.consumeTelegramLinkCode("c".repeat(64), T0))).isEmpty();
        assertThat(db.inTx(() -> db.preferences.consumeTelegramLinkCode("b".repeat(64), T0.plusSeconds(899))))
                .as("still valid a moment before").contains(budi.id());
    }

    @Test
    @Timeout(60)
    void of_eight_threads_using_one_link_code_at_once_exactly_one_succeeds() throws Exception {
        db.inTx(() -> db.preferences.addTelegramLinkCode(siti.id(), CODE, T0.plus(Duration.ofMinutes(15))));
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<Optional<UUID>>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return db.inTx(() -> db.preferences.consumeTelegramLinkCode(CODE, T0));
            }));
        }

        List<Optional<UUID>> results = new ArrayList<>();
        for (Future<Optional<UUID>> a : attempts) {
            results.add(a.get(30, TimeUnit.SECONDS));
        }

        assertThat(results).filteredOn(Optional::isPresent).singleElement().isEqualTo(Optional.of(siti.id()));
        assertThat(results).filteredOn(Optional::isEmpty).hasSize(7);
        assertThat(db.count("SELECT COUNT(*) FROM telegram_link_codes WHERE used_at IS NOT NULL")).isEqualTo(1);
    }
}
