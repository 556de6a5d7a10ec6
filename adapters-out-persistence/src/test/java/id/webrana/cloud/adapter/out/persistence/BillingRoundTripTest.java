package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.domain.billing.CallbackRecord;
import id.webrana.cloud.domain.billing.PaymentSearch;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Buyer;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.billing.Wallet;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The billing repositories store their aggregates and give them back unchanged, on real PostgreSQL. */
class BillingRoundTripTest extends PostgresTest {

    private static final Instant DUE = T0.plus(Duration.ofHours(24));
    private static final PageRequest FIRST_PAGE = new PageRequest(0, 20);

    private User alice;
    private User bob;

    @BeforeEach
    void twoCustomers() {
        alice = Fixtures.newUser("alice");
        bob = Fixtures.newUser("bob");
        db.inTx(() -> {
            db.users.save(alice);
            db.users.save(bob);
        });
    }

    private Invoice stored(Invoice invoice) {
        db.inTx(() -> db.invoices.save(invoice));
        return invoice;
    }

    private Invoice reloaded(Invoice invoice) {
        return db.inTx(() -> db.invoices.findById(invoice.id())).orElseThrow();
    }

    private static void assertSameInvoice(Invoice actual, Invoice expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("version").isEqualTo(expected);
    }

    @Nested
    class Invoices {

        @Test
        void an_issued_invoice_comes_back_with_its_lines_in_order_buyer_tax_and_total() {
            UUID orderId = UUID.randomUUID();
            Invoice invoice = stored(Fixtures.orderInvoice(alice, "INV/2026/06/000001", orderId, T0, DUE));

            Invoice back = reloaded(invoice);

            assertSameInvoice(back, invoice);
            assertThat(back.lines()).extracting(InvoiceLine::description, InvoiceLine::unitPrice)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("VPS Basic 1 GB (1 bulan) — web-1", 90_000L),
                            org.assertj.core.groups.Tuple.tuple("Promo Juni", -5_000L),
                            org.assertj.core.groups.Tuple.tuple("Kupon HEMAT10", -8_500L));
            assertThat(back.subtotal()).isEqualTo(76_500);
            assertThat(back.tax()).isEqualTo(Money.rupiah(8_415));
            assertThat(back.total()).isEqualTo(Money.rupiah(84_915));
            assertThat(back.taxBasisPoints()).isEqualTo(1100);
            assertThat(back.purpose()).isEqualTo(InvoicePurpose.ORDER);
            assertThat(back.subjectId()).isEqualTo(orderId);
            assertThat(back.buyer()).isEqualTo(new Buyer(alice.fullName(), alice.email().value(), alice.phone()));
            assertThat(back.status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(back.issuedAt()).isEqualTo(T0);
            assertThat(back.dueAt()).isEqualTo(DUE);
            assertThat(back.paymentMethod()).isNull();
            assertThat(back.paidAt()).isNull();
            assertThat(db.count("SELECT COUNT(*) FROM invoice_lines WHERE invoice_id = ?", invoice.id())).isEqualTo(3);
        }

        @Test
        void a_top_up_without_subject_or_phone_comes_back_with_nulls() {
            Invoice invoice = stored(Fixtures.depositInvoice(alice, "INV/2026/06/000002", 250_000, T0, DUE));

            Invoice back = reloaded(invoice);

            assertSameInvoice(back, invoice);
            assertThat(back.subjectId()).isNull();
            assertThat(back.buyer().phone()).isNull();
            assertThat(back.tax()).isEqualTo(Money.ZERO);
        }

