package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.port.out.AnalyticsQueries;
import id.webrana.cloud.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The analytics aggregates in SQL: days and months cut in Asia/Jakarta ({@code date_trunc} on the Jakarta wall
 * clock), revenue from {@code invoices}, PAID / ACTIVE / FAILED times from {@code order_status_history}, and
 * {@code percentile_cont(0.95)} for the provisioning time. Days and months come back as text ({@code YYYY-MM-DD},
 * {@code YYYY-MM}), so the JVM's own time zone never moves a day.
 */
@ApplicationScoped
public class JpaAnalyticsQueries implements AnalyticsQueries {

    /** The zone of every day and month, as PostgreSQL names it. */
    static final String ZONE = "'Asia/Jakarta'";

    @Override
    public Map<LocalDate, Long> ordersPlacedPerDay(Instant from, Instant to) {
        List<Object[]> rows = rows("SELECT to_char(date_trunc('day', o.created_at AT TIME ZONE " + ZONE
                + "), 'YYYY-MM-DD'), COUNT(*) FROM orders o"
                + " WHERE o.created_at >= ? AND o.created_at < ? GROUP BY 1", from, to);
        return toMap(rows, LocalDate::parse, n -> n.longValue());
    }

    @Override
    public Map<LocalDate, Money> revenuePerDay(Instant from, Instant to) {
        return toMap(revenue("day", "YYYY-MM-DD", from, to), LocalDate::parse, n -> Money.rupiah(n.longValue()));
    }

    @Override
    public Map<YearMonth, Money> revenuePerMonth(Instant from, Instant to) {
        return toMap(revenue("month", "YYYY-MM", from, to), YearMonth::parse, n -> Money.rupiah(n.longValue()));
    }

    /** Money received (PAID invoices but top-ups) per Jakarta {@code unit} it was paid in. */
    private static List<Object[]> revenue(String unit, String format, Instant from, Instant to) {
        return rows("SELECT to_char(date_trunc('" + unit + "', i.paid_at AT TIME ZONE " + ZONE + "), '" + format
                + "'), SUM(i.total) FROM invoices i WHERE i.status = 'PAID' AND i.purpose <> 'DEPOSIT'"
                + " AND i.paid_at >= ? AND i.paid_at < ? GROUP BY 1", from, to);
    }

    @Override
    public long ordersPaidOfPlaced(Instant from, Instant to) {
        Object count = query("SELECT COUNT(*) FROM orders o WHERE o.created_at >= ? AND o.created_at < ?"
                + " AND EXISTS (SELECT 1 FROM order_status_history h WHERE h.order_id = o.id AND h.to_status = 'PAID')",
                from, to).getSingleResult();
        return ((Number) count).longValue();
    }

    @Override
    public ProvisioningOutcomes provisioningOutcomes(Instant from, Instant to) {
        Object[] row = (Object[]) query("WITH activated AS ("
                + "  SELECT a.order_id, a.changed_at - (SELECT MIN(p.changed_at) FROM order_status_history p"
                + "      WHERE p.order_id = a.order_id AND p.to_status = 'PAID') AS took"
                + "  FROM order_status_history a"
                + "  WHERE a.to_status = 'ACTIVE' AND a.changed_at >= ? AND a.changed_at < ?"
                + "), failed AS ("
                + "  SELECT f.order_id FROM order_status_history f JOIN orders o ON o.id = f.order_id"
                + "  WHERE o.status = 'FAILED' AND f.to_status = 'FAILED'"
                + "  GROUP BY f.order_id HAVING MAX(f.changed_at) >= ? AND MAX(f.changed_at) < ?"
                + ") SELECT (SELECT COUNT(DISTINCT order_id) FROM activated), (SELECT COUNT(*) FROM failed),"
                + " (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM took)::float8)"
                + "    FROM activated)", from, to, from, to).getSingleResult();
        Number p95Seconds = (Number) row[2];
        return new ProvisioningOutcomes(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                p95Seconds == null ? null : Duration.ofMillis(Math.round(p95Seconds.doubleValue() * 1000)));
    }

    /** A native query with {@code ?} parameters bound to {@code instants} in order. */
    private static Query query(String sql, Instant... instants) {
        Query q = JpaTransactionRunner.current().createNativeQuery(sql);
        for (int i = 0; i < instants.length; i++) {
            q.setParameter(i + 1, Timestamp.from(instants[i]));
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, Instant... instants) {
        return query(sql, instants).getResultList();
    }

    private static <K, V> Map<K, V> toMap(List<Object[]> rows, Function<String, K> key, Function<Number, V> value) {
        Map<K, V> map = new TreeMap<>();
        for (Object[] row : rows) {
            map.put(key.apply((String) row[0]), value.apply((Number) row[1]));
        }
        return map;
    }
}
