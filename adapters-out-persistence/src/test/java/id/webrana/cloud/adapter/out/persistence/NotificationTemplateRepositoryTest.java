package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.TemplateCatalog;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Templates on PostgreSQL ({@link JpaNotificationTemplateRepository}): lookups, versions, racing edits. */
class NotificationTemplateRepositoryTest extends PostgresTest {

    private static final Instant AT = Instant.parse("2026-11-23T05:00:00Z");

    private static NotificationTemplate vpsActiveEmail() {
        return TemplateCatalog.defaultTemplate(TemplateCatalog.VPS_ACTIVE, "EMAIL", "id").orElseThrow();
    }

    @Test
    void a_template_is_found_by_event_channel_and_language_and_by_id() {
        NotificationTemplate expected = vpsActiveEmail();

        assertThat(db.inTx(() -> db.templates.find(TemplateCatalog.VPS_ACTIVE, "EMAIL", "id"))).contains(expected);
        assertThat(db.inTx(() -> db.templates.findById(expected.id()))).contains(expected);
        assertThat(db.inTx(() -> db.templates.find(TemplateCatalog.VPS_ACTIVE, "OPERATOR", "id"))).isEmpty();
        assertThat(db.inTx(() -> db.templates.find("NO_SUCH_EVENT", "EMAIL", "id"))).isEmpty();
    }

    @Test
    void an_edit_from_the_stored_version_is_stored_at_the_next_version_and_read_back_in_the_same_transaction() {
        NotificationTemplate edited = vpsActiveEmail().edited("Server {{hostname}} siap",
                "Halo {{name}},\n\nserver Anda aktif di {{ipv4}}.", AT, "admin-1");

        NotificationTemplate readBack = db.inTx(() -> {
            db.templates.findById(edited.id()).orElseThrow(); // loaded first, as the service does
            db.templates.save(edited);
            return db.templates.findById(edited.id()).orElseThrow();
        });

        assertThat(readBack.version()).isEqualTo(1);
        assertThat(readBack.subject()).isEqualTo("Server {{hostname}} siap");
        assertThat(readBack.body()).isEqualTo("Halo {{name}},\n\nserver Anda aktif di {{ipv4}}.");
        assertThat(readBack.updatedAt()).isEqualTo(AT);
        assertThat(readBack.updatedBy()).isEqualTo("admin-1");
        assertThat(db.inTx(() -> db.templates.findById(edited.id()))).contains(readBack);
    }

    @Test
    void every_save_raises_the_version_even_with_the_same_texts() {
        NotificationTemplate t = vpsActiveEmail();

        db.inTx(() -> db.templates.save(t.edited(t.subject(), t.body(), AT, "admin-1")));
        db.inTx(() -> db.templates.save(t.atVersion(1).edited(t.subject(), t.body(), AT, "admin-1")));

        assertThat(db.inTx(() -> db.templates.findById(t.id()))).get().extracting(NotificationTemplate::version)
                .isEqualTo(2L);
    }

    @Test
    void an_edit_from_a_stale_version_is_refused_and_changes_nothing() {
        NotificationTemplate original = vpsActiveEmail();
        db.inTx(() -> db.templates.save(original.edited("Pertama {{hostname}}", original.body(), AT, "admin-1")));

        assertThatThrownBy(() -> db.inTx(() -> db.templates.save(
                original.edited("Kedua {{hostname}}", original.body(), AT, "admin-2"))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));

        assertThat(db.inTx(() -> db.templates.findById(original.id()))).get().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("Pertama {{hostname}}");
            assertThat(t.version()).isEqualTo(1);
        });
    }

    @Test
    @Timeout(30)
    void of_two_edits_racing_from_the_same_version_one_is_stored_and_the_other_refused() throws Exception {
        NotificationTemplate original = vpsActiveEmail();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstSaved = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTx(() -> {
                db.templates.save(original.edited("Pertama {{hostname}}", original.body(), AT, "admin-1"));
                firstSaved.countDown();
                awaitQuietly(release);
            }), pool);
            assertThat(firstSaved.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> db.inTx(() -> {
                NotificationTemplate read = db.templates.findById(original.id()).orElseThrow();
                assertThat(read.version()).as("the first edit is not committed yet").isZero();
                db.templates.save(read.edited("Kedua {{hostname}}", read.body(), AT, "admin-2"));
            }), pool);
            TestDatabase.awaitTrue("the second edit waits for the first", Duration.ofSeconds(10),
                    () -> db.sessionsWaitingForLock() > 0);

            release.countDown();

            assertThat(first).succeedsWithin(Duration.ofSeconds(10));
            assertThat(second).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                    .havingRootCause().isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
            assertThat(db.inTx(() -> db.templates.findById(original.id()))).get().satisfies(t -> {
                assertThat(t.subject()).isEqualTo("Pertama {{hostname}}");
                assertThat(t.version()).isEqualTo(1);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_template_not_stored_yet_is_inserted_at_its_version() {
        NotificationTemplate missing = TemplateCatalog.defaultTemplate(TemplateCatalog.ORDER_CREATED, "IN_APP", "en")
                .orElseThrow();
        db.execute("DELETE FROM notification_templates WHERE id = ?", missing.id());
        NotificationTemplate edited = missing.edited("Order {{hostname}}", missing.body(), AT, "admin-1");

        db.inTx(() -> db.templates.save(edited));

        assertThat(db.inTx(() -> db.templates.findById(missing.id()))).contains(edited);
        assertThat(db.inTx(() -> db.templates.find(TemplateCatalog.ORDER_CREATED, "IN_APP", "en"))).contains(edited);
    }

    @Test
    void a_second_template_for_the_same_event_channel_and_language_is_refused() {
        NotificationTemplate t = vpsActiveEmail();
        NotificationTemplate twin = new NotificationTemplate(java.util.UUID.randomUUID(), t.event(), t.channel(),
                t.language(), t.subject(), t.body(), 0, AT, "admin-1");

        assertThatThrownBy(() -> db.inTx(() -> db.templates.save(twin))).isInstanceOf(DomainException.class);
        assertThat(db.inTx(() -> db.templates.findById(twin.id()))).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
