package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.Customer;
import id.webrana.cloud.it.PortalPages.InvoicePage;
import id.webrana.cloud.it.PortalPages.WalletPage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's billing pages in a real browser (headless Debian Chromium): paying an order's invoice through the
 * Tripay simulator's checkout page while the invoice page turns LUNAS by itself, and a wallet top-up.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class PortalBillingPagesIT {

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
    void a_customer_pays_with_briva_in_the_checkout_page_and_the_invoice_page_turns_lunas_by_itself() {
        Customer customer = PortalPages.newCustomer("web-pay");
        BillingIT.Placed order = BillingIT.placeOrder(customer.token(), "web-ui-pay");
        PortalPages.signIn(browser, customer);

        InvoicePage invoice = InvoicePage.open(browser, order.invoiceId());
        assertThat(invoice.status()).isEqualTo("UNPAID");
        assertThat(invoice.statusText()).isEqualTo("BELUM DIBAYAR");
        assertThat(invoice.total()).isEqualTo("Rp 90.000");
        assertThat(invoice.channelLabel("BRIVA")).contains("BRI Virtual Account").contains("Rp ");
        assertThat(invoice.channelLabel("QRIS")).isNotBlank();

        invoice.choose("BRIVA");
        invoice.pay();
        String payCode = invoice.payCode();
        assertThat(payCode).isNotBlank();
        PortalPages.waitFor(browser, PortalPages.WAIT) // the countdown ticks every second
                .until(d -> invoice.countdown().matches("(\\d+d )?\\d+:\\d{2}:\\d{2}"));
        String checkout = invoice.checkoutUrl();
        assertThat(checkout).startsWith(E2e.BASE_URL + "/sandbox/tripay/checkout/");
        PortalPages.screenshot("portal-invoice-payment");

        // pay in the simulator's page in a second tab; the invoice page stays open in the first one
        String invoiceTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(checkout);
        assertThat(browser.findElement(By.id("pay-code")).getText()).isEqualTo(payCode);
        browser.findElement(By.id("pay")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("return")));
        String checkoutTab = browser.getWindowHandle();

        browser.switchTo().window(invoiceTab);
        invoice.awaitStatus("PAID", Duration.ofSeconds(30)); // the 3-second poll, no reload
        assertThat(invoice.statusText()).isEqualTo("LUNAS");
        assertThat(browser.findElements(By.id("f:pay-button"))).isEmpty();
        PortalPages.screenshot("portal-invoice-lunas");

        // back from the checkout page through Tripay's return link: the invoice shows LUNAS as well
        browser.switchTo().window(checkoutTab);
        browser.findElement(By.id("return")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT).until(ExpectedConditions.urlContains("returned=1"));
        InvoicePage returned = new InvoicePage(browser);
        returned.awaitStatus("PAID", PortalPages.WAIT);
        assertThat(browser.findElement(By.id("paid-method")).getText()).isEqualTo("BRI Virtual Account");
        browser.close();
        browser.switchTo().window(invoiceTab);

        JsonObject paid = BillingIT.invoice(order);
        assertThat(paid.getString("status")).isEqualTo("PAID");
    }

    @Test
    void the_wallet_top_up_raises_a_deposit_invoice_and_opens_it_for_payment() {
        Customer customer = PortalPages.newCustomer("web-topup");
        PortalPages.signIn(browser, customer);

        WalletPage wallet = WalletPage.open(browser);
        assertThat(wallet.balance()).isEqualTo("Rp 0");
        String invoiceId = wallet.topUp(150_000);

        InvoicePage invoice = new InvoicePage(browser);
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-status")));
        assertThat(invoice.status()).isEqualTo("UNPAID");
        assertThat(invoice.total()).isEqualTo("Rp 150.000");
        assertThat(invoice.channelLabel("BRIVA")).contains("Rp ");
        assertThat(invoice.hasWalletButton()).as("a top-up is never paid from the wallet").isFalse();
        PortalPages.screenshot("portal-wallet-topup-invoice");

        Api.Reply rest = Api.get("/api/v1/billing/invoices/" + invoiceId, Api.bearer(customer.token()));
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(rest.json().getString("purpose")).isEqualTo("DEPOSIT");
        assertThat(rest.json().getJsonNumber("total").longValue()).isEqualTo(150_000);
    }
}