        @Test
        void paying_stores_the_method_and_time_and_bumps_the_version_without_touching_the_lines() {
            Invoice invoice = stored(Fixtures.orderInvoice(alice, "INV/2026/06/000003", UUID.randomUUID(), T0, DUE));
            long inserted = reloaded(invoice).version();
            PaymentMethod bri = new PaymentMethod("TRIPAY", "BRIVA", "BRI Virtual Account", "DEV-T123");

            db.inTx(() -> {
                Invoice i = db.invoices.findByIdForUpdate(invoice.id()).orElseThrow();
                i.markPaid(bri, Money.rupiah(84_915), T0.plusSeconds(600));
                db.invoices.save(i);
            });

            Invoice back = reloaded(invoice);
            assertThat(back.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(back.paymentMethod()).isEqualTo(bri);
            assertThat(back.paidAt()).isEqualTo(T0.plusSeconds(600));
            assertThat(back.version()).isEqualTo(inserted + 1);
            assertThat(back.lines()).hasSize(3);
            assertThat(db.count("SELECT COUNT(*) FROM invoice_lines WHERE invoice_id = ?", invoice.id())).isEqualTo(3);
        }

        @Test
        void a_reason_is_stored_with_an_expiry() {
            Invoice invoice = stored(Fixtures.depositInvoice(alice, "INV/2026/06/000004", 50_000, T0, DUE));

            db.inTx(() -> {
                Invoice i = db.invoices.findByIdForUpdate(invoice.id()).orElseThrow();
                i.expire("Not paid by its deadline");
                db.invoices.save(i);
            });

            assertThat(reloaded(invoice).status()).isEqualTo(InvoiceStatus.EXPIRED);
            assertThat(reloaded(invoice).statusReason()).isEqualTo("Not paid by its deadline");
        }

        @Test
        void saving_a_stale_copy_is_refused_as_a_concurrent_modification() {
            Invoice invoice = stored(Fixtures.depositInvoice(alice, "INV/2026/06/000005", 50_000, T0, DUE));
            Invoice first = reloaded(invoice);
            Invoice stale = reloaded(invoice);
            first.markPaid(new PaymentMethod("WALLET", "WALLET", "Saldo", "entry-1"), Money.rupiah(50_000), T0);
            db.inTx(() -> db.invoices.save(first));
            stale.expire("late");

            assertThatThrownBy(() -> db.inTx(() -> db.invoices.save(stale)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
            assertThat(reloaded(invoice).status()).isEqualTo(InvoiceStatus.PAID);
        }

        @Test
        void the_database_refuses_a_second_invoice_with_the_same_number() {
            stored(Fixtures.depositInvoice(alice, "INV/2026/06/000006", 50_000, T0, DUE));

            assertThatThrownBy(() -> stored(Fixtures.depositInvoice(bob, "INV/2026/06/000006", 60_000, T0, DUE)))
                    .isInstanceOf(DomainException.class);
            assertThat(db.count("SELECT COUNT(*) FROM invoices")).isEqualTo(1);
        }

        @Test
        void an_unknown_id_finds_nothing() {
            assertThat(db.inTx(() -> db.invoices.findById(UUID.randomUUID()))).isEmpty();
            assertThat(db.inTx(() -> db.invoices.findByIdForUpdate(UUID.randomUUID()))).isEmpty();
        }

        @Test
        void an_order_has_one_invoice_a_second_is_refused_and_its_invoice_is_found_by_the_order() {
            UUID orderId = UUID.randomUUID();
            Invoice first = stored(Fixtures.orderInvoice(alice, "INV/2026/06/000010", orderId, T0, DUE));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> stored(Fixtures.orderInvoice(alice,
                            "INV/2026/06/000011", orderId, T0.plusSeconds(60), DUE)))
                    .isInstanceOf(id.webrana.cloud.domain.shared.DomainException.class);
            stored(Fixtures.orderInvoice(alice, "INV/2026/06/000012", UUID.randomUUID(), T0.plusSeconds(120), DUE));

            assertThat(db.inTx(() -> db.invoices.findLatestFor(InvoicePurpose.ORDER, orderId)))
                    .get().extracting(Invoice::id).isEqualTo(first.id());
            assertThat(db.inTx(() -> db.invoices.findLatestFor(InvoicePurpose.RENEWAL, orderId))).isEmpty();
        }

        @Test
        void a_users_invoices_come_newest_first_page_by_page() {
            for (int i = 1; i <= 5; i++) {
                stored(Fixtures.depositInvoice(alice, "INV/2026/06/00010" + i, 10_000L * i, T0.plusSeconds(i), DUE));
            }
            stored(Fixtures.depositInvoice(bob, "INV/2026/06/000200", 10_000, T0.plusSeconds(9), DUE));

            Page<Invoice> first = db.inTx(() -> db.invoices.findByUser(alice.id(), new PageRequest(0, 2)));
            Page<Invoice> last = db.inTx(() -> db.invoices.findByUser(alice.id(), new PageRequest(2, 2)));

            assertThat(first.total()).isEqualTo(5);
            assertThat(first.items()).extracting(Invoice::number)
                    .containsExactly("INV/2026/06/000105", "INV/2026/06/000104");
            assertThat(last.items()).extracting(Invoice::number).containsExactly("INV/2026/06/000101");
            assertThat(first.items().get(0).lines()).hasSize(1);
        }

        @Test
        void search_filters_by_status_purpose_user_issue_time_and_number_or_email() {
            Invoice order = stored(Fixtures.orderInvoice(alice, "INV/2026/06/000301", UUID.randomUUID(), T0, DUE));
            Invoice deposit = stored(Fixtures.depositInvoice(alice, "INV/2026/06/000302", 50_000,
                    T0.plusSeconds(3600), DUE));
            Invoice bobs = stored(Fixtures.depositInvoice(bob, "INV/2026/07/000001", 50_000,
                    T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(3))));
            db.inTx(() -> {
                Invoice i = db.invoices.findByIdForUpdate(deposit.id()).orElseThrow();
                i.markPaid(new PaymentMethod("MANUAL", "MANUAL", "Manual", "admin-1"), Money.rupiah(50_000), T0);
                db.invoices.save(i);
            });

            assertThat(search(new InvoiceSearch(InvoiceStatus.UNPAID, null, null, null, null, null)))
                    .containsExactly(bobs.number(), order.number());
            assertThat(search(new InvoiceSearch(null, InvoicePurpose.DEPOSIT, null, null, null, null)))
                    .containsExactly(bobs.number(), deposit.number());
            assertThat(search(new InvoiceSearch(null, null, alice.id(), null, null, null)))
                    .containsExactly(deposit.number(), order.number());
            assertThat(search(new InvoiceSearch(null, null, null, T0.plusSeconds(1), T0.plus(Duration.ofDays(1)), null)))
                    .containsExactly(deposit.number());
            assertThat(search(new InvoiceSearch(null, null, null, null, null, "2026/07")))
                    .containsExactly(bobs.number());
            assertThat(search(new InvoiceSearch(null, null, null, null, null, bob.email().value().toUpperCase())))
                    .containsExactly(bobs.number());
            assertThat(search(new InvoiceSearch(null, null, null, null, null, "INV/2026/06/0003%")))
                    .as("% is literal, not a wildcard").isEmpty();
            assertThat(search(new InvoiceSearch(null, null, null, null, null, null))).hasSize(3);
        }

        private List<String> search(InvoiceSearch criteria) {
            return db.inTx(() -> db.invoices.search(criteria, FIRST_PAGE)).items().stream().map(Invoice::number)
                    .toList();
        }

        @Test
        @Timeout(30)
        void find_by_id_for_update_makes_a_second_payer_wait_until_the_first_commits() throws Exception {
            Invoice invoice = stored(Fixtures.depositInvoice(alice, "INV/2026/06/000400", 50_000, T0, DUE));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch locked = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTx(() -> {
                    Invoice i = db.invoices.findByIdForUpdate(invoice.id()).orElseThrow();
                    locked.countDown();
                    awaitQuietly(release);
                    i.markPaid(new PaymentMethod("WALLET", "WALLET", "Saldo", "e-1"), Money.rupiah(50_000), T0);
                    db.invoices.save(i);
                }), pool);
                assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

                CompletableFuture<InvoiceStatus> second = CompletableFuture.supplyAsync(
                        () -> db.inTx(() -> db.invoices.findByIdForUpdate(invoice.id()).orElseThrow().status()), pool);
                TestDatabase.awaitTrue("the second transaction waits for the row lock", Duration.ofSeconds(10),
                        () -> db.sessionsWaitingForLock() >= 1);
                assertThat(second).isNotDone();

                release.countDown();
                first.get(10, TimeUnit.SECONDS);
                assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(InvoiceStatus.PAID);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class PaymentAttempts {

        private Invoice invoice;

        @BeforeEach
        void anInvoice() {
            invoice = stored(Fixtures.orderInvoice(alice, "INV/2026/06/000500", UUID.randomUUID(), T0, DUE));
        }

        @Test
        void an_attempt_comes_back_whole_by_reference_and_by_merchant_ref_with_its_instructions() {
            PaymentAttempt attempt = Fixtures.attempt(invoice, 1, T0);
            db.inTx(() -> db.paymentAttempts.save(attempt));

            PaymentAttempt byReference = db.inTx(() -> db.paymentAttempts.findByReference("TRIPAY",
                    attempt.reference())).orElseThrow();
            PaymentAttempt byMerchantRef = db.inTx(() -> db.paymentAttempts.findByMerchantRef(
                    "INV-2026-06-000500-1")).orElseThrow();

            assertThat(byReference).isEqualTo(attempt);
            assertThat(byMerchantRef).isEqualTo(attempt);
            assertThat(byReference.instructions()).hasSize(2);
            assertThat(byReference.instructions().get(0).steps())
                    .containsExactly("Login ke <b>BRI</b> \"IB\"", "Pilih Pembayaran → BRIVA", "Masukkan 8277087712345678");
            assertThat(byReference.instructions().get(1).steps()).containsExactly("Pilih menu lain\nlalu BRIVA");
            assertThat(db.inTx(() -> db.paymentAttempts.findByReference("OTHER", attempt.reference()))).isEmpty();
            assertThat(db.inTx(() -> db.paymentAttempts.findByMerchantRef("INV-2026-06-000500-9"))).isEmpty();
        }

        @Test
        void a_provisional_attempt_without_fees_or_instructions_is_opened_later() {
            PaymentAttempt provisional = new PaymentAttempt(UUID.randomUUID(), invoice.id(), "TRIPAY",
                    PaymentAttempt.PROVISIONAL_PREFIX + "INV-2026-06-000500-1", "INV-2026-06-000500-1", "QRIS", null,
                    invoice.total(), null, null, null, null, null, null, null, "UNPAID", null, T0, null);
            db.inTx(() -> db.paymentAttempts.save(provisional));
            assertThat(db.inTx(() -> db.paymentAttempts.findByMerchantRef("INV-2026-06-000500-1"))).contains(provisional);

            PaymentAttempt opened = provisional.openedAt("DEV-T999", "QRIS (Customizable)", Money.rupiah(750),
                    Money.rupiah(85_665), null, null, "https://tripay.co.id/checkout/x", "000201010212...",
                    "https://tripay.co.id/qr/x", T0.plus(Duration.ofHours(1)),
                    List.of(new PaymentAttempt.Instruction("QRIS", List.of("Scan"))));
            db.inTx(() -> db.paymentAttempts.save(opened));

            PaymentAttempt back = db.inTx(() -> db.paymentAttempts.findByReference("TRIPAY", "DEV-T999")).orElseThrow();
            assertThat(back).isEqualTo(opened);
            assertThat(back.isOpenedAtGateway()).isTrue();
            assertThat(db.inTx(() -> db.paymentAttempts.findByReference("TRIPAY",
                    PaymentAttempt.PROVISIONAL_PREFIX + "INV-2026-06-000500-1"))).isEmpty();
        }

        @Test
        void saving_again_updates_the_status() {
            PaymentAttempt attempt = Fixtures.attempt(invoice, 1, T0);
            db.inTx(() -> db.paymentAttempts.save(attempt));

            db.inTx(() -> db.paymentAttempts.save(attempt.withStatus("PAID")));

            assertThat(db.inTx(() -> db.paymentAttempts.findByReference("TRIPAY", attempt.reference())))
                    .get().isEqualTo(attempt.withStatus("PAID"));
            assertThat(db.count("SELECT COUNT(*) FROM payment_attempts")).isEqualTo(1);
        }

        @Test
        void an_invoices_attempts_come_newest_first_and_are_counted() {
            PaymentAttempt first = Fixtures.attempt(invoice, 1, T0);
            PaymentAttempt second = Fixtures.attempt(invoice, 2, T0.plusSeconds(30));
            Invoice other = stored(Fixtures.depositInvoice(bob, "INV/2026/06/000501", 50_000, T0, DUE));
            db.inTx(() -> {
                db.paymentAttempts.save(first);
                db.paymentAttempts.save(second);
                db.paymentAttempts.save(Fixtures.attempt(other, 1, T0));
            });

            assertThat(db.inTx(() -> db.paymentAttempts.findByInvoice(invoice.id()))).extracting(PaymentAttempt::id)
                    .containsExactly(second.id(), first.id());
            assertThat(db.inTx(() -> db.paymentAttempts.countByInvoice(invoice.id()))).isEqualTo(2);
            assertThat(db.inTx(() -> db.paymentAttempts.countByInvoice(UUID.randomUUID()))).isZero();
        }

        @Test
        void a_second_attempt_with_the_same_merchant_ref_is_refused() {
            db.inTx(() -> db.paymentAttempts.save(Fixtures.attempt(invoice, 1, T0)));

            assertThatThrownBy(() -> db.inTx(() -> db.paymentAttempts.save(Fixtures.attempt(invoice, 1, T0))))
                    .isInstanceOf(DomainException.class);
            assertThat(db.count("SELECT COUNT(*) FROM payment_attempts")).isEqualTo(1);
        }
    }

    @Nested
    class Payments {

        private Invoice invoice;

        @BeforeEach
        void anInvoice() {
            invoice = stored(Fixtures.orderInvoice(alice, "INV/2026/06/000600", UUID.randomUUID(), T0, DUE));
        }

        private Payment payment(String gateway, String reference, User user, Instant paidAt) {
            return new Payment(UUID.randomUUID(), gateway, reference, invoice.id(), user.id(), "BRIVA",
                    "BRI Virtual Account", Money.rupiah(84_915), Money.rupiah(89_165), paidAt,
                    paidAt == null ? T0.plusSeconds(5) : paidAt.plusSeconds(2), Payment.Outcome.SETTLED_INVOICE);
        }

        @Test
        void a_payment_comes_back_by_reference_and_by_invoice() {
            Payment payment = payment("TRIPAY", "DEV-T1", alice, T0.plusSeconds(60));
            db.inTx(() -> db.payments.insert(payment));

            assertThat(db.inTx(() -> db.payments.findByReference("TRIPAY", "DEV-T1"))).contains(payment);
            assertThat(db.inTx(() -> db.payments.findByReference("WALLET", "DEV-T1"))).isEmpty();
            assertThat(db.inTx(() -> db.payments.findByInvoice(invoice.id()))).containsExactly(payment);
        }

        @Test
        void a_payment_without_fee_or_paid_time_comes_back_with_nulls() {
            Payment credited = new Payment(UUID.randomUUID(), "MANUAL", "admin-ops", invoice.id(), alice.id(), null,
                    null, Money.rupiah(84_915), null, null, T0, Payment.Outcome.CREDITED_TO_WALLET);
            db.inTx(() -> db.payments.insert(credited));

            assertThat(db.inTx(() -> db.payments.findByReference("MANUAL", "admin-ops"))).contains(credited);
        }

        @Test
        void search_filters_by_user_gateway_paid_time_and_reference_newest_first() {
            Payment a1 = payment("TRIPAY", "DEV-TA1", alice, T0.plusSeconds(10));
            Payment a2 = payment("WALLET", "entry-a2", alice, T0.plusSeconds(20));
            Payment b1 = payment("TRIPAY", "DEV-TB1", bob, T0.plus(Duration.ofDays(1)));
            Payment unstamped = payment("TRIPAY", "DEV-TX", bob, null);
            db.inTx(() -> List.of(a1, a2, b1, unstamped).forEach(db.payments::insert));

            assertThat(search(new PaymentSearch(null, null, null, null, null)))
                    .containsExactly(b1.id(), a2.id(), a1.id(), unstamped.id());
            assertThat(search(new PaymentSearch(alice.id(), null, null, null, null))).containsExactly(a2.id(), a1.id());
            assertThat(search(new PaymentSearch(null, "TRIPAY", null, null, null)))
                    .containsExactly(b1.id(), a1.id(), unstamped.id());
            assertThat(search(new PaymentSearch(null, null, T0.plusSeconds(10), T0.plusSeconds(20), null)))
                    .containsExactly(a1.id());
            assertThat(search(new PaymentSearch(null, null, null, null, "dev-tb"))).containsExactly(b1.id());
            assertThat(db.inTx(() -> db.payments.search(new PaymentSearch(null, null, null, null, null),
                    new PageRequest(1, 3)))).satisfies(p -> {
                        assertThat(p.total()).isEqualTo(4);
                        assertThat(p.items()).extracting(Payment::id).containsExactly(unstamped.id());
                    });
        }

        private List<UUID> search(PaymentSearch criteria) {
            return db.inTx(() -> db.payments.search(criteria, FIRST_PAGE)).items().stream().map(Payment::id).toList();
        }
    }

    @Nested
    class Wallets {

        private final Actor system = Actor.system("billing");

        @Test
        void a_never_used_wallet_is_empty_and_is_not_created_by_reading_it() {
            Wallet wallet = db.inTx(() -> db.wallets.find(alice.id()));

            assertThat(wallet.balance()).isEqualTo(Money.ZERO);
            assertThat(db.inTx(() -> db.wallets.ledgerSum(alice.id()))).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM wallets")).isZero();
            assertThat(db.inTx(() -> db.wallets.entries(alice.id(), FIRST_PAGE)).items()).isEmpty();
        }

        @Test
        void credits_and_debits_store_the_balance_and_the_ledger_together() {
            db.inTx(() -> {
                Wallet w = db.wallets.lockForUpdate(alice.id());
                w.credit(Money.rupiah(100_000), WalletEntryType.DEPOSIT, "INV/2026/06/000001", "Isi saldo", system, T0);
                w.credit(Money.rupiah(10_000), WalletEntryType.BONUS, "WELCOME", "Bonus", system, T0);
                db.wallets.save(w);
            });
            db.inTx(() -> {
                Wallet w = db.wallets.lockForUpdate(alice.id());
                w.debit(Money.rupiah(76_500), WalletEntryType.ORDER_PAYMENT, "INV/2026/06/000002", "Order web-1",
                        Fixtures.customer(alice.id()), T0.plusSeconds(60));
                db.wallets.save(w);
            });

            assertThat(db.inTx(() -> db.wallets.find(alice.id())).balance()).isEqualTo(Money.rupiah(33_500));
            assertThat(db.inTx(() -> db.wallets.ledgerSum(alice.id()))).isEqualTo(33_500);
            assertThat(db.inTx(() -> db.wallets.find(bob.id())).balance()).isEqualTo(Money.ZERO);
            Page<WalletEntry> ledger = db.inTx(() -> db.wallets.entries(alice.id(), FIRST_PAGE));
            assertThat(ledger.total()).isEqualTo(3);
            assertThat(ledger.items()).extracting(WalletEntry::type).as("newest first, in the order appended")
                    .containsExactly(WalletEntryType.ORDER_PAYMENT, WalletEntryType.BONUS, WalletEntryType.DEPOSIT);
            WalletEntry payment = ledger.items().get(0);
            assertThat(payment.amount()).isEqualTo(-76_500);
            assertThat(payment.balanceAfter()).isEqualTo(33_500);
            assertThat(payment.reference()).isEqualTo("INV/2026/06/000002");
            assertThat(payment.description()).isEqualTo("Order web-1");
            assertThat(payment.actor()).isEqualTo(Fixtures.customer(alice.id()));
            assertThat(payment.createdAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(payment.userId()).isEqualTo(alice.id());
            assertThat(db.inTx(() -> db.wallets.entries(alice.id(), new PageRequest(1, 2))).items())
                    .extracting(WalletEntry::type).containsExactly(WalletEntryType.DEPOSIT);
        }

        @Test
        void has_entry_finds_an_entry_by_type_and_reference() {
            db.inTx(() -> {
                Wallet w = db.wallets.lockForUpdate(alice.id());
                w.credit(Money.rupiah(5_000), WalletEntryType.REFUND, "DEV-T7", "Refund", system, T0);
                db.wallets.save(w);
            });

            assertThat(db.inTx(() -> db.wallets.hasEntry(alice.id(), WalletEntryType.REFUND, "DEV-T7"))).isTrue();
            assertThat(db.inTx(() -> db.wallets.hasEntry(alice.id(), WalletEntryType.DEPOSIT, "DEV-T7"))).isFalse();
            assertThat(db.inTx(() -> db.wallets.hasEntry(bob.id(), WalletEntryType.REFUND, "DEV-T7"))).isFalse();
        }

        @Test
        void the_same_credit_twice_fails_as_a_duplicate_and_changes_nothing() {
            db.inTx(() -> {
                Wallet w = db.wallets.lockForUpdate(alice.id());
                w.credit(Money.rupiah(5_000), WalletEntryType.DEPOSIT, "DEV-T8", "Top-up", system, T0);
                db.wallets.save(w);
            });

            assertThatThrownBy(() -> db.inTx(() -> {
                Wallet w = db.wallets.lockForUpdate(alice.id());
                w.credit(Money.rupiah(5_000), WalletEntryType.DEPOSIT, "DEV-T8", "Top-up", system, T0);
                db.wallets.save(w);
            })).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_CODE));
            assertThat(db.inTx(() -> db.wallets.find(alice.id())).balance()).isEqualTo(Money.rupiah(5_000));
            assertThat(db.inTx(() -> db.wallets.ledgerSum(alice.id()))).isEqualTo(5_000);
        }

        @Test
        void saving_the_same_wallet_twice_stores_its_entries_once() {
            db.inTx(() -> {
                Wallet w = db.wallets.lockForUpdate(alice.id());
                w.credit(Money.rupiah(5_000), WalletEntryType.DEPOSIT, "DEV-T9", "Top-up", system, T0);
                db.wallets.save(w);
                db.wallets.save(w);
            });

            assertThat(db.inTx(() -> db.wallets.find(alice.id())).balance()).isEqualTo(Money.rupiah(5_000));
            assertThat(db.count("SELECT COUNT(*) FROM wallet_entries")).isEqualTo(1);
        }

        @Test
        void a_wallet_read_without_the_lock_cannot_overwrite_a_movement_made_meanwhile() {
            db.inTx(() -> {
                Wallet w = db.wallets.lockForUpdate(alice.id());
                w.credit(Money.rupiah(10_000), WalletEntryType.DEPOSIT, "D1", "Top-up", system, T0);
                db.wallets.save(w);
            });
            Wallet stale = db.inTx(() -> db.wallets.find(alice.id()));
            db.inTx(() -> {
                Wallet w = db.wallets.lockForUpdate(alice.id());
                w.debit(Money.rupiah(10_000), WalletEntryType.ORDER_PAYMENT, "I1", "Order", system, T0);
                db.wallets.save(w);
            });
            stale.debit(Money.rupiah(10_000), WalletEntryType.ORDER_PAYMENT, "I2", "Order", system, T0);

            assertThatThrownBy(() -> db.inTx(() -> db.wallets.save(stale)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
            assertThat(db.inTx(() -> db.wallets.find(alice.id())).balance()).isEqualTo(Money.ZERO);
            assertThat(db.inTx(() -> db.wallets.ledgerSum(alice.id()))).isZero();
        }

        @Test
        void the_database_itself_refuses_a_negative_balance_or_an_empty_movement() {
            db.inTx(() -> db.wallets.lockForUpdate(alice.id()));

            assertThatThrownBy(() -> db.execute("UPDATE wallets SET balance = -1 WHERE user_id = ?", alice.id()))
                    .hasMessageContaining("check constraint");
            assertThatThrownBy(() -> db.execute("INSERT INTO wallet_entries (id, user_id, amount, type, reference,"
                    + " actor_type, actor_id, created_at, balance_after) VALUES (?, ?, 0, 'ADJUSTMENT', 'x', 'SYSTEM',"
                    + " 's', now(), 0)", UUID.randomUUID(), alice.id()))
                    .hasMessageContaining("check constraint");
            assertThatThrownBy(() -> db.execute("INSERT INTO wallet_entries (id, user_id, amount, type, reference,"
                    + " actor_type, actor_id, created_at, balance_after) VALUES (?, ?, -5, 'DEPOSIT', 'x', 'SYSTEM',"
                    + " 's', now(), 0)", UUID.randomUUID(), alice.id()))
                    .as("a deposit adds money").hasMessageContaining("check constraint");
        }
    }

    @Nested
    class Callbacks {

        private CallbackRecord callback(String reference, String outcome, Instant at, String rawBody) {
            return new CallbackRecord(UUID.randomUUID(), "TRIPAY", at, reference, "INV-2026-06-000001-1", "PAID",
                    outcome, "detail of " + reference, rawBody);
        }

        @Test
        void a_callback_comes_back_whole_and_the_log_is_newest_first_filtered_by_outcome_or_reference() {
            CallbackRecord settled = callback("DEV-T1", "SETTLED_INVOICE", T0, "{\"reference\":\"DEV-T1\"}");
            CallbackRecord duplicate = callback("DEV-T1", "DUPLICATE", T0.plusSeconds(5), "{}");
            CallbackRecord refused = new CallbackRecord(UUID.randomUUID(), "TRIPAY", T0.plusSeconds(10), null, null,
                    null, "REFUSED_SIGNATURE", "bad signature", "garbage");
            db.inTx(() -> List.of(settled, duplicate, refused).forEach(db.callbacks::record));

            assertThat(db.inTx(() -> db.callbacks.search(null, null, FIRST_PAGE)).items())
                    .containsExactly(refused, duplicate, settled);
            assertThat(db.inTx(() -> db.callbacks.search("DUPLICATE", null, FIRST_PAGE)).items())
                    .containsExactly(duplicate);
            assertThat(db.inTx(() -> db.callbacks.search(null, "dev-t1", FIRST_PAGE)).items())
                    .containsExactly(duplicate, settled);
            assertThat(db.inTx(() -> db.callbacks.search(null, "INV-2026-06-000001", FIRST_PAGE)).total())
                    .as("the merchant reference matches too").isEqualTo(2);
            assertThat(db.inTx(() -> db.callbacks.search(null, null, new PageRequest(1, 2)))).satisfies(p -> {
                assertThat(p.total()).isEqualTo(3);
                assertThat(p.items()).containsExactly(settled);
            });
        }

        @Test
        void a_huge_body_is_kept_to_its_first_ten_thousand_characters() {
            String body = "x".repeat(25_000);
            db.inTx(() -> db.callbacks.record(callback("DEV-T2", "REFUSED_MALFORMED", T0, body)));

            assertThat(db.inTx(() -> db.callbacks.search(null, "DEV-T2", FIRST_PAGE)).items()).singleElement()
                    .satisfies(r -> assertThat(r.rawBody()).isEqualTo(body.substring(0, 10_000)));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
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
