package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.FakeTransactionRunner;
import id.webrana.cloud.application.fakes.InMemoryAnalyticsQueries;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.AnalyticsReport;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.DailyFigures;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.MonthlyRevenue;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.Rate;
import id.webrana.cloud.domain.billing.Buyer;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.order.Hostname;
import id.webrana.cloud.domain.order.ImageSnapshot;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.PlanSnapshot;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AnalyticsServiceTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "ops@webrana.id");
    private static final Actor WORKER = Actor.system("provisioning");

    private final InMemoryAnalyticsQueries data = new InMemoryAnalyticsQueries();
    private final FakeTransactionRunner tx = new FakeTransactionRunner();
    private final AnalyticsService analytics = new AnalyticsService(data, tx);

    /** {@code yyyy-MM-ddTHH:mm} on a Jakarta wall clock. */
    private static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static Order placed(Instant at) {
        return Order.place(UUID.randomUUID(), new PlanSnapshot(UUID.randomUUID(), "Basic 1GB", "s-1vcpu-1gb", 1, 1024,
                        25, 1), new ImageSnapshot(UUID.randomUUID(), "Ubuntu 24.04", "ubuntu-24-04-x64"),
                new Hostname("web-" + UUID.randomUUID().toString().substring(0, 8)), "sgp1",
                new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(150_000), Money.ZERO, null, Money.ZERO, null,
                        Money.rupiah(150_000)), List.of(), new Actor(Actor.Type.CUSTOMER, "budi"), at,
                at.plus(Duration.ofDays(1)));
    }

    private static Order paid(Instant placedAt, Instant paidAt) {
        Order order = placed(placedAt);
        order.markPaid(ADMIN, "transfer BCA diterima", paidAt);
        return order;
    }

    private static Order active(Instant paidAt, Duration provisioning) {
        Order order = paid(paidAt.minus(Duration.ofMinutes(5)), paidAt);
        order.startProvisioning(WORKER, paidAt.plusSeconds(1));
        order.activate(UUID.randomUUID(), WORKER, paidAt.plus(provisioning));
        return order;
    }

    private static Order failed(Instant paidAt, Instant failedAt) {
        Order order = paid(paidAt.minus(Duration.ofMinutes(5)), paidAt);
        order.startProvisioning(WORKER, paidAt.plusSeconds(1));
        order.failProvisioning("PROVISIONING_TIMEOUT", "no address after 10 minutes", WORKER, failedAt);
        return order;
    }

    private static Invoice paidInvoice(InvoicePurpose purpose, long total, Instant paidAt) {
        Invoice invoice = Invoice.issue("INV/2026/03/" + UUID.randomUUID().toString().substring(0, 6),
                UUID.randomUUID(), purpose, purpose == InvoicePurpose.DEPOSIT ? null : UUID.randomUUID(),
                new Buyer("Budi Santoso", "budi@example.id", null), List.of(new InvoiceLine("VPS", total, 1)), 0,
                paidAt.minus(Duration.ofHours(1)), paidAt.plus(Duration.ofDays(1)));
        invoice.markPaid(new PaymentMethod("TRIPAY", "BRIVA", "BRI Virtual Account", "T-" + UUID.randomUUID()),
                Money.rupiah(total), paidAt);
        return invoice;
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }

    @Test
    void a_range_that_ends_before_it_starts_or_misses_a_day_is_refused() {
        assertRefused(() -> analytics.report(day("2026-03-10"), day("2026-03-09")));
        assertRefused(() -> analytics.report(null, day("2026-03-09")));
        assertRefused(() -> analytics.report(day("2026-03-09"), null));
    }

    @Test
    void a_range_covers_at_most_366_days() {
        assertRefused(() -> analytics.report(day("2024-01-01"), day("2025-01-01")));

        AnalyticsReport leapYear = analytics.report(day("2024-01-01"), day("2024-12-31"));
        assertThat(leapYear.days()).hasSize(366);
        assertThat(leapYear.months()).hasSize(12);
        assertThat(analytics.report(day("2026-03-09"), day("2026-03-09")).days()).hasSize(1);
    }

    @Test
    void every_day_of_the_range_is_listed_in_order_and_a_quiet_day_shows_zero() {
        data.add(placed(wib("2026-03-09T10:00"))).add(placed(wib("2026-03-09T11:00")))
                .add(placed(wib("2026-03-11T09:00")))
                .add(paidInvoice(InvoicePurpose.ORDER, 150_000, wib("2026-03-11T09:30")));

        AnalyticsReport report = analytics.report(day("2026-03-09"), day("2026-03-11"));

        assertThat(report.days()).containsExactly(
                new DailyFigures(day("2026-03-09"), 2, Money.ZERO),
                new DailyFigures(day("2026-03-10"), 0, Money.ZERO),
                new DailyFigures(day("2026-03-11"), 1, Money.rupiah(150_000)));
        assertThat(report.ordersPlaced()).isEqualTo(3);
        assertThat(report.revenue()).isEqualTo(Money.rupiah(150_000));
        assertThat(tx.commits()).as("one transaction for all the figures").isEqualTo(1);
    }

    @Test
    void days_are_jakarta_days_so_half_past_eleven_at_night_and_half_past_midnight_fall_on_different_days() {
        Instant lateEvening = wib("2026-03-09T23:30"); // 16:30 UTC, the same UTC day as the next one
        Instant afterMidnight = wib("2026-03-10T00:30"); // 17:30 UTC on 9 March
        assertThat(LocalDate.ofInstant(lateEvening, ZoneId.of("UTC")))
                .isEqualTo(LocalDate.ofInstant(afterMidnight, ZoneId.of("UTC")));
        data.add(placed(lateEvening)).add(placed(afterMidnight))
                .add(paidInvoice(InvoicePurpose.ORDER, 100_000, lateEvening))
                .add(paidInvoice(InvoicePurpose.ORDER, 250_000, afterMidnight))
                .add(placed(wib("2026-03-08T23:59"))) // before the range
                .add(placed(wib("2026-03-11T00:00"))); // after it

        AnalyticsReport report = analytics.report(day("2026-03-09"), day("2026-03-10"));

        assertThat(report.days()).containsExactly(
                new DailyFigures(day("2026-03-09"), 1, Money.rupiah(100_000)),
                new DailyFigures(day("2026-03-10"), 1, Money.rupiah(250_000)));
    }

    @Test
    void revenue_is_money_received_for_orders_and_renewals_but_not_top_ups_nor_unpaid_or_refunded_invoices() {
        Instant noon = wib("2026-03-09T12:00");
        Invoice refunded = paidInvoice(InvoicePurpose.ORDER, 90_000, noon);
        refunded.refund("pelanggan membatalkan");
        Invoice unpaid = Invoice.issue("INV/2026/03/000099", UUID.randomUUID(), InvoicePurpose.ORDER,
                UUID.randomUUID(), new Buyer("Budi", "budi@example.id", null),
                List.of(new InvoiceLine("VPS", 70_000, 1)), 0, noon, noon.plus(Duration.ofDays(1)));
        data.add(paidInvoice(InvoicePurpose.ORDER, 150_000, noon))
                .add(paidInvoice(InvoicePurpose.RENEWAL, 150_000, noon.plusSeconds(60)))
                .add(paidInvoice(InvoicePurpose.DEPOSIT, 500_000, noon.plusSeconds(120)))
                .add(refunded).add(unpaid);

        AnalyticsReport report = analytics.report(day("2026-03-09"), day("2026-03-09"));

        assertThat(report.revenue()).isEqualTo(Money.rupiah(300_000));
        assertThat(report.days().get(0).revenue()).isEqualTo(Money.rupiah(300_000));
    }

    @Test
    void revenue_per_month_covers_every_month_the_range_touches_whole() {
        data.add(paidInvoice(InvoicePurpose.ORDER, 100_000, wib("2026-01-31T23:59"))) // before
                .add(paidInvoice(InvoicePurpose.ORDER, 200_000, wib("2026-02-01T00:00")))
                .add(paidInvoice(InvoicePurpose.ORDER, 300_000, wib("2026-02-27T10:00"))) // February, outside the range
                .add(paidInvoice(InvoicePurpose.RENEWAL, 400_000, wib("2026-04-15T10:00")))
                .add(paidInvoice(InvoicePurpose.ORDER, 500_000, wib("2026-05-01T00:00"))); // after

        AnalyticsReport report = analytics.report(day("2026-02-28"), day("2026-04-02"));

        assertThat(report.months()).containsExactly(
                new MonthlyRevenue(YearMonth.of(2026, 2), Money.rupiah(500_000)),
                new MonthlyRevenue(YearMonth.of(2026, 3), Money.ZERO),
                new MonthlyRevenue(YearMonth.of(2026, 4), Money.rupiah(400_000)));
        assertThat(report.revenue()).as("the range itself holds none of them").isEqualTo(Money.ZERO);
    }

    @Test
    void payment_conversion_is_the_share_of_the_orders_placed_in_the_range_that_reached_paid() {
        Instant morning = wib("2026-03-09T08:00");
        Order rejected = placed(morning);
        rejected.rejectPayment(ADMIN, "bukti transfer palsu", morning.plusSeconds(600));
        data.add(paid(morning, morning.plusSeconds(300)))
                .add(active(morning.plusSeconds(300), Duration.ofMinutes(2))) // placed 5 minutes before its payment
                .add(failed(morning.plusSeconds(3600), morning.plusSeconds(4200)))
                .add(rejected).add(placed(morning.plusSeconds(60)))
                .add(paid(wib("2026-03-08T23:00"), morning)); // placed the day before: not in the range

        AnalyticsReport report = analytics.report(day("2026-03-09"), day("2026-03-09"));

        assertThat(report.ordersPlaced()).isEqualTo(5);
        assertThat(report.paymentConversion()).isEqualTo(new Rate(3, 5));
        assertThat(report.paymentConversion().percent()).isEqualTo(60.0);
    }

    @Test
    void provisioning_success_counts_the_orders_that_finished_in_the_range_and_p95_interpolates_like_postgresql() {
        Instant day = wib("2026-03-09T01:00");
        for (int minutes = 1; minutes <= 20; minutes++) {
            data.add(active(day.plus(Duration.ofMinutes(30L * minutes)), Duration.ofMinutes(minutes)));
        }
        data.add(failed(day, day.plus(Duration.ofMinutes(10))))
                .add(failed(wib("2026-03-08T20:00"), wib("2026-03-08T20:10"))) // failed before the range
                .add(active(wib("2026-03-10T23:50"), Duration.ofMinutes(20))); // active on 11 March, after it

        AnalyticsReport report = analytics.report(day("2026-03-09"), day("2026-03-10"));

        assertThat(report.provisioningSuccess()).isEqualTo(new Rate(20, 21));
        assertThat(report.provisioningSuccess().percent()).isCloseTo(95.238, within(0.001));
        // 0.95 × (20 − 1) = 18.05: between the 19th (19 min) and 20th (20 min) values, 5 % of the way
        assertThat(report.p95ProvisioningTime()).isEqualTo(Duration.ofMinutes(19).plusSeconds(3));
    }

    @Test
    void a_retried_order_counts_once_with_its_outcome_as_it_stands_and_its_time_from_payment() {
        Instant paidAt = wib("2026-03-09T09:00");
        Order retried = failed(paidAt, paidAt.plus(Duration.ofMinutes(10)));
        retried.retryProvisioning(ADMIN, "kuota region sudah ditambah", paidAt.plus(Duration.ofMinutes(30)));
        retried.activate(UUID.randomUUID(), WORKER, paidAt.plus(Duration.ofMinutes(40)));
        data.add(retried);

        AnalyticsReport report = analytics.report(day("2026-03-09"), day("2026-03-09"));

        assertThat(report.provisioningSuccess()).isEqualTo(new Rate(1, 1));
        assertThat(report.p95ProvisioningTime()).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void a_range_without_data_has_zeros_unknown_rates_and_no_provisioning_time() {
        AnalyticsReport report = analytics.report(day("2026-03-01"), day("2026-03-31"));

        assertThat(report.days()).hasSize(31).allSatisfy(d -> {
            assertThat(d.orders()).isZero();
            assertThat(d.revenue()).isEqualTo(Money.ZERO);
        });
        assertThat(report.months()).containsExactly(new MonthlyRevenue(YearMonth.of(2026, 3), Money.ZERO));
        assertThat(report.paymentConversion().isKnown()).isFalse();
        assertThat(report.provisioningSuccess().isKnown()).isFalse();
        assertThat(report.hasProvisioningTime()).isFalse();
        assertThat(report.p95ProvisioningTime()).isNull();
    }
}
