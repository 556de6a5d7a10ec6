package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.OutboxMessage.Status;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's delivery side ({@link JpaNotificationOutbox}) on PostgreSQL: claims with {@code FOR UPDATE SKIP
 * LOCKED} and leases, outcomes fenced by the claim token, the history search and the operator's resend.
 */
class NotificationOutboxTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(T0);
    private OutboxNotifier notifier;
    private JpaNotificationOutbox outbox;
    private ExecutorService pool;

    @BeforeEach
    void anOutboxAndTwoDispatcherThreads() {
        notifier = new OutboxNotifier(clock);
        outbox = db.outbox;
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /** Enqueues an email to {@code to} with {@code key}, created at the clock's time; returns the row's id. */
    private UUID enqueue(String key, String to) {
        db.inTx(() -> notifier.notify(Notification.email("PAYMENT_CONFIRMED", to, Map.of("name", "Siti"), key)));
        return UUID.fromString(db.scalar("SELECT id FROM notification_outbox WHERE dedupe_key = ?", key).toString());
    }

    private UUID enqueue(String key) {
        return enqueue(key, "siti@example.com");
    }

    private List<OutboxMessage> claim(Instant now, int limit) {
        return db.inTx(() -> outbox.claimDue(now, now.plus(LEASE), limit));
    }

    private OutboxMessage row(UUID id) {
        return db.inTx(() -> outbox.findById(id)).orElseThrow();
    }

    @Test
    void an_enqueued_notification_reads_back_as_a_pending_message_due_at_once() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("name", "Siti \"Ayu\" \\ O'Neil");
        vars.put("note", "line1\nline2\ttab ✅");
        db.inTx(() -> notifier.notify(new Notification("VPS_ACTIVE", "TELEGRAM", "user-1", "en", vars, "k-1")));

        OutboxMessage m = db.inTx(() -> outbox.search(OutboxHistoryFilter.all(), new PageRequest(0, 10)))
                .items().get(0);

        assertThat(m.event()).isEqualTo("VPS_ACTIVE");
        assertThat(m.channel()).isEqualTo("TELEGRAM");
        assertThat(m.recipient()).isEqualTo("user-1");
        assertThat(m.locale()).isEqualTo("en");
        assertThat(m.variables()).isEqualTo(vars);
        assertThat(m.dedupeKey()).isEqualTo("k-1");
        assertThat(m.status()).isEqualTo(Status.PENDING);
        assertThat(m.attempts()).isZero();
        assertThat(m.createdAt()).isEqualTo(T0);
        assertThat(m.nextAttemptAt()).as("null: due at once").isNull();
        assertThat(m.leaseUntil()).isNull();
        assertThat(m.claimToken()).isNull();
        assertThat(m.lastAttemptAt()).isNull();
        assertThat(m.sentAt()).isNull();
        assertThat(m.lastError()).isNull();
        assertThat(db.inTx(() -> outbox.findById(m.id()))).contains(m);
        assertThat(db.inTx(() -> outbox.findById(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void a_notification_without_a_locale_is_stored_in_bahasa_indonesia() {
        db.inTx(() -> notifier.notify(new Notification("ADMIN_MESSAGE", "EMAIL", "a@example.com", null, Map.of(),
                "no-locale")));

        assertThat(db.scalar("SELECT locale FROM notification_outbox WHERE dedupe_key = 'no-locale'")).isEqualTo("id");
    }

    @Test
    void a_fanned_out_dedupe_key_of_250_characters_fits_and_is_still_unique() {
        String key = "x".repeat(241) + ":TELEGRAM";
        assertThat(key).hasSize(250);

        enqueue(key);
        enqueue(key, "other@example.com");

        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = ?", key)).isEqualTo(1);
    }

    @Nested
    class Claiming {

        @Test
        void claims_due_rows_oldest_first_each_with_the_lease_a_token_of_its_own_and_one_more_attempt() {
            UUID first = enqueue("a");
            clock.advance(Duration.ofSeconds(10));
            UUID second = enqueue("b");
            clock.advance(Duration.ofSeconds(10));
            UUID third = enqueue("c");
            Instant now = clock.instant();

            List<OutboxMessage> claimed = claim(now, 10);

            assertThat(claimed).extracting(OutboxMessage::id).containsExactly(first, second, third);
            assertThat(claimed).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(Status.IN_PROGRESS);
                assertThat(m.leaseUntil()).isEqualTo(now.plus(LEASE));
                assertThat(m.attempts()).isEqualTo(1);
                assertThat(m.lastAttemptAt()).isEqualTo(now);
                assertThat(m.claimToken()).isNotNull();
                assertThat(m.variables()).containsEntry("name", "Siti");
                assertThat(row(m.id())).isEqualTo(m);
            });
            assertThat(claimed).extracting(OutboxMessage::claimToken).doesNotHaveDuplicates();
        }

        @Test
        void the_limit_caps_a_claim_and_the_rest_stays_pending() {
            UUID first = enqueue("a");
            clock.advance(Duration.ofSeconds(1));
            UUID second = enqueue("b");
            clock.advance(Duration.ofSeconds(1));
            enqueue("c");

            assertThat(claim(clock.instant(), 0)).isEmpty();
            assertThat(claim(clock.instant(), 2)).extracting(OutboxMessage::id).containsExactly(first, second);
            assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING'")).isEqualTo(1);
        }

        @Test
        void a_row_enqueued_after_now_is_not_due_yet() {
            enqueue("later");

            assertThat(claim(T0.minusMillis(1), 10)).isEmpty();
            assertThat(claim(T0, 10)).hasSize(1);
        }

        @Test
        void a_row_retried_for_later_is_not_due_before_its_next_attempt() {
            UUID id = enqueue("retry");
            OutboxMessage first = claim(T0, 10).get(0);
            Instant next = T0.plusSeconds(60);

            assertThat(db.inTx(() -> outbox.markRetry(id, first.claimToken(), next, "TRANSIENT: timeout"))).isTrue();

            OutboxMessage pending = row(id);
            assertThat(pending.status()).isEqualTo(Status.PENDING);
            assertThat(pending.nextAttemptAt()).isEqualTo(next);
            assertThat(pending.lastError()).isEqualTo("TRANSIENT: timeout");
            assertThat(pending.leaseUntil()).isNull();
            assertThat(pending.claimToken()).isNull();
            assertThat(pending.attempts()).isEqualTo(1);
            assertThat(claim(next.minusMillis(1), 10)).isEmpty();
            assertThat(claim(next, 10)).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo(id);
                assertThat(m.attempts()).isEqualTo(2);
                assertThat(m.claimToken()).isNotEqualTo(first.claimToken());
            });
        }

        @Test
        void a_rate_limited_row_waits_like_a_retry_but_gets_back_the_attempt_its_claim_counted() {
            UUID id = enqueue("limited");
            OutboxMessage first = claim(T0, 10).get(0);
            assertThat(first.attempts()).isEqualTo(1);
            Instant next = T0.plusSeconds(35);

            assertThat(db.inTx(() -> outbox.markRateLimited(id, first.claimToken(), next,
                    "RATE_LIMITED: Too Many Requests: retry after 35"))).isTrue();

            OutboxMessage pending = row(id);
            assertThat(pending.status()).isEqualTo(Status.PENDING);
            assertThat(pending.attempts()).as("the claim is given back").isZero();
            assertThat(pending.nextAttemptAt()).isEqualTo(next);
            assertThat(pending.lastError()).isEqualTo("RATE_LIMITED: Too Many Requests: retry after 35");
            assertThat(pending.lastAttemptAt()).as("when it was last claimed").isEqualTo(T0);
            assertThat(pending.leaseUntil()).isNull();
            assertThat(pending.claimToken()).isNull();
            assertThat(pending.sentAt()).isNull();
            assertThat(claim(next.minusMillis(1), 10)).isEmpty();

            // however often it is rate limited, it never gets closer to its last attempt
            for (int i = 0; i < 3; i++) {
                OutboxMessage again = claim(next, 10).get(0);
                assertThat(again.attempts()).isEqualTo(1);
                assertThat(db.inTx(() -> outbox.markRateLimited(id, again.claimToken(), next, "RATE_LIMITED")))
                        .isTrue();
            }
            assertThat(row(id).attempts()).isZero();
            OutboxMessage last = claim(next, 10).get(0);
            assertThat(db.inTx(() -> outbox.markRetry(id, last.claimToken(), next, "TRANSIENT: 502"))).isTrue();
            assertThat(row(id).attempts()).as("a real failure still counts").isEqualTo(1);
        }

        @Test
        void only_the_current_claim_can_give_back_an_attempt() {
            UUID id = enqueue("limited-late");
            OutboxMessage crashed = claim(T0, 10).get(0);
            OutboxMessage current = claim(T0.plus(LEASE), 10).get(0);
            assertThat(current.attempts()).isEqualTo(2);
            Instant late = T0.plus(LEASE).plusSeconds(1);

            assertThat(db.inTx(() -> outbox.markRateLimited(id, crashed.claimToken(), late.plusSeconds(30),
                    "RATE_LIMITED: late"))).as("a lost claim").isFalse();
            assertThat(db.inTx(() -> outbox.markRateLimited(id, null, late, "x"))).isFalse();
            assertThat(db.inTx(() -> outbox.markRateLimited(UUID.randomUUID(), current.claimToken(), late, "x")))
                    .isFalse();
            assertThat(row(id)).as("untouched: still the current claim's, attempts not given back")
                    .isEqualTo(current);

            assertThat(db.inTx(() -> outbox.markSent(id, current.claimToken(), late))).isTrue();
            assertThat(db.inTx(() -> outbox.markRateLimited(id, current.claimToken(), late, "x")))
                    .as("a row no longer IN_PROGRESS").isFalse();
            assertThat(row(id).status()).isEqualTo(Status.SENT);
            assertThat(row(id).attempts()).isEqualTo(2);
        }

        @Test
        void a_claimed_row_is_claimed_again_only_when_its_lease_ran_out_and_the_old_claim_can_no_longer_record() {
            UUID id = enqueue("crash");
            OutboxMessage crashed = claim(T0, 10).get(0);

            assertThat(claim(T0.plus(LEASE).minusMillis(1), 10)).as("the lease still runs").isEmpty();
            OutboxMessage recovered = claim(T0.plus(LEASE), 10).get(0);

            assertThat(recovered.id()).isEqualTo(id);
            assertThat(recovered.claimToken()).isNotEqualTo(crashed.claimToken());
            assertThat(recovered.attempts()).isEqualTo(2);
            assertThat(recovered.leaseUntil()).isEqualTo(T0.plus(LEASE).plus(LEASE));
            UUID old = crashed.claimToken();
            Instant late = T0.plus(LEASE).plusSeconds(1);
            assertThat(db.inTx(() -> outbox.markSent(id, old, late))).isFalse();
            assertThat(db.inTx(() -> outbox.markRetry(id, old, late, "late"))).isFalse();
            assertThat(db.inTx(() -> outbox.markFailed(id, old, late, "late"))).isFalse();
            assertThat(db.inTx(() -> outbox.markSkipped(id, old, late, "late"))).isFalse();
            assertThat(row(id)).as("untouched by the old claim").isEqualTo(recovered);

            assertThat(db.inTx(() -> outbox.markSent(id, recovered.claimToken(), late))).isTrue();
            OutboxMessage sent = row(id);
            assertThat(sent.status()).isEqualTo(Status.SENT);
            assertThat(sent.sentAt()).isEqualTo(late);
            assertThat(sent.leaseUntil()).isNull();
            assertThat(sent.claimToken()).isNull();
            assertThat(sent.lastError()).isNull();
            assertThat(db.inTx(() -> outbox.markSent(id, recovered.claimToken(), late)))
                    .as("a row no longer IN_PROGRESS").isFalse();
        }

        @Test
        void a_mark_with_no_token_or_an_unknown_row_changes_nothing() {
            UUID id = enqueue("pending");

            assertThat(db.inTx(() -> outbox.markSent(id, null, T0))).isFalse();
            assertThat(db.inTx(() -> outbox.markSent(id, UUID.randomUUID(), T0))).as("PENDING, not claimed").isFalse();
            assertThat(db.inTx(() -> outbox.markFailed(UUID.randomUUID(), UUID.randomUUID(), T0, "x"))).isFalse();
            assertThat(row(id).status()).isEqualTo(Status.PENDING);
        }

        @Test
        void failed_and_skipped_record_when_and_why_and_finished_rows_are_never_claimed_again() {
            UUID sent = enqueue("sent");
            UUID failed = enqueue("failed");
            UUID skipped = enqueue("skipped");
            Map<UUID, UUID> tokens = new java.util.HashMap<>();
            claim(T0, 10).forEach(m -> tokens.put(m.id(), m.claimToken()));
            Instant at = T0.plusSeconds(3);

            db.inTx(() -> {
                assertThat(outbox.markSent(sent, tokens.get(sent), at)).isTrue();
                assertThat(outbox.markFailed(failed, tokens.get(failed), at, "PERMANENT: 550 no such user")).isTrue();
                assertThat(outbox.markSkipped(skipped, tokens.get(skipped), at, "no linked Telegram chat")).isTrue();
            });

            assertThat(row(failed)).satisfies(m -> {
                assertThat(m.status()).isEqualTo(Status.FAILED);
                assertThat(m.sentAt()).isEqualTo(at);
                assertThat(m.lastError()).isEqualTo("PERMANENT: 550 no such user");
                assertThat(m.claimToken()).isNull();
                assertThat(m.leaseUntil()).isNull();
            });
            assertThat(row(skipped)).satisfies(m -> {
                assertThat(m.status()).isEqualTo(Status.SKIPPED);
                assertThat(m.sentAt()).isEqualTo(at);
                assertThat(m.lastError()).isEqualTo("no linked Telegram chat");
            });
            assertThat(claim(T0.plus(Duration.ofDays(30)), 10)).isEmpty();
        }

        @Test
        @Timeout(30)
        void two_dispatchers_each_in_their_own_transaction_claim_disjoint_rows() throws Exception {
            for (int i = 0; i < 4; i++) {
                enqueue("row-" + i);
                clock.advance(Duration.ofSeconds(1));
            }
            Instant now = clock.instant();
            CyclicBarrier bothClaimed = new CyclicBarrier(2);
            List<CompletableFuture<List<UUID>>> dispatchers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                dispatchers.add(CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                    List<UUID> mine = outbox.claimDue(now, now.plus(LEASE), 2).stream().map(OutboxMessage::id).toList();
                    await(bothClaimed);
                    return mine;
                }), pool));
            }

            List<UUID> a = dispatchers.get(0).get(20, TimeUnit.SECONDS);
            List<UUID> b = dispatchers.get(1).get(20, TimeUnit.SECONDS);

            assertThat(a).hasSize(2);
            assertThat(b).hasSize(2).doesNotContainAnyElementsOf(a);
        }

        @Test
        @Timeout(30)
        void a_row_being_claimed_by_another_transaction_is_skipped_not_waited_for() throws Exception {
            UUID only = enqueue("only");
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<List<OutboxMessage>> holder = CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                List<OutboxMessage> mine = outbox.claimDue(T0, T0.plus(LEASE), 10);
                claimed.countDown();
                await(release);
                return mine;
            }), pool);
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(CompletableFuture.supplyAsync(() -> claim(T0, 10), pool))
                    .as("SKIP LOCKED: the other dispatcher does not wait").succeedsWithin(Duration.ofSeconds(5))
                    .isEqualTo(List.of());

            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).extracting(OutboxMessage::id).containsExactly(only);
            assertThat(claim(T0, 10)).as("after the claim committed, the lease protects the row").isEmpty();
        }
    }

    @Nested
    class Resend {

        @Test
        void a_finished_row_goes_back_to_pending_due_now_with_no_attempts_and_keeps_its_dedupe_key() {
            UUID id = enqueue("resend");
            OutboxMessage c = claim(T0, 10).get(0);
            db.inTx(() -> outbox.markFailed(id, c.claimToken(), T0.plusSeconds(1), "PERMANENT: refused"));
            Instant now = T0.plusSeconds(100);

            assertThat(db.inTx(() -> outbox.resend(id, now))).isTrue();

            OutboxMessage m = row(id);
            assertThat(m.status()).isEqualTo(Status.PENDING);
            assertThat(m.attempts()).isZero();
            assertThat(m.nextAttemptAt()).isEqualTo(now);
            assertThat(m.sentAt()).isNull();
            assertThat(m.lastError()).isNull();
            assertThat(m.dedupeKey()).isEqualTo("resend");
            assertThat(claim(now, 10)).extracting(OutboxMessage::id).containsExactly(id);
        }

        @Test
        void a_row_whose_lease_still_runs_is_not_reset_but_one_whose_lease_ran_out_is() {
            UUID id = enqueue("in-progress");
            OutboxMessage c = claim(T0, 10).get(0);

            assertThat(db.inTx(() -> outbox.resend(id, T0.plusSeconds(10)))).isFalse();
            assertThat(row(id)).isEqualTo(c);
            assertThat(db.inTx(() -> outbox.resend(id, T0.plus(LEASE)))).isTrue();
            assertThat(row(id).status()).isEqualTo(Status.PENDING);
            assertThat(db.inTx(() -> outbox.markSent(id, c.claimToken(), T0.plus(LEASE))))
                    .as("the old claim is void").isFalse();
            assertThat(db.inTx(() -> outbox.resend(UUID.randomUUID(), T0))).isFalse();
        }
    }

    @Nested
    class History {

        @Test
        void rows_match_every_given_field_newest_first_page_by_page() {
            enqueue("h-1", "Budi@Example.com");
            clock.advance(Duration.ofMinutes(1));
            db.inTx(() -> notifier.notify(new Notification("VPS_ACTIVE", "IN_APP", "7d1c3c1e-0000-0000-0000-000000000001",
                    "id", Map.of(), "h-2")));
            clock.advance(Duration.ofMinutes(1));
            UUID third = enqueue("h-3", "siti_100%@example.com");
            OutboxMessage c = claim(clock.instant(), 1).get(0); // h-1, the oldest
            db.inTx(() -> outbox.markSent(c.id(), c.claimToken(), clock.instant()));
            PageRequest all = new PageRequest(0, 10);

            assertThat(search(OutboxHistoryFilter.all(), all).items()).extracting(OutboxMessage::dedupeKey)
                    .containsExactly("h-3", "h-2", "h-1");
            assertThat(search(new OutboxHistoryFilter("VPS_ACTIVE", null, null, null, null, null), all).items())
                    .extracting(OutboxMessage::dedupeKey).containsExactly("h-2");
            assertThat(search(new OutboxHistoryFilter(null, "EMAIL", null, null, null, null), all).items())
                    .extracting(OutboxMessage::dedupeKey).containsExactly("h-3", "h-1");
            assertThat(search(new OutboxHistoryFilter(null, null, Status.SENT, null, null, null), all).items())
                    .extracting(OutboxMessage::dedupeKey).containsExactly("h-1");
            assertThat(search(new OutboxHistoryFilter(null, null, null, " budi@EXAMPLE ", null, null), all).items())
                    .extracting(OutboxMessage::dedupeKey).containsExactly("h-1");
            assertThat(search(new OutboxHistoryFilter(null, null, null, "_100%", null, null), all).items())
                    .as("LIKE wildcards are literal").extracting(OutboxMessage::id).containsExactly(third);
            assertThat(search(new OutboxHistoryFilter(null, null, null, "budi_", null, null), all).items())
                    .as("'_' is no wildcard").isEmpty();
            assertThat(search(new OutboxHistoryFilter(null, null, null, null, T0.plus(Duration.ofMinutes(1)),
                    T0.plus(Duration.ofMinutes(2))), all).items()).extracting(OutboxMessage::dedupeKey)
                    .containsExactly("h-2");

            Page<OutboxMessage> second = search(OutboxHistoryFilter.all(), new PageRequest(1, 2));
            assertThat(second.items()).extracting(OutboxMessage::dedupeKey).containsExactly("h-1");
            assertThat(second.total()).isEqualTo(3);
            assertThat(second.page()).isEqualTo(1);
            assertThat(second.size()).isEqualTo(2);
        }

        private Page<OutboxMessage> search(OutboxHistoryFilter filter, PageRequest page) {
            return db.inTx(() -> outbox.search(filter, page));
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other dispatcher never got there", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
