package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.Customer;
import id.webrana.cloud.it.PortalPages.TransactionsPage;
import id.webrana.cloud.it.PortalPages.WalletAdjustmentPage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' billing pages in a real browser, signed in as the server's admin: a payment made through the
 * Tripay simulator shows in the transactions, and a wallet adjustment needs a reason and lands in the ledger.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class AdminBillingPagesIT {

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
    void the_admin_sees_a_gateway_payment_in_the_transactions() throws Exception {
        Customer customer = PortalPages.newCustomer("web-adm-pay");
        BillingIT.Placed order = BillingIT.placeOrder(customer.token(), "web-adm-pay");
        JsonObject payment = BillingIT.pay(order, "BRIVA").getJsonObject("payment");
        String reference = payment.getString("reference");
        Api.Reply settled = Api.post("/sandbox/tripay/_control/transactions/" + reference + "/pay", "{}");
        assertThat(settled.status()).as(settled.body()).isLessThan(300);
        BillingIT.awaitInvoice(order, "PAID", Duration.ofSeconds(15));

        PortalPages.signIn(browser, PortalPages.admin());
        TransactionsPage transactions = TransactionsPage.open(browser);
        String row = transactions.rowWithReference(reference);
        assertThat(row).contains("Rp 90.000").contains("BRI Virtual Account").contains(customer.userId());
        PortalPages.screenshot("admin-transactions");

        browser.findElement(By.linkText("Buka tagihan")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-status")));
        assertThat(browser.findElement(By.id("invoice-status")).getAttribute("data-status")).isEqualTo("PAID");
        assertThat(browser.getPageSource()).contains(reference);
    }

    @Test
    void a_wallet_adjustment_needs_a_reason_and_lands_in_the_customers_ledger() {
        Customer customer = PortalPages.newCustomer("web-adjust");
        PortalPages.signIn(browser, PortalPages.admin());

        WalletAdjustmentPage page = WalletAdjustmentPage.open(browser);
        String refused = page.adjust(customer.userId(), 25_000, "");
        assertThat(refused).contains("Alasan wajib diisi");
        assertThat(balance(customer)).isZero();

        String done = page.adjust(customer.userId(), 25_000, "kompensasi gangguan jaringan");
        assertThat(done).contains("+Rp 25.000").contains("Rp 25.000");
        PortalPages.screenshot("admin-wallet-adjustment");
        assertThat(balance(customer)).isEqualTo(25_000);
        assertThat(Api.get("/api/v1/wallet/transactions", Api.bearer(customer.token())).body())
                .contains("\"type\":\"ADJUSTMENT\"");
    }

    private static long balance(Customer c) {
        return Api.get("/api/v1/wallet", Api.bearer(c.token())).json().getJsonNumber("balance").longValue();
    }
}
