package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.ChartJs.Kind;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AnalyticsUseCase;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.AnalyticsReport;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.DailyFigures;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.MonthlyRevenue;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.Rate;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/analytics.xhtml}: the shop's figures over a range of Asia/Jakarta days (the last 30 by default):
 * orders placed, revenue in rupiah, payment conversion, provisioning success rate and p95 time as cards, and charts of
 * orders per day, revenue per day and revenue per month ({@link AnalyticsUseCase} defines each figure).
 */
@Named
@ViewScoped
public class AnalyticsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The range shown when the page opens: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    static final String ORDERS_COLOR = "#1565c0";
    static final String REVENUE_COLOR = "#2e7d32";
    static final String MONTHS_COLOR = "#6a1b9a";

    @Inject
    AnalyticsUseCase analytics;

    private LocalDate from;
    private LocalDate to;
    private View view;

    /**
     * What the page shows, as ready text and Chart.js JSON (serializable, as the view keeps it between requests).
     *
     * <p>The numbers behind the text go into the cards' {@code data-value} attributes as well.
     *
     * @param ordersPaid           of {@code ordersPlaced}, the ones paid
     * @param provisioned          orders that became ACTIVE, out of {@code provisioningFinished} (ACTIVE + FAILED)
     * @param p95Seconds           the seconds behind {@code p95}, or -1 when no server became ready
     */
    public record View(String range, int days, long ordersPlaced, String orders, long revenueRupiah, String revenue,
                       long ordersPaid, String conversion, String conversionDetail, long provisioned,
                       long provisioningFinished, String success, String successDetail, long p95Seconds, String p95,
                       String p95Detail, String ordersChart, String revenueChart, String monthsChart)
            implements Serializable {
    }

    @PostConstruct
    void init() {
        lastDays(DEFAULT_DAYS);
    }

    /** Shows the last {@code days} days up to today in Jakarta. */
    public void lastDays(int days) {
        to = LocalDate.now(Formats.JAKARTA);
        from = to.minusDays(days - 1L);
        load();
    }

    /** Shows the chosen range, after checking it (both days given, in order, at most a leap year long). */
    public void show() {
        boolean ok = true;
        if (from == null) {
            Texts.fieldError("range:from", "admin.analytics.dayRequired");
            ok = false;
        }
        if (to == null) {
            Texts.fieldError("range:to", "admin.analytics.dayRequired");
            ok = false;
        }
        if (ok && to.isBefore(from)) {
            Texts.fieldError("range:to", "admin.analytics.rangeReversed");
            ok = false;
        }
        if (ok && ChronoUnit.DAYS.between(from, to) + 1 > AnalyticsUseCase.MAX_DAYS) {
            Texts.fieldError("range:to", "admin.analytics.rangeTooLong", AnalyticsUseCase.MAX_DAYS);
            ok = false;
        }
        if (ok) {
            load();
        }
    }

    private void load() {
        try {
            view = view(analytics.report(from, to), Formats.pageLocale());
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    /** The page's text and charts for {@code report}, in {@code locale} (the page's language). */
    static View view(AnalyticsReport r, Locale locale) {
        DateTimeFormatter dayLabel = DateTimeFormatter.ofPattern("d MMM", locale);
        DateTimeFormatter fullDay = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        DateTimeFormatter monthLabel = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        List<DailyFigures> days = r.days();
        List<String> dayLabels = days.stream().map(d -> dayLabel.format(d.day())).toList();
        String ordersChart = ChartJs.chart(Kind.BAR, Texts.get(locale, "admin.analytics.chart.orders"), dayLabels,
                days.stream().map(DailyFigures::orders).toList(), ORDERS_COLOR, true);
        String revenueChart = ChartJs.chart(Kind.LINE, Texts.get(locale, "admin.analytics.chart.revenue"), dayLabels,
                days.stream().map(d -> d.revenue().rupiah()).toList(), REVENUE_COLOR, false);
        String monthsChart = ChartJs.chart(Kind.BAR, Texts.get(locale, "admin.analytics.chart.months"),
                r.months().stream().map(m -> monthLabel.format(m.month())).toList(),
                r.months().stream().map(MonthlyRevenue::revenue).map(m -> m.rupiah()).toList(), MONTHS_COLOR, false);
        Rate conversion = r.paymentConversion();
        Rate success = r.provisioningSuccess();
        Duration p95 = r.p95ProvisioningTime();
        NumberFormat count = NumberFormat.getIntegerInstance(locale);
        return new View(fullDay.format(r.from()) + " – " + fullDay.format(r.to()), days.size(), r.ordersPlaced(),
                count.format(r.ordersPlaced()), r.revenue().rupiah(), Formats.money(r.revenue()),
                conversion.count(), percent(conversion, locale),
                Texts.get(locale, "admin.analytics.conversion.detail", conversion.count(), conversion.outOf()),
                success.count(), success.outOf(), percent(success, locale),
                Texts.get(locale, "admin.analytics.success.detail", success.count(), success.outOf()),
                p95 == null ? -1 : Math.round(p95.toMillis() / 1000.0), duration(p95, locale),
                Texts.get(locale, "admin.analytics.p95.detail", r.provisioningSucceeded()), ordersChart, revenueChart,
                monthsChart);
    }

    /** {@code 66,7%} in Bahasa Indonesia, {@code 66.7%} in English; a dash when nothing was counted. */
    static String percent(Rate rate, Locale locale) {
        if (!rate.isKnown()) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(0);
        return f.format(rate.percent()) + "%";
    }

    /** {@code 45 dtk}, {@code 9 mnt 6 dtk}, {@code 1 jam 5 mnt} (rounded to the second), or a dash. */
    static String duration(Duration d, Locale locale) {
        if (d == null) {
            return "—";
        }
        long s = Math.round(d.toMillis() / 1000.0);
        if (s < 60) {
            return Texts.get(locale, "admin.analytics.duration.seconds", s);
        }
        if (s < 3600) {
            return Texts.get(locale, "admin.analytics.duration.minutes", s / 60, s % 60);
        }
        return Texts.get(locale, "admin.analytics.duration.hours", s / 3600, s % 3600 / 60);
    }

    public View getView() {
        return view;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public int getMaxDays() {
        return AnalyticsUseCase.MAX_DAYS;
    }
}
