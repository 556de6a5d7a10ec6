package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.port.in.AnalyticsUseCase.AnalyticsReport;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.DailyFigures;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.MonthlyRevenue;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.Rate;
import id.webrana.cloud.application.port.out.AnalyticsQueries.ProvisioningOutcomes;
import id.webrana.cloud.application.service.AnalyticsService;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Buyer;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoiceNumber;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics SQL on a known data set in PostgreSQL: orders per Jakarta day (23:30 WIB and 00:30 WIB are the same
 * UTC day but two Jakarta days), revenue from paid order and renewal invoices but not top-ups or refunds, per day and
 * per month, the PAID share of the orders placed, provisioning outcomes and the p95 of PAID → ACTIVE by
 * {@code percentile_cont}; and the whole report through {@link AnalyticsService}, quiet days as zeros.
 */
class AnalyticsQueriesTest extends PostgresTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "ops@webrana.id");
    private static final Actor WORKER = Actor.system("provisioning");

    private final JpaAnalyticsQueries analytics = new JpaAnalyticsQueries();
    private User user;
    private int invoiceNumbers;

    /** A Jakarta wall-clock time, {@code yyyy-MM-ddTHH:mm}. */
    private static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    private static Instant startOf(String day) {
        return LocalDate.parse(day).atStartOfDay(WIB).toInstant();
    }

    private Order placed(String at) {
        return Fixtures.newOrder(user.id(), "web-" + UUID.randomUUID().toString().substring(0, 8), wib(at));
    }

    private Order paid(String placedAt, String paidAt) {
        Order order = placed(placedAt);
        order.markPaid(ADMIN, "transfer BCA diterima", wib(paidAt));
        order.startProvisioning(WORKER, wib(paidAt).plusSeconds(1));
        return order;
    }

    private Order active(String placedAt, String paidAt, Duration took) {
        Order order = paid(placedAt, paidAt);
        order.activate(UUID.randomUUID(), WORKER, wib(paidAt).plus(took));
        return order;
    }

    private Order failed(String placedAt, String paidAt, String failedAt) {
        Order order = paid(placedAt, paidAt);
        order.failProvisioning("PROVISIONING_TIMEOUT", "no address after 10 minutes", WORKER, wib(failedAt));
        return order;
    }

    private void store(Order... orders) {
        db.inTx(() -> List.of(orders).forEach(db.orders::save));
    }

    private Invoice paidInvoice(InvoicePurpose purpose, long total, String paidAt) {
        Instant paid = wib(paidAt);
        Invoice invoice = Invoice.issue(InvoiceNumber.format("2026-03", ++invoiceNumbers), user.id(), purpose,
                purpose == InvoicePurpose.DEPOSIT ? null : UUID.randomUUID(),
                new Buyer(user.fullName(), user.email().value(), null), List.of(new InvoiceLine("VPS", total, 1)), 0,
                paid.minus(Duration.ofHours(1)), paid.plus(Duration.ofDays(1)));
        invoice.markPaid(new PaymentMethod("TRIPAY", "BRIVA", "BRI Virtual Account", "T-" + UUID.randomUUID()),
                Money.rupiah(total), paid);
        db.inTx(() -> db.invoices.save(invoice));
        return invoice;
    }

    @BeforeEach
    void aCustomerWithOrdersAndInvoicesFromTheEighthToTheThirteenthOfMarch() {
        user = Fixtures.newUser("analytics");
        db.inTx(() -> db.users.save(user));

        Order rejected = placed("2026-03-10T09:00");
        rejected.rejectPayment(ADMIN, "bukti transfer palsu", wib("2026-03-10T09:30"));
        store(active("2026-03-09T23:30", "2026-03-09T23:40", Duration.ofMinutes(2)), // 16:30 UTC on the 9th
                active("2026-03-10T00:30", "2026-03-10T00:35", Duration.ofMinutes(10)), // 17:30 UTC on the 9th
                failed("2026-03-10T08:00", "2026-03-10T08:10", "2026-03-10T08:30"),
                rejected,
                placed("2026-03-10T10:00"), // still awaiting payment
                // nothing on the 11th
                active("2026-03-12T12:00", "2026-03-12T12:05", Duration.ofMinutes(1)),
                // placed the evening before the range, provisioned in it
                active("2026-03-08T23:59", "2026-03-09T00:05", Duration.ofMinutes(4)),
                failed("2026-03-08T10:00", "2026-03-08T10:05", "2026-03-08T10:20"), // failed before the range
                placed("2026-03-13T00:00")); // the first minute after the range

        paidInvoice(InvoicePurpose.ORDER, 100_000, "2026-03-09T23:40");
        paidInvoice(InvoicePurpose.ORDER, 200_000, "2026-03-10T00:35");
        paidInvoice(InvoicePurpose.ORDER, 300_000, "2026-03-10T08:10");
        paidInvoice(InvoicePurpose.DEPOSIT, 500_000, "2026-03-10T12:00"); // a top-up: not revenue
        Invoice refunded = paidInvoice(InvoicePurpose.ORDER, 900_000, "2026-03-10T13:00");
        db.inTx(() -> {
            Invoice i = db.invoices.findByIdForUpdate(refunded.id()).orElseThrow();
            i.refund("pesanan dibatalkan");
            db.invoices.save(i);
        });
        db.inTx(() -> db.invoices.save(Fixtures.orderInvoice(user, InvoiceNumber.format("2026-03", ++invoiceNumbers),
                UUID.randomUUID(), wib("2026-03-10T10:00"), wib("2026-03-11T10:00")))); // unpaid
        paidInvoice(InvoicePurpose.RENEWAL, 50_000, "2026-03-12T09:00");
        paidInvoice(InvoicePurpose.ORDER, 40_000, "2026-03-08T23:59"); // before the range, in March
        paidInvoice(InvoicePurpose.ORDER, 70_000, "2026-02-28T10:00");
        paidInvoice(InvoicePurpose.RENEWAL, 60_000, "2026-03-31T23:50");
        paidInvoice(InvoicePurpose.ORDER, 80_000, "2026-04-01T00:10"); // 31 March 17:10 UTC, but April in Jakarta
    }

    @Test
    void orders_are_counted_on_the_jakarta_day_they_were_placed_and_quiet_days_are_absent() {
        assertThat(wib("2026-03-09T23:30").atOffset(ZoneOffset.UTC).toLocalDate())
                .isEqualTo(wib("2026-03-10T00:30").atOffset(ZoneOffset.UTC).toLocalDate());

        Map<LocalDate, Long> perDay = db.inTx(() -> analytics.ordersPlacedPerDay(startOf("2026-03-09"),
                startOf("2026-03-13")));

        assertThat(perDay).containsExactly(Map.entry(LocalDate.parse("2026-03-09"), 1L),
                Map.entry(LocalDate.parse("2026-03-10"), 4L), Map.entry(LocalDate.parse("2026-03-12"), 1L));
    }

    @Test
    void revenue_per_day_is_the_paid_order_and_renewal_invoices_on_the_jakarta_day_they_were_paid() {
        Map<LocalDate, Money> perDay = db.inTx(() -> analytics.revenuePerDay(startOf("2026-03-09"),
                startOf("2026-03-13")));

        assertThat(perDay).containsExactly(Map.entry(LocalDate.parse("2026-03-09"), Money.rupiah(100_000)),
                Map.entry(LocalDate.parse("2026-03-10"), Money.rupiah(500_000)),
                Map.entry(LocalDate.parse("2026-03-12"), Money.rupiah(50_000)));
    }

    @Test
    void revenue_per_month_is_cut_at_midnight_in_jakarta() {
        Map<YearMonth, Money> perMonth = db.inTx(() -> analytics.revenuePerMonth(startOf("2026-02-01"),
                startOf("2026-04-01")));

        assertThat(perMonth).containsExactly(Map.entry(YearMonth.of(2026, 2), Money.rupiah(70_000)),
                Map.entry(YearMonth.of(2026, 3), Money.rupiah(100_000 + 500_000 + 50_000 + 40_000 + 60_000)));
        assertThat(db.inTx(() -> analytics.revenuePerMonth(startOf("2026-04-01"), startOf("2026-05-01"))))
                .containsExactly(Map.entry(YearMonth.of(2026, 4), Money.rupiah(80_000)));
    }

    @Test
    void of_the_orders_placed_in_the_range_those_with_a_change_to_paid_count_as_paid() {
        assertThat(db.inTx(() -> analytics.ordersPaidOfPlaced(startOf("2026-03-09"), startOf("2026-03-13"))))
                .isEqualTo(4);
        assertThat(db.inTx(() -> analytics.ordersPaidOfPlaced(startOf("2026-03-11"), startOf("2026-03-12"))))
                .isZero();
    }

    @Test
    void provisioning_outcomes_count_orders_finished_in_the_range_and_p95_is_percentile_cont() {
        ProvisioningOutcomes outcomes = db.inTx(() -> analytics.provisioningOutcomes(startOf("2026-03-09"),
                startOf("2026-03-13")));

        // PAID → ACTIVE of 1, 2, 4 and 10 minutes: 0.95 × 3 = 2.85, so 240 s + 0.85 × (600 − 240) s = 546 s
        assertThat(outcomes).isEqualTo(new ProvisioningOutcomes(4, 1, Duration.ofSeconds(546)));
        assertThat(db.inTx(() -> analytics.provisioningOutcomes(startOf("2026-03-11"), startOf("2026-03-12"))))
                .isEqualTo(ProvisioningOutcomes.NONE);
    }

    @Test
    void the_report_over_postgresql_lists_every_day_with_zeros_for_the_quiet_one() {
        AnalyticsReport report = new AnalyticsService(analytics, db.tx)
                .report(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-12"));

        assertThat(report.days()).containsExactly(
                new DailyFigures(LocalDate.parse("2026-03-09"), 1, Money.rupiah(100_000)),
                new DailyFigures(LocalDate.parse("2026-03-10"), 4, Money.rupiah(500_000)),
                new DailyFigures(LocalDate.parse("2026-03-11"), 0, Money.ZERO),
                new DailyFigures(LocalDate.parse("2026-03-12"), 1, Money.rupiah(50_000)));
        assertThat(report.months()).containsExactly(new MonthlyRevenue(YearMonth.of(2026, 3), Money.rupiah(750_000)));
        assertThat(report.ordersPlaced()).isEqualTo(6);
        assertThat(report.revenue()).isEqualTo(Money.rupiah(650_000));
        assertThat(report.paymentConversion()).isEqualTo(new Rate(4, 6));
        assertThat(report.provisioningSuccess()).isEqualTo(new Rate(4, 5));
        assertThat(report.p95ProvisioningTime()).isEqualTo(Duration.ofSeconds(546));
    }
}
