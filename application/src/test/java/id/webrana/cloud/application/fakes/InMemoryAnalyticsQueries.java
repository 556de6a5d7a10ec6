package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.in.AnalyticsUseCase;
import id.webrana.cloud.application.port.out.AnalyticsQueries;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.shared.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The analytics aggregates computed in Java over orders and invoices a test hands in ({@link #add(Order)},
 * {@link #add(Invoice)}), by the same definitions as the SQL: Asia/Jakarta days, PAID non-DEPOSIT invoices by paid
 * day, the status history for PAID and ACTIVE, and PostgreSQL's {@code percentile_cont} (linear interpolation
 * between the two nearest values) for the 95th percentile.
 */
public final class InMemoryAnalyticsQueries implements AnalyticsQueries {

    private final List<Order> orders = new ArrayList<>();
    private final List<Invoice> invoices = new ArrayList<>();

    public InMemoryAnalyticsQueries add(Order order) {
        orders.add(order);
        return this;
    }

    public InMemoryAnalyticsQueries add(Invoice invoice) {
        invoices.add(invoice);
        return this;
    }

    @Override
    public Map<LocalDate, Long> ordersPlacedPerDay(Instant from, Instant to) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        orders.stream().filter(o -> within(o.createdAt(), from, to))
                .forEach(o -> perDay.merge(day(o.createdAt()), 1L, Long::sum));
        return perDay;
    }

    @Override
    public Map<LocalDate, Money> revenuePerDay(Instant from, Instant to) {
        return revenue(from, to, InMemoryAnalyticsQueries::day);
    }

    @Override
    public Map<YearMonth, Money> revenuePerMonth(Instant from, Instant to) {
        return revenue(from, to, at -> YearMonth.from(day(at)));
    }

    private <K> Map<K, Money> revenue(Instant from, Instant to, Function<Instant, K> bucket) {
        Map<K, Money> sums = new TreeMap<>();
        invoices.stream().filter(i -> i.status() == InvoiceStatus.PAID && i.purpose() != InvoicePurpose.DEPOSIT)
                .filter(i -> within(i.paidAt(), from, to))
                .forEach(i -> sums.merge(bucket.apply(i.paidAt()), i.total(), Money::plus));
        return sums;
    }

    @Override
    public long ordersPaidOfPlaced(Instant from, Instant to) {
        return orders.stream().filter(o -> within(o.createdAt(), from, to))
                .filter(o -> firstChangeTo(o, OrderStatus.PAID).isPresent()).count();
    }

    @Override
    public ProvisioningOutcomes provisioningOutcomes(Instant from, Instant to) {
        List<Double> secondsToActive = new ArrayList<>();
        long failed = 0;
        for (Order o : orders) {
            Optional<Instant> active = firstChangeTo(o, OrderStatus.ACTIVE);
            if (active.isPresent() && within(active.get(), from, to)) {
                Instant paid = firstChangeTo(o, OrderStatus.PAID).orElseThrow();
                secondsToActive.add(Duration.between(paid, active.get()).toNanos() / 1e9);
            } else if (o.status() == OrderStatus.FAILED && o.history().stream()
                    .filter(c -> c.to() == OrderStatus.FAILED).map(StatusChange::at).max(Comparator.naturalOrder())
                    .filter(at -> within(at, from, to)).isPresent()) {
                failed++;
            }
        }
        return new ProvisioningOutcomes(secondsToActive.size(), failed, percentileCont(0.95, secondsToActive));
    }

    /** PostgreSQL's {@code percentile_cont(p) WITHIN GROUP (ORDER BY seconds)}, to the millisecond. */
    static Duration percentileCont(double p, List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        double position = p * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double seconds = sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Optional<Instant> firstChangeTo(Order order, OrderStatus status) {
        return order.history().stream().filter(c -> c.to() == status).map(StatusChange::at)
                .min(Comparator.naturalOrder());
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, AnalyticsUseCase.ZONE);
    }
}
