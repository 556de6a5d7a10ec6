package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AnalyticsUseCase;
import id.webrana.cloud.application.port.out.AnalyticsQueries;
import id.webrana.cloud.application.port.out.AnalyticsQueries.ProvisioningOutcomes;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operators' analytics ({@link AnalyticsUseCase}, where the figures are defined): checks the range, turns its
 * Asia/Jakarta days into instants, asks {@link AnalyticsQueries} for the aggregates in one transaction (so that the
 * figures agree with each other) and lays them out day by day and month by month, quiet days and months as zeros.
 */
public class AnalyticsService implements AnalyticsUseCase {

    private final AnalyticsQueries queries;
    private final TransactionRunner tx;

    public AnalyticsService(AnalyticsQueries queries, TransactionRunner tx) {
        this.queries = queries;
        this.tx = tx;
    }

    @Override
    public AnalyticsReport report(LocalDate from, LocalDate to) {
        requireRange(from, to);
        Instant start = startOf(from);
        Instant end = startOf(to.plusDays(1));
        YearMonth firstMonth = YearMonth.from(from);
        YearMonth lastMonth = YearMonth.from(to);
        return tx.inTransaction(() -> {
            Map<LocalDate, Long> orders = queries.ordersPlacedPerDay(start, end);
            Map<LocalDate, Money> revenue = queries.revenuePerDay(start, end);
            Map<YearMonth, Money> monthly = queries.revenuePerMonth(startOf(firstMonth.atDay(1)),
                    startOf(lastMonth.plusMonths(1).atDay(1)));
            long paid = queries.ordersPaidOfPlaced(start, end);
            ProvisioningOutcomes provisioning = queries.provisioningOutcomes(start, end);

            List<DailyFigures> days = new ArrayList<>();
            long placed = 0;
            Money received = Money.ZERO;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                DailyFigures figures = new DailyFigures(day, orders.getOrDefault(day, 0L),
                        revenue.getOrDefault(day, Money.ZERO));
                days.add(figures);
                placed += figures.orders();
                received = received.plus(figures.revenue());
            }
            List<MonthlyRevenue> months = new ArrayList<>();
            for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
                months.add(new MonthlyRevenue(month, monthly.getOrDefault(month, Money.ZERO)));
            }
            // the queries read committed rows one after the other: an order placed and paid in between must not
            // make more orders paid than placed
            return new AnalyticsReport(from, to, days, months, placed, Math.min(paid, placed), received,
                    provisioning.succeeded(),
                    provisioning.failed(), provisioning.p95TimeToActive());
        });
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A report needs a first and a last day");
        }
        if (to.isBefore(from)) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "The date range ends before it starts");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR,
                    "A report covers at most " + MAX_DAYS + " days");
        }
    }

    /** Midnight at the start of {@code day} in Asia/Jakarta. */
    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
