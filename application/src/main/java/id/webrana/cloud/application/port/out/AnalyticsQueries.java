package id.webrana.cloud.application.port.out;

import id.webrana.cloud.application.port.in.AnalyticsUseCase;
import id.webrana.cloud.domain.shared.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The aggregates behind the operators' analytics, computed where orders and invoices are stored. Days and months are
 * calendar days and months in Asia/Jakarta ({@link AnalyticsUseCase#ZONE}); a day or month without data is absent
 * from the maps. Every range is half-open: {@code from} included, {@code to} excluded. The definitions are those of
 * {@link AnalyticsUseCase}; called inside a transaction.
 */
public interface AnalyticsQueries {

    /** Orders placed (created) in the range, per day they were placed. */
    Map<LocalDate, Long> ordersPlacedPerDay(Instant from, Instant to);

    /**
     * Revenue per day: the totals of the invoices that are PAID, of every purpose except DEPOSIT, per day they were
     * paid, for the invoices paid in the range.
     */
    Map<LocalDate, Money> revenuePerDay(Instant from, Instant to);

    /** The same revenue per month it was paid in. */
    Map<YearMonth, Money> revenuePerMonth(Instant from, Instant to);

    /** Of the orders placed in the range, how many have a change to PAID in their status history. */
    long ordersPaidOfPlaced(Instant from, Instant to);

    /** How provisioning ended for the orders that finished it in the range. */
    ProvisioningOutcomes provisioningOutcomes(Instant from, Instant to);

    /**
     * @param succeeded     orders whose change to ACTIVE falls in the range
     * @param failed        orders FAILED now whose last change to FAILED falls in the range
     * @param p95TimeToActive 95th percentile (continuous) of first PAID → ACTIVE over the {@code succeeded} orders;
     *                      null when there are none
     */
    record ProvisioningOutcomes(long succeeded, long failed, Duration p95TimeToActive) {
        public static final ProvisioningOutcomes NONE = new ProvisioningOutcomes(0, 0, null);
    }
}
