package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.AnalyticsPage.View;
import id.webrana.cloud.adapter.in.faces.admin.ChartJs.Kind;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.AnalyticsReport;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.DailyFigures;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.MonthlyRevenue;
import id.webrana.cloud.application.port.in.AnalyticsUseCase.Rate;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analytics page's cards and Chart.js configurations from a report (outside Faces the texts are Indonesian). */
class AnalyticsPageTest {

    private static final Locale ID = Locale.forLanguageTag("id");

    private static AnalyticsReport report(long paid, long placedOnFirstDay, long succeeded, long failed,
                                          Duration p95) {
        return new AnalyticsReport(LocalDate.parse("2026-08-30"), LocalDate.parse("2026-09-01"),
                List.of(new DailyFigures(LocalDate.parse("2026-08-30"), placedOnFirstDay, Money.rupiah(1_500_000)),
                        new DailyFigures(LocalDate.parse("2026-08-31"), 0, Money.ZERO),
                        new DailyFigures(LocalDate.parse("2026-09-01"), 2, Money.rupiah(250_000))),
                List.of(new MonthlyRevenue(YearMonth.of(2026, 8), Money.rupiah(4_000_000)),
                        new MonthlyRevenue(YearMonth.of(2026, 9), Money.rupiah(250_000))),
                placedOnFirstDay + 2, paid, Money.rupiah(1_750_000), succeeded, failed, p95);
    }

    @Test
    void the_cards_show_counts_rupiah_percentages_and_the_p95_in_minutes_and_seconds() {
        View view = AnalyticsPage.view(report(2, 1, 4, 1, Duration.ofSeconds(546)), ID);

        assertThat(view.range()).isEqualTo("30 Agu 2026 – 1 Sep 2026");
        assertThat(view.days()).isEqualTo(3);
        assertThat(view.orders()).isEqualTo("3");
        assertThat(view.revenue()).isEqualTo("Rp 1.750.000");
        assertThat(view.revenueRupiah()).isEqualTo(1_750_000);
        assertThat(view.conversion()).isEqualTo("66,7%");
        assertThat(view.conversionDetail()).isEqualTo("2 dari 3 pesanan dibayar");
        assertThat(view.success()).isEqualTo("80%");
        assertThat(view.successDetail()).isEqualTo("4 dari 5 yang selesai menjadi aktif");
        assertThat(view.provisioningFinished()).isEqualTo(5);
        assertThat(view.p95()).isEqualTo("9 mnt 6 dtk");
        assertThat(view.p95Seconds()).isEqualTo(546);
    }

    @Test
    void a_range_without_orders_or_provisioning_shows_dashes_not_zero_percent() {
        View view = AnalyticsPage.view(new AnalyticsReport(LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-09-01"), List.of(new DailyFigures(LocalDate.parse("2026-09-01"), 0, Money.ZERO)),
                List.of(new MonthlyRevenue(YearMonth.of(2026, 9), Money.ZERO)), 0, 0, Money.ZERO, 0, 0, null), ID);

        assertThat(view.conversion()).isEqualTo("—");
        assertThat(view.success()).isEqualTo("—");
        assertThat(view.p95()).isEqualTo("—");
        assertThat(view.p95Seconds()).isEqualTo(-1);
        assertThat(view.revenue()).isEqualTo("Rp 0");
    }

    @Test
    void percentages_and_durations_follow_the_language_and_size() {
        assertThat(AnalyticsPage.percent(new Rate(2, 3), Locale.ENGLISH)).isEqualTo("66.7%");
        assertThat(AnalyticsPage.percent(new Rate(3, 3), ID)).isEqualTo("100%");
        assertThat(AnalyticsPage.duration(Duration.ofMillis(44_600), ID)).isEqualTo("45 dtk");
        assertThat(AnalyticsPage.duration(Duration.ofSeconds(3_900), ID)).isEqualTo("1 jam 5 mnt");
        assertThat(AnalyticsPage.duration(Duration.ofSeconds(3_900), Locale.ENGLISH)).isEqualTo("1 h 5 min");
    }

    @Test
    void the_charts_carry_one_value_per_day_and_per_month_with_their_labels() {
        View view = AnalyticsPage.view(report(2, 1, 4, 1, Duration.ofSeconds(546)), ID);

        assertThat(view.ordersChart()).startsWith("{\"type\":\"bar\"")
                .contains("\"labels\":[\"30 Agu\",\"31 Agu\",\"1 Sep\"]")
                .contains("\"label\":\"Pesanan per hari\",\"data\":[1,0,2]")
                .contains("\"precision\":0");
        assertThat(view.revenueChart()).startsWith("{\"type\":\"line\"").contains("\"data\":[1500000,0,250000]");
        assertThat(view.monthsChart()).contains("\"labels\":[\"Agu 2026\",\"Sep 2026\"]")
                .contains("\"data\":[4000000,250000]");
    }

    @Test
    void chart_text_is_escaped_for_json_and_cannot_close_the_script_it_is_written_into() {
        String json = ChartJs.chart(Kind.BAR, "a \"quoted\" \\ </script>", List.of("x&y"), List.of(1L), "#123456",
                true);

        assertThat(json).contains("\"label\":\"a \\\"quoted\\\" \\\\ \\u003c/script\\u003e\"")
                .contains("\"labels\":[\"x\\u0026y\"]").doesNotContain("</").doesNotContain("]]>");
        assertThatThrownBy(() -> ChartJs.chart(Kind.LINE, "x", List.of("a", "b"), List.of(1L), "#000", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
