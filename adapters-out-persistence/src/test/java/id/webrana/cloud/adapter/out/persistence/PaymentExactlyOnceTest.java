package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.billing.Wallet;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.billing.CallbackRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A gateway payment is recorded at most once: unique (gateway, reference), surfacing as DUPLICATE_CODE. */
class PaymentExactlyOnceTest extends PostgresTest {

    private static final Instant PAID_AT = T0.plusSeconds(300);

    private User user;
    private Invoice invoice;

    @BeforeEach
    void anUnpaidInvoice() {
        user = Fixtures.newUser("payer");
        invoice = Fixtures.depositInvoice(user, "INV/2026/06/000001", 100_000, T0, T0.plus(Duration.ofDays(1)));
        db.inTx(() -> {
            db.users.save(user);
            db.invoices.save(invoice);
        });
    }

    private Payment payment(String gateway, String reference) {
        return new Payment(UUID.randomUUID(), gateway, reference, invoice.id(), user.id(), "BRIVA",
                "BRI Virtual Account", Money.rupiah(100_000), Money.rupiah(104_250), PAID_AT, PAID_AT.plusSeconds(1),
                Payment.Outcome.SETTLED_INVOICE);
    }

    @Test
    void a_second_payment_with_the_same_gateway_reference_fails_with_duplicate_code_and_stores_nothing_else() {
        db.inTx(() -> db.payments.insert(payment("TRIPAY", "DEV-T42")));

        assertThatThrownBy(() -> db.inTx(() -> {
            Invoice i = db.invoices.findByIdForUpdate(invoice.id()).orElseThrow();
            i.markPaid(new PaymentMethod("TRIPAY", "BRIVA", "BRI Virtual Account", "DEV-T42"),
                    Money.rupiah(100_000), PAID_AT);
            db.invoices.save(i);
            Wallet w = db.wallets.lockForUpdate(user.id());
            w.credit(Money.rupiah(100_000), WalletEntryType.DEPOSIT, "DEV-T42", "Top-up", Actor.system("test"), PAID_AT);
            db.wallets.save(w);
            db.callbacks.record(new CallbackRecord(UUID.randomUUID(), "TRIPAY", PAID_AT, "DEV-T42", null, "PAID",
                    "SETTLED_INVOICE", null, "{}"));
            db.payments.insert(payment("TRIPAY", "DEV-T42"));
        })).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_CODE));

        assertThat(db.count("SELECT COUNT(*) FROM payments")).isEqualTo(1);
        assertThat(db.inTx(() -> db.invoices.findById(invoice.id())).orElseThrow().status())
                .isEqualTo(InvoiceStatus.UNPAID);
        assertThat(db.count("SELECT COUNT(*) FROM wallets")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM wallet_entries")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM payment_callbacks")).isZero();
    }

    @Test
    void insert_fails_at_once_so_the_caller_does_nothing_after_it() {
        db.inTx(() -> db.payments.insert(payment("TRIPAY", "DEV-T43")));
        List<String> reached = new ArrayList<>();

        assertThatThrownBy(() -> db.inTx(() -> {
            db.payments.insert(payment("TRIPAY", "DEV-T43"));
            reached.add("after insert");
        })).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_CODE));
        assertThat(reached).isEmpty();
    }

    @Test
    void the_same_reference_at_another_gateway_is_another_payment() {
        db.inTx(() -> db.payments.insert(payment("TRIPAY", "REF-1")));
        db.inTx(() -> db.payments.insert(payment("MANUAL", "REF-1")));

        assertThat(db.count("SELECT COUNT(*) FROM payments WHERE reference = 'REF-1'")).isEqualTo(2);
    }

    @Test
    @Timeout(30)
    void two_callbacks_racing_past_the_check_record_the_payment_once() throws Exception {
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<CompletableFuture<String>> callbacks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                callbacks.add(CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                    boolean known = db.payments.findByReference("TRIPAY", "DEV-T44").isPresent();
                    await(bothChecked); // both have seen no payment yet
                    if (known) {
                        return "duplicate";
                    }
                    db.payments.insert(payment("TRIPAY", "DEV-T44"));
                    return "recorded";
                }), pool));
            }
            for (CompletableFuture<String> c : callbacks) {
                try {
                    outcomes.add(c.get(20, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn("recorded"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !"recorded".equals(o)).singleElement()
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_CODE));
        assertThat(db.count("SELECT COUNT(*) FROM payments WHERE reference = 'DEV-T44'")).isEqualTo(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other callback never got there", e);
        }
    }
}
