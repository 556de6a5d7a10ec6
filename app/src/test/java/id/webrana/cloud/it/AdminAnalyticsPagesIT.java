package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.ActiveServer;
import id.webrana.cloud.it.PortalPages.AdminAnalyticsPage;
import id.webrana.cloud.it.PortalPages.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' analytics page in a real browser, on data the test makes through the API first (an order paid and
 * provisioned to ACTIVE, one rejected, one left unpaid): the KPI cards count them, the three charts are drawn by
 * Chart.js, a reversed range is refused next to the field, a quiet range shows zeros and dashes, and the page reads
 * in English and fits a phone's width. Saves {@code target/screenshots/admin-analytics.png} (and
 * {@code admin-analytics-phone.png}).
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class AdminAnalyticsPagesIT {

    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        CatalogPageIT.openBrowser();
        browser = CatalogPageIT.browser;
    }

    @AfterAll
    static void closeBrowser() {
        CatalogPageIT.closeBrowser();
    }

    @Test
    void the_admin_reads_orders_revenue_conversion_and_provisioning_in_cards_and_charts() {
        Customer customer = PortalPages.newCustomer("web-analytics");
        ActiveServer server = PortalPages.activeServer(customer, PortalPages.hostname("analytics"));
        String rejected = Api.placeMonthlyOrder(customer.token(), PortalPages.hostname("analytics-rejected"));
        Api.Reply rejection = Api.post("/internal/orders/" + rejected + "/payment-status",
                "{\"decision\":\"REJECT\",\"reason\":\"Bukti transfer tidak terbaca\"}", Api.apiKey());
        assertThat(rejection.status()).as(rejection.body()).isEqualTo(200);
        Api.placeMonthlyOrder(customer.token(), PortalPages.hostname("analytics-unpaid"));
        assertThat(server.ipv4()).isNotBlank();

        PortalPages.signIn(browser, PortalPages.admin());
        AdminAnalyticsPage page = AdminAnalyticsPage.open(browser, "");

        // the last 30 days by default, with this test's three orders, the approved one paid and ready
        assertThat(page.value("orders")).isGreaterThanOrEqualTo(3);
        assertThat(page.value("revenue")).isPositive();
        assertThat(page.shown("revenue")).matches("Rp \\d{1,3}(\\.\\d{3})*");
        assertThat(page.value("conversion")).isPositive();
        assertThat(page.outOf("conversion")).isEqualTo(page.value("orders"))
                .isGreaterThan(page.value("conversion"));
        assertThat(page.shown("conversion")).endsWith("%");
        assertThat(page.value("success")).isPositive();
        assertThat(page.outOf("success")).isGreaterThanOrEqualTo(page.value("success"));
        assertThat(page.value("p95")).as("seconds from paid to active").isGreaterThanOrEqualTo(0);
        assertThat(page.shown("p95")).matches("\\d+ (dtk|mnt \\d+ dtk|jam \\d+ mnt)");

        // every chart drawn by Chart.js: 30 days of orders and revenue adding up to the cards, the months' revenue
        List<Number> orders = page.chartData("orders-chart");
        assertThat(orders).hasSize(30);
        assertThat(orders.stream().mapToLong(Number::longValue).sum()).isEqualTo(page.value("orders"));
        List<Number> revenue = page.chartData("revenue-chart");
        assertThat(revenue).hasSize(30);
        assertThat(revenue.stream().mapToLong(Number::longValue).sum()).isEqualTo(page.value("revenue"));
        assertThat(page.chartData("months-chart")).isNotEmpty()
                .anySatisfy(v -> assertThat(v.longValue()).isPositive());
        assertThat(page.chartLabels("months-chart").get(0)).matches("\\p{L}{3} \\d{4}");

        browser.manage().window().setSize(new Dimension(1280, 1250));
        try {
            PortalPages.screenshot("admin-analytics");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        // a range that ends before it starts is refused at the field; a quiet range shows zeros and dashes
        assertThat(page.showRange("10-01-2020", "01-01-2020")).contains("Tanggal akhir tidak boleh sebelum");
        page.showRange("01-01-2020", "31-01-2020");
        assertThat(page.range()).isEqualTo("1 Jan 2020 – 31 Jan 2020");
        assertThat(page.value("orders")).isZero();
        assertThat(page.value("revenue")).isZero();
        assertThat(page.shown("conversion")).isEqualTo("—");
        assertThat(page.value("p95")).isEqualTo(-1);
        assertThat(page.chartData("orders-chart")).hasSize(31).allSatisfy(v -> assertThat(v.longValue()).isZero());

        page.lastDays(7);
        assertThat(page.chartData("orders-chart")).hasSize(7);
        assertThat(page.value("orders")).isGreaterThanOrEqualTo(3);

        // on a phone the cards and charts stack within the screen's width
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            page = AdminAnalyticsPage.open(browser, "");
            for (String chart : AdminAnalyticsPage.CHARTS) {
                assertThat(page.chartData(chart)).isNotEmpty();
            }
            Object sticksOut = ((JavascriptExecutor) browser).executeScript(
                    "var w = document.documentElement.clientWidth;"
                    + "return Array.from(document.querySelectorAll('.kpi, .chart-card, canvas'))"
                    + ".filter(function (e) { return e.getBoundingClientRect().right > w + 1; }).length;");
            assertThat(((Number) sticksOut).intValue()).as("cards and charts wider than the phone").isZero();
            PortalPages.screenshot("admin-analytics-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        // in English
        page = AdminAnalyticsPage.open(browser, "?lang=en");
        assertThat(browser.findElement(By.id("report")).getText()).contains("Revenue per day")
                .contains("Orders per day").contains("Revenue per month").contains("Payment conversion");
        assertThat(page.shown("p95")).matches("\\d+ (s|min \\d+ s|h \\d+ min)");
        assertThat(page.chartData("revenue-chart")).hasSize(30);
        AdminAnalyticsPage.open(browser, "?lang=id");
    }
}
