package id.webrana.cloud.domain.billing;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceTest {

    private static final Instant NOW = Instant.parse("2026-11-10T03:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofHours(24));
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final Buyer BUYER = new Buyer("Budi Santoso", "budi@example.id", null);
    private static final int PPN_11 = 1100;
    private static final PaymentMethod BRIVA = new PaymentMethod("TRIPAY", "BRIVA", "BRI Virtual Account",
            "DEV-T00001");

    /** The legal moves of the billing spec, written out independently of InvoiceStatus. */
    private static final Map<InvoiceStatus, Set<InvoiceStatus>> LEGAL = Map.of(
            InvoiceStatus.UNPAID, EnumSet.of(InvoiceStatus.PAID, InvoiceStatus.EXPIRED, InvoiceStatus.FAILED),
            InvoiceStatus.PAID, EnumSet.of(InvoiceStatus.REFUNDED),
            InvoiceStatus.EXPIRED, EnumSet.noneOf(InvoiceStatus.class),
            InvoiceStatus.FAILED, EnumSet.noneOf(InvoiceStatus.class),
            InvoiceStatus.REFUNDED, EnumSet.noneOf(InvoiceStatus.class));

    /** The method that leads to each target status. */
    private static final Map<InvoiceStatus, Consumer<Invoice>> MOVE_TO = Map.of(
            InvoiceStatus.PAID, i -> i.markPaid(BRIVA, i.total(), NOW),
            InvoiceStatus.EXPIRED, i -> i.expire("not paid in time"),
            InvoiceStatus.FAILED, i -> i.fail("rejected"),
            InvoiceStatus.REFUNDED, i -> i.refund("customer cancelled"));

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static Invoice issue(int taxBasisPoints, InvoiceLine... lines) {
        return Invoice.issue("INV/2026/11/000001", OWNER, InvoicePurpose.ORDER, UUID.randomUUID(), BUYER,
                List.of(lines), taxBasisPoints, NOW, DUE);
    }

    private static Invoice unpaid(long amount) {
        return issue(0, new InvoiceLine("VPS Basic 1GB (1 bulan) — web-1", amount, 1));
    }

    /** An invoice rebuilt from storage in the given status. */
    private static Invoice invoiceIn(InvoiceStatus status) {
        return new Invoice(UUID.randomUUID(), "INV/2026/11/000007", OWNER, InvoicePurpose.ORDER, UUID.randomUUID(),
                BUYER, List.of(new InvoiceLine("VPS", 100_000, 1)), 0, Money.ZERO, Money.rupiah(100_000), status, NOW,
                DUE, status == InvoiceStatus.PAID ? NOW : null, status == InvoiceStatus.PAID ? BRIVA : null, null, 2);
    }

    @Nested
    class Totals {

        @Test
        void a_new_invoice_is_unpaid_and_adds_its_lines_up() {
            Invoice invoice = issue(0, new InvoiceLine("VPS Basic 1GB", 150_000, 2),
                    new InvoiceLine("Backup", 20_000, 1));

            assertThat(invoice.status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(invoice.subtotal()).isEqualTo(320_000);
            assertThat(invoice.tax()).isEqualTo(Money.ZERO);
            assertThat(invoice.total()).isEqualTo(Money.rupiah(320_000));
            assertThat(invoice.issuedAt()).isEqualTo(NOW);
            assertThat(invoice.dueAt()).isEqualTo(DUE);
            assertThat(invoice.paidAt()).isNull();
            assertThat(invoice.paymentMethod()).isNull();
            assertThat(invoice.version()).isZero();
            assertThat(invoice.isOwnedBy(OWNER)).isTrue();
            assertThat(invoice.isOwnedBy(UUID.randomUUID())).isFalse();
        }

        @ParameterizedTest(name = "{1} basis points of Rp {0} is Rp {2}")
        @CsvSource({
                "150000, 1100, 16500",
                "50,     1100, 6",     // 5.5   rounds half up
                "45,     1100, 5",     // 4.95  rounds up
                "40,     1100, 4",     // 4.4   rounds down
                "99999,  1100, 11000", // 10 999.89
                "5,      1000, 1",     // 0.5   rounds half up
                "4,      1000, 0",     // 0.4   rounds down
                "1,      1100, 0",     // 0.11
                "150000, 0,    0",
                "0,      1100, 0"})
        void tax_is_the_rate_of_the_subtotal_rounded_half_up_to_the_rupiah(long subtotal, int basisPoints, long tax) {
            Invoice invoice = issue(basisPoints, new InvoiceLine("Layanan", subtotal, 1));

            assertThat(invoice.taxBasisPoints()).isEqualTo(basisPoints);
            assertThat(invoice.tax()).isEqualTo(Money.rupiah(tax));
            assertThat(invoice.total()).isEqualTo(Money.rupiah(subtotal + tax));
        }

        @Test
        void discounts_are_negative_lines_and_tax_is_charged_on_the_discounted_subtotal() {
            Invoice invoice = issue(PPN_11, new InvoiceLine("VPS Basic 1GB (1 bulan) — web-1", 150_000, 1),
                    new InvoiceLine("Promo Ramadan", -30_000, 1), new InvoiceLine("Kupon HEMAT10", -12_000, 1));

            assertThat(invoice.lines()).extracting(InvoiceLine::amount).containsExactly(150_000L, -30_000L, -12_000L);
            assertThat(invoice.subtotal()).isEqualTo(108_000);
            assertThat(invoice.tax()).isEqualTo(Money.rupiah(11_880));
            assertThat(invoice.total()).isEqualTo(Money.rupiah(119_880));
        }

        @Test
        void a_discount_that_takes_everything_leaves_a_free_invoice() {
            Invoice invoice = issue(PPN_11, new InvoiceLine("VPS", 50_000, 1), new InvoiceLine("Kupon GRATIS", -50_000,
                    1));

            assertThat(invoice.total()).isEqualTo(Money.ZERO);
        }

        @Test
        void discounts_cannot_exceed_the_charges() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> issue(0, new InvoiceLine("VPS", 50_000, 1),
                    new InvoiceLine("Kupon", -50_001, 1)));
        }

        @Test
        void an_invoice_needs_a_line() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> issue(0));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> Invoice.issue("INV/2026/11/000001", OWNER,
                    InvoicePurpose.DEPOSIT, null, BUYER, null, 0, NOW, DUE));
        }

        @Test
        void the_tax_rate_is_between_zero_and_a_hundred_percent() {
            InvoiceLine line = new InvoiceLine("VPS", 100, 1);
            assertThatThrownBy(() -> issue(-1, line)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> issue(10_001, line)).isInstanceOf(IllegalArgumentException.class);
            assertThat(issue(10_000, line).total()).isEqualTo(Money.rupiah(200));
        }

        @Test
        void an_invoice_is_due_after_it_is_issued() {
            List<InvoiceLine> lines = List.of(new InvoiceLine("VPS", 100, 1));
            assertThatThrownBy(() -> Invoice.issue("INV/2026/11/000001", OWNER, InvoicePurpose.ORDER, null, BUYER,
                    lines, 0, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_line_is_its_unit_price_times_its_quantity_with_a_real_description() {
            assertThat(new InvoiceLine("VPS", 150_000, 3).amount()).isEqualTo(450_000);
            assertThat(new InvoiceLine("Diskon", -1_000, 2).amount()).isEqualTo(-2_000);
            assertThatThrownBy(() -> new InvoiceLine("VPS", 1, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new InvoiceLine(" ", 1, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new InvoiceLine("x".repeat(201), 1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new InvoiceLine(null, 1, 1)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void a_stored_invoice_that_does_not_add_up_is_refused() {
            List<InvoiceLine> lines = List.of(new InvoiceLine("VPS", 100_000, 1));
            assertThatThrownBy(() -> new Invoice(UUID.randomUUID(), "INV/2026/11/000001", OWNER, InvoicePurpose.ORDER,
                    null, BUYER, lines, 1100, Money.rupiah(11_000), Money.rupiah(110_999), InvoiceStatus.UNPAID, NOW,
                    DUE, null, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Paying {

        @Test
        void the_exact_total_settles_the_invoice() {
            Invoice invoice = issue(PPN_11, new InvoiceLine("VPS", 150_000, 1));
            Instant paidAt = NOW.plusSeconds(90);

            invoice.markPaid(BRIVA, Money.rupiah(166_500), paidAt);

            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(invoice.paymentMethod()).isEqualTo(BRIVA);
            assertThat(invoice.paidAt()).isEqualTo(paidAt);
            assertThat(invoice.isUnpaid()).isFalse();
        }

        @Test
        void any_other_amount_is_a_mismatch_and_changes_nothing() {
            Invoice invoice = issue(PPN_11, new InvoiceLine("VPS", 150_000, 1));

            for (long wrong : new long[]{166_499, 166_501, 150_000, 0}) {
                assertCode(ErrorCode.PAYMENT_AMOUNT_MISMATCH,
                        () -> invoice.markPaid(BRIVA, Money.rupiah(wrong), NOW.plusSeconds(1)));
            }

            assertThat(invoice.status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(invoice.paymentMethod()).isNull();
            assertThat(invoice.paidAt()).isNull();
            assertThat(invoice.statusReason()).isNull();
        }

        @Test
        void a_paid_invoice_cannot_be_paid_again_and_keeps_its_first_payment() {
            Invoice invoice = unpaid(100_000);
            invoice.markPaid(BRIVA, Money.rupiah(100_000), NOW);
            PaymentMethod wallet = new PaymentMethod(PaymentMethod.WALLET, PaymentMethod.WALLET, "Saldo dompet", "x");

            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> invoice.markPaid(wallet, Money.rupiah(100_000),
                    NOW.plusSeconds(5)));

            assertThat(invoice.paymentMethod()).isEqualTo(BRIVA);
            assertThat(invoice.paidAt()).isEqualTo(NOW);
        }

        @Test
        void an_unpaid_invoice_is_payable_until_just_before_it_is_due() {
            Invoice invoice = unpaid(100_000);

            assertThatCode(() -> invoice.requirePayable(DUE.minusMillis(1))).doesNotThrowAnyException();
            assertThat(invoice.isOverdue(DUE.minusMillis(1))).isFalse();
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> invoice.requirePayable(DUE));
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> invoice.requirePayable(DUE.plusSeconds(3600)));
            assertThat(invoice.isOverdue(DUE)).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = InvoiceStatus.class, names = "UNPAID", mode = EnumSource.Mode.EXCLUDE)
        void only_an_unpaid_invoice_is_payable(InvoiceStatus status) {
            Invoice invoice = invoiceIn(status);

            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> invoice.requirePayable(NOW));
            assertThat(invoice.isOverdue(DUE.plusSeconds(1))).isFalse();
        }
    }

    @Nested
    class LifeCycle {

        @Test
        void every_legal_move_is_allowed_and_every_other_is_refused_with_nothing_changed() {
            for (InvoiceStatus from : InvoiceStatus.values()) {
                for (InvoiceStatus to : MOVE_TO.keySet()) {
                    Invoice invoice = invoiceIn(from);
                    if (LEGAL.get(from).contains(to)) {
                        MOVE_TO.get(to).accept(invoice);
                        assertThat(invoice.status()).as(from + " -> " + to).isEqualTo(to);
                    } else {
                        assertThatThrownBy(() -> MOVE_TO.get(to).accept(invoice)).as(from + " -> " + to)
                                .isInstanceOfSatisfying(DomainException.class,
                                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVOICE_NOT_PAYABLE));
                        assertThat(invoice.status()).as(from + " -> " + to).isEqualTo(from);
                        assertThat(invoice.statusReason()).isNull();
                    }
                }
            }
        }

        @Test
        void the_status_agrees_with_the_legal_moves() {
            for (InvoiceStatus from : InvoiceStatus.values()) {
                for (InvoiceStatus to : InvoiceStatus.values()) {
                    assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
                }
            }
        }

        @Test
        void expiring_failing_and_refunding_keep_the_reason() {
            Invoice expired = unpaid(1_000);
            expired.expire("order expired unpaid");
            Invoice failed = unpaid(1_000);
            failed.fail("no transfer seen");
            Invoice refunded = unpaid(1_000);
            refunded.markPaid(BRIVA, Money.rupiah(1_000), NOW);
            refunded.refund("plan discontinued");

            assertThat(expired.statusReason()).isEqualTo("order expired unpaid");
            assertThat(failed.statusReason()).isEqualTo("no transfer seen");
            assertThat(refunded.status()).isEqualTo(InvoiceStatus.REFUNDED);
            assertThat(refunded.statusReason()).isEqualTo("plan discontinued");
        }
    }
}
