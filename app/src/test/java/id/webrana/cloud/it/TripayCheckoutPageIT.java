package id.webrana.cloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer pays in the Tripay simulator's checkout page in a real browser (headless Debian
 * Chromium): the order placed and the transaction opened through the API, the "Bayar" button clicked
 * on the page, then the signed callback makes the order PAID and the droplet ACTIVE.
 */
class TripayCheckoutPageIT {

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
    void paying_on_the_checkout_page_makes_the_order_active() throws Exception {
        BillingIT.Placed p = BillingIT.placeOrder(Api.newCustomerToken("browser"), "web-browser");
        JsonObject payment = BillingIT.pay(p, "BRIVA").getJsonObject("payment");
        String checkout = payment.getString("checkoutUrl");
        assertThat(checkout).startsWith(E2e.BASE_URL + "/sandbox/tripay/checkout/");

        browser.get(checkout);
        try {
            String page = browser.getPageSource();
            assertThat(page).contains("Rp 90.000").contains(payment.getString("payCode"));
            browser.findElement(By.id("pay")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> d.getPageSource().contains("PAID") || d.getPageSource().contains("Lunas")
                            || d.getPageSource().contains("LUNAS") || d.getPageSource().contains("Berhasil"));
        } finally {
            CatalogPageIT.screenshot("tripay-checkout");
        }
        BillingIT.awaitInvoice(p, "PAID", Duration.ofSeconds(10));
        JsonObject order = OrderJourneyIT.awaitStatus(p.token(), p.orderId(), "ACTIVE", Duration.ofSeconds(20));
        assertThat(order.getJsonObject("instance").getString("ipv4")).isNotBlank();
    }
}
