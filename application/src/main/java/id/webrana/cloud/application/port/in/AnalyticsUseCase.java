package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.shared.Money;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * UC: operators read how the shop is doing over a range of days: orders per day, revenue per day and per month,
 * payment conversion, provisioning success rate and the 95th percentile of the time from payment to a running
 * server.
 *
 * <p>Definitions (every day and month is a calendar day or month in Asia/Jakarta, {@link #ZONE}):
 * <ul>
 *   <li><b>Orders per day</b>: orders placed (created) that day, whatever became of them.</li>
 *   <li><b>Revenue</b>: money actually received, in whole rupiah: the totals of the invoices whose status is PAID,
 *       counted on the day (or month) they were paid. Invoices of every purpose count (new orders, renewals) except
 *       DEPOSIT: a wallet top-up is not revenue until it is spent, and it is counted then, as the order or renewal
 *       invoice it pays. A REFUNDED invoice is not revenue (the money went back).</li>
 *   <li><b>Payment conversion</b>: of the orders placed in the range, the share that reached PAID (or went further:
 *       provisioning, ACTIVE, FAILED), as their status history records.</li>
 *   <li><b>Provisioning success rate</b>: of the orders that finished provisioning in the range (became ACTIVE, or
 *       are FAILED now and failed last in the range), the share that became ACTIVE. An order that failed and was
 *       retried counts once, with its outcome as it stands now.</li>
 *   <li><b>p95 provisioning time</b>: the 95th percentile (continuous, interpolated between neighbours) of the time
 *       from an order's first change to PAID to its change to ACTIVE, over the orders that became ACTIVE in the
 *       range; a retried order's time includes its failure and the wait for the retry, as its customer waited.</li>
 * </ul>
 */
public interface AnalyticsUseCase {

    /** The time zone of every day and month of the report. */
    ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    /** The longest range a report covers, in days (a leap year). */
    int MAX_DAYS = 366;

    /**
     * The report from {@code from} to {@code to}, both days included.
     *
     * @throws id.webrana.cloud.domain.shared.DomainException VALIDATION_ERROR when a day is missing, {@code to} is
     *         before {@code from}, or the range is longer than {@link #MAX_DAYS} days
     */
    AnalyticsReport report(LocalDate from, LocalDate to);

    /**
     * The figures of a range.
     *
     * @param days                  every day from {@code from} to {@code to} in order, with zeros for the quiet ones
     * @param months                every month the range touches, in order, each whole (its revenue from its first to
     *                              its last day, also the days outside the range)
     * @param ordersPlaced          orders placed in the range (the sum of {@code days})
     * @param ordersPaid            of those, the ones that reached PAID
     * @param revenue               revenue in the range (the sum of {@code days})
     * @param provisioningSucceeded orders that became ACTIVE in the range
     * @param provisioningFailed    orders FAILED now whose last failure falls in the range
     * @param p95ProvisioningTime   95th percentile of PAID → ACTIVE over the orders that became ACTIVE in the range;
     *                              null when none did
     */
    record AnalyticsReport(LocalDate from, LocalDate to, List<DailyFigures> days, List<MonthlyRevenue> months,
                           long ordersPlaced, long ordersPaid, Money revenue, long provisioningSucceeded,
                           long provisioningFailed, Duration p95ProvisioningTime) {

        public AnalyticsReport {
            days = List.copyOf(days);
            months = List.copyOf(months);
        }

        /** Orders paid out of orders placed. */
        public Rate paymentConversion() {
            return new Rate(ordersPaid, ordersPlaced);
        }

        /** Orders that became ACTIVE out of those that finished provisioning (ACTIVE + FAILED). */
        public Rate provisioningSuccess() {
            return new Rate(provisioningSucceeded, provisioningSucceeded + provisioningFailed);
        }

        public boolean hasProvisioningTime() {
            return p95ProvisioningTime != null;
        }
    }

    /** One day of the range: orders placed and revenue received that day. */
    record DailyFigures(LocalDate day, long orders, Money revenue) {
    }

    /** One month the range touches, with the revenue received in it. */
    record MonthlyRevenue(YearMonth month, Money revenue) {
    }

    /** {@code count} out of {@code outOf}; unknown (no percentage) when {@code outOf} is zero. */
    record Rate(long count, long outOf) {

        public Rate {
            if (count < 0 || outOf < count) {
                throw new IllegalArgumentException("a rate needs 0 <= count <= outOf: " + count + "/" + outOf);
            }
        }

        public boolean isKnown() {
            return outOf > 0;
        }

        /** The share in percent (0–100); 0 when unknown. */
        public double percent() {
            return outOf == 0 ? 0 : 100.0 * count / outOf;
        }
    }
}
