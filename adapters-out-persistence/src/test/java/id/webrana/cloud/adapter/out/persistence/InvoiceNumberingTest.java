package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.InvoiceNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/** {@code nextSequence}: gap-free invoice numbers per month, taken in the caller's transaction. */
class InvoiceNumberingTest extends PostgresTest {

    private static final String JUNE = "2026-06";
    private static final String JULY = "2026-07";

    private long next(String period) {
        return db.inTx(() -> db.invoices.nextSequence(period));
    }

    @Test
    void each_month_counts_from_one_on_its_own() {
        assertThat(next(JUNE)).isEqualTo(1);
        assertThat(next(JUNE)).isEqualTo(2);
        assertThat(next(JULY)).isEqualTo(1);
        assertThat(next(JUNE)).isEqualTo(3);
        assertThat(next(JULY)).isEqualTo(2);
        assertThat(db.count("SELECT last_value FROM invoice_sequences WHERE period = ?", JUNE)).isEqualTo(3);
    }

    @Test
    void a_rolled_back_transaction_gives_its_number_back() {
        assertThat(next(JUNE)).isEqualTo(1);

        assertThatThrownBy(() -> db.inTx(() -> {
            assertThat(db.invoices.nextSequence(JUNE)).isEqualTo(2);
            throw new IllegalStateException("the invoice could not be stored");
        })).hasMessage("the invoice could not be stored");

        assertThat(next(JUNE)).as("2 was never used").isEqualTo(2);
    }

    @Test
    void the_first_number_of_a_month_is_given_back_too_when_its_transaction_rolls_back() {
        assertThatThrownBy(() -> db.inTx(() -> {
            db.invoices.nextSequence(JULY);
            throw new IllegalStateException("rollback");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(next(JULY)).isEqualTo(1);
    }

    @Test
    void several_numbers_in_one_transaction_follow_each_other() {
        List<Long> numbers = db.inTx(() -> List.of(db.invoices.nextSequence(JUNE), db.invoices.nextSequence(JUNE),
                db.invoices.nextSequence(JUNE)));

        assertThat(numbers).containsExactly(1L, 2L, 3L);
    }

    @Test
    @Timeout(30)
    void a_second_caller_in_the_same_month_waits_until_the_first_commits_but_another_month_does_not() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch taken = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                long n = db.invoices.nextSequence(JUNE);
                taken.countDown();
                await(release);
                return n;
            }), pool);
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(CompletableFuture.supplyAsync(() -> next(JULY), pool)).succeedsWithin(Duration.ofSeconds(5))
                    .isEqualTo(1L);
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> next(JUNE), pool);
            TestDatabase.awaitTrue("the second caller waits for the month's counter", Duration.ofSeconds(10),
                    () -> db.sessionsWaitingForLock() >= 1);
            assertThat(second).isNotDone();

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void eight_concurrent_callers_get_one_to_n_without_duplicates_or_gaps() throws Exception {
        int threads = 8;
        int perThread = 10;
        List<Long> numbers = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                callers.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < perThread; i++) {
                        numbers.add(next(JUNE));
                    }
                }, pool));
            }
            CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
    }

    @Test
    @Timeout(60)
    void concurrent_invoices_of_which_some_roll_back_leave_no_gap_in_the_stored_numbers() throws Exception {
        User user = Fixtures.newUser("numbers");
        db.inTx(() -> db.users.save(user));
        int threads = 8;
        int perThread = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                callers.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < perThread; i++) {
                        boolean rollBack = (thread + i) % 3 == 0;
                        try {
                            db.inTx(() -> {
                                String number = InvoiceNumber.format(JUNE, db.invoices.nextSequence(JUNE));
                                db.invoices.save(Fixtures.depositInvoice(user, number, 10_000, T0,
                                        T0.plus(Duration.ofDays(1))));
                                if (rollBack) {
                                    throw new IllegalStateException("rolled back on purpose");
                                }
                            });
                        } catch (IllegalStateException e) {
                            if (!rollBack) {
                                unexpected.add(e);
                            }
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        long committed = db.count("SELECT COUNT(*) FROM invoices");
        assertThat(committed).isEqualTo(threads * perThread - 16); // (thread + i) % 3 == 0 for 16 of the 48
        List<String> expected = LongStream.rangeClosed(1, committed).mapToObj(n -> InvoiceNumber.format(JUNE, n))
                .toList();
        assertThat(db.scalar("SELECT string_agg(number, ',' ORDER BY number) FROM invoices"))
                .isEqualTo(String.join(",", expected));
        assertThat(db.count("SELECT last_value FROM invoice_sequences WHERE period = ?", JUNE)).isEqualTo(committed);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other callers never got there", e);
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
