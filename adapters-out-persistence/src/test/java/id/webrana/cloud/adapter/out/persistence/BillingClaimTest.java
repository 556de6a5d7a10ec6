package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Buyer;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoiceNumber;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.billing.PaymentMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Workers share overdue invoices ({@code claimOverdue}) and unpaid payment attempts to reconcile
 * ({@code claimForCheck}) through {@code FOR UPDATE SKIP LOCKED}, like provisioning tasks.
 */
class BillingClaimTest extends PostgresTest {

    private static final Instant NOW = T0.plus(Duration.ofDays(2));

    private User user;
    private ExecutorService pool;
    private int numbers;

    @BeforeEach
    void aCustomerAndTwoWorkerThreads() {
        user = Fixtures.newUser("claims");
        db.inTx(() -> db.users.save(user));
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private Invoice invoice(InvoicePurpose purpose, Instant dueAt) {
        String number = InvoiceNumber.format("2026-06", ++numbers);
        Invoice invoice = switch (purpose) {
            case DEPOSIT -> Fixtures.depositInvoice(user, number, 50_000, T0, dueAt);
            case ORDER -> Fixtures.orderInvoice(user, number, UUID.randomUUID(), T0, dueAt);
            case RENEWAL -> Invoice.issue(number, user.id(), InvoicePurpose.RENEWAL, UUID.randomUUID(),
                    new Buyer(user.fullName(), user.email().value(), null),
                    List.of(new InvoiceLine("Perpanjangan VPS", 90_000, 1)), 0, T0, dueAt);
        };
        db.inTx(() -> db.invoices.save(invoice));
        return invoice;
    }

    /** Two workers, each in its own transaction, claim at the same time and hold their claims together. */
    private List<List<UUID>> twoWorkersClaimAtOnce(Supplier<List<UUID>> claim) throws Exception {
        CyclicBarrier bothClaimed = new CyclicBarrier(2);
        List<CompletableFuture<List<UUID>>> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                List<UUID> mine = claim.get();
                await(bothClaimed);
                return mine;
            }), pool));
        }
        return List.of(workers.get(0).get(20, TimeUnit.SECONDS), workers.get(1).get(20, TimeUnit.SECONDS));
    }

    @Nested
    class OverdueInvoices {

        private final List<InvoicePurpose> ordersAndDeposits = List.of(InvoicePurpose.ORDER, InvoicePurpose.DEPOSIT);

        private List<UUID> claim(List<InvoicePurpose> purposes, int limit) {
            return db.invoices.claimOverdue(purposes, NOW, limit).stream().map(Invoice::id).toList();
        }

        @Test
        void claims_unpaid_invoices_of_the_purposes_due_by_now_oldest_first() {
            Invoice recent = invoice(InvoicePurpose.ORDER, NOW.minusSeconds(10));
            Invoice oldest = invoice(InvoicePurpose.DEPOSIT, NOW.minusSeconds(600));
            Invoice exactlyNow = invoice(InvoicePurpose.ORDER, NOW);
            invoice(InvoicePurpose.ORDER, NOW.plusSeconds(1));
            invoice(InvoicePurpose.RENEWAL, NOW.minusSeconds(900));
            Invoice paid = invoice(InvoicePurpose.ORDER, NOW.minusSeconds(1000));
            db.inTx(() -> {
                Invoice i = db.invoices.findByIdForUpdate(paid.id()).orElseThrow();
                i.markPaid(new PaymentMethod("MANUAL", "MANUAL", "Manual", "admin"), i.total(), T0);
                db.invoices.save(i);
            });

            assertThat(db.inTx(() -> claim(ordersAndDeposits, 10)))
                    .containsExactly(oldest.id(), recent.id(), exactlyNow.id());
            assertThat(db.inTx(() -> claim(ordersAndDeposits, 2))).containsExactly(oldest.id(), recent.id());
            assertThat(db.inTx(() -> claim(List.of(InvoicePurpose.RENEWAL), 10))).hasSize(1);
            assertThat(db.inTx(() -> claim(List.of(), 10))).isEmpty();
        }

        @Test
        @Timeout(30)
        void two_workers_each_in_their_own_transaction_claim_disjoint_invoices() throws Exception {
            for (int i = 0; i < 4; i++) {
                invoice(InvoicePurpose.ORDER, NOW.minusSeconds(100 - i));
            }

            List<List<UUID>> claims = twoWorkersClaimAtOnce(() -> claim(ordersAndDeposits, 2));

            assertThat(claims.get(0)).hasSize(2);
            assertThat(claims.get(1)).hasSize(2).doesNotContainAnyElementsOf(claims.get(0));
        }

        @Test
        @Timeout(30)
        void a_claimed_invoice_is_skipped_by_the_other_worker_until_the_claim_ends() throws Exception {
            Invoice only = invoice(InvoicePurpose.DEPOSIT, NOW.minusSeconds(5));
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<List<UUID>> holder = CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                List<UUID> mine = claim(ordersAndDeposits, 10);
                claimed.countDown();
                await(release);
                return mine;
            }), pool);
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(CompletableFuture.supplyAsync(() -> db.inTx(() -> claim(ordersAndDeposits, 10)), pool))
                    .as("SKIP LOCKED: the other worker does not wait").succeedsWithin(Duration.ofSeconds(5))
                    .isEqualTo(List.of());

            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).containsExactly(only.id());
            assertThat(db.inTx(() -> claim(ordersAndDeposits, 10))).containsExactly(only.id());
        }
    }

    @Nested
    class AttemptsToReconcile {

        private final Instant createdBefore = NOW.minus(Duration.ofMinutes(1));
        private final Instant checkedBefore = NOW.minus(Duration.ofMinutes(2));

        private PaymentAttempt attempt(Instant createdAt) {
            Invoice invoice = invoice(InvoicePurpose.ORDER, NOW.plus(Duration.ofDays(1)));
            PaymentAttempt attempt = Fixtures.attempt(invoice, 1, createdAt);
            db.inTx(() -> db.paymentAttempts.save(attempt));
            return attempt;
        }

        private void lastChecked(PaymentAttempt attempt, Instant at) {
            db.execute("UPDATE payment_attempts SET last_checked_at = ? WHERE id = ?", Timestamp.from(at), attempt.id());
        }

        private List<UUID> claim(Instant now, int limit) {
            return db.paymentAttempts.claimForCheck(now, createdBefore, checkedBefore, limit).stream()
                    .map(PaymentAttempt::id).toList();
        }

        @Test
        void claims_unpaid_attempts_old_enough_never_checked_first_then_the_longest_unchecked() {
            PaymentAttempt checkedLongAgo = attempt(NOW.minus(Duration.ofHours(2)));
            lastChecked(checkedLongAgo, NOW.minus(Duration.ofMinutes(30)));
            PaymentAttempt checkedLonger = attempt(NOW.minus(Duration.ofHours(1)));
            lastChecked(checkedLonger, NOW.minus(Duration.ofMinutes(40)));
            PaymentAttempt neverChecked = attempt(NOW.minus(Duration.ofMinutes(5)));
            PaymentAttempt checkedRecently = attempt(NOW.minus(Duration.ofHours(3)));
            lastChecked(checkedRecently, NOW.minus(Duration.ofMinutes(1)));
            attempt(NOW.minusSeconds(30)); // too young: its callback may still come
            PaymentAttempt paid = attempt(NOW.minus(Duration.ofHours(4)));
            db.inTx(() -> db.paymentAttempts.save(paid.withStatus("PAID")));

            assertThat(db.inTx(() -> claim(NOW, 10)))
                    .containsExactly(neverChecked.id(), checkedLonger.id(), checkedLongAgo.id());
        }

        @Test
        void a_claim_stamps_the_check_time_so_the_attempt_rests_until_the_next_interval() {
            PaymentAttempt attempt = attempt(NOW.minus(Duration.ofMinutes(10)));

            assertThat(db.inTx(() -> claim(NOW, 10))).containsExactly(attempt.id());

            assertThat(db.scalar("SELECT last_checked_at FROM payment_attempts WHERE id = ?", attempt.id()))
                    .isEqualTo(Timestamp.from(NOW));
            assertThat(db.inTx(() -> claim(NOW, 10))).as("checked just now").isEmpty();
            assertThat(db.inTx(() -> db.paymentAttempts.claimForCheck(NOW.plus(Duration.ofMinutes(3)),
                    NOW.plus(Duration.ofMinutes(2)), NOW.plusSeconds(1), 10))).as("due again an interval later")
                    .extracting(PaymentAttempt::id).containsExactly(attempt.id());
        }

        @Test
        void a_rolled_back_claim_leaves_the_attempt_unchecked() {
            PaymentAttempt attempt = attempt(NOW.minus(Duration.ofMinutes(10)));

            try {
                db.inTx(() -> {
                    claim(NOW, 10);
                    throw new IllegalStateException("the worker died");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }

            assertThat(db.scalar("SELECT last_checked_at FROM payment_attempts WHERE id = ?", attempt.id())).isNull();
            assertThat(db.inTx(() -> claim(NOW, 10))).containsExactly(attempt.id());
        }

        @Test
        void saving_a_claimed_attempt_keeps_its_check_time() {
            PaymentAttempt attempt = attempt(NOW.minus(Duration.ofMinutes(10)));

            db.inTx(() -> {
                PaymentAttempt claimed = db.paymentAttempts.claimForCheck(NOW, createdBefore, checkedBefore, 10).get(0);
                db.paymentAttempts.save(claimed.withStatus("EXPIRED"));
            });

            assertThat(db.scalar("SELECT status FROM payment_attempts WHERE id = ?", attempt.id())).isEqualTo("EXPIRED");
            assertThat(db.scalar("SELECT last_checked_at FROM payment_attempts WHERE id = ?", attempt.id()))
                    .isEqualTo(Timestamp.from(NOW));
        }

        @Test
        @Timeout(30)
        void two_workers_each_in_their_own_transaction_claim_disjoint_attempts() throws Exception {
            Set<UUID> all = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                all.add(attempt(NOW.minus(Duration.ofMinutes(10 + i))).id());
            }

            List<List<UUID>> claims = twoWorkersClaimAtOnce(() -> claim(NOW, 2));

            assertThat(claims.get(0)).hasSize(2);
            assertThat(claims.get(1)).hasSize(2).doesNotContainAnyElementsOf(claims.get(0));
            Set<UUID> union = new HashSet<>(claims.get(0));
            union.addAll(claims.get(1));
            assertThat(union).isEqualTo(all);
        }

        @Test
        @Timeout(30)
        void a_claimed_attempt_is_skipped_by_the_other_worker_while_the_claim_lasts() throws Exception {
            PaymentAttempt only = attempt(NOW.minus(Duration.ofMinutes(10)));
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<List<UUID>> holder = CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                List<UUID> mine = claim(NOW, 10);
                claimed.countDown();
                await(release);
                return mine;
            }), pool);
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(CompletableFuture.supplyAsync(() -> db.inTx(() -> claim(NOW, 10)), pool))
                    .as("SKIP LOCKED: the other worker does not wait").succeedsWithin(Duration.ofSeconds(5))
                    .isEqualTo(List.of());

            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).containsExactly(only.id());
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other worker never got there", e);
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
