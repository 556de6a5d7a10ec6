package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.Customer;
import id.webrana.cloud.it.PortalPages.OrderDetailPage;
import id.webrana.cloud.it.PortalPages.OrderWizardPage;
import id.webrana.cloud.it.PortalPages.ServerPage;
import id.webrana.cloud.it.PortalPages.SignupPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's whole purchase in a real browser (headless Debian Chromium): signing up in the portal, verifying the
 * email from the local mailbox, ordering through the wizard (period, plan, image, hostname and SSH key, a coupon,
 * the price breakdown, a Tripay channel), paying in the Tripay simulator's checkout page while the order's page goes
 * from awaiting payment to ACTIVE by itself, then rebooting the new server; and the dashboard with what the run
 * left. A second journey starts from the landing page's period switch and pays from the wallet.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class PortalPurchaseJourneyIT {

    static final String PLAN = OrderJourneyIT.PLAN;
    static final String IMAGE = OrderJourneyIT.IMAGE;
    static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx3lW0n0vXgG8p8Q0gW1o1u8d2b6r5f0t4n2k9m7q3s rina@laptop";
    static final Duration TO_ACTIVE = Duration.ofSeconds(60);
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
    void a_new_customer_signs_up_orders_through_the_wizard_pays_in_the_checkout_page_and_reboots_the_server() {
        String email = "web-buy-" + System.nanoTime() + "@example.id";
        String hostname = PortalPages.hostname("toko-rina");

        // sign up in the portal: signed in at once, on the dashboard
        browser.manage().deleteAllCookies();
        SignupPage.open(browser).fill("Rina Kusuma", email, "0812 3456 7890", "Rahasia123", "Rahasia123")
                .submitAccepted();
        assertThat(browser.findElement(By.id("welcome")).getText()).contains(email);
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Rina Kusuma");

        // the verification link of the local mailbox verifies the address
        browser.get(PortalPages.mailedLink(email, "ACCOUNT_EMAIL_VERIFICATION", "/app/verify-email?token=",
                Duration.ofSeconds(20)));
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));
        assertThat(browser.getCurrentUrl()).contains("/app/verify-email.xhtml?token=");

        // the wizard, from the portal's menu
        browser.get(PortalPages.app("/portal/index.xhtml"));
        browser.findElement(By.id("nav-order")).click();
        OrderWizardPage wizard = OrderWizardPage.shown(browser);
        assertThat(wizard.step()).isEqualTo(1);
        assertThat(wizard.next()).as("no plan chosen").isEqualTo(1);
        assertThat(wizard.message("plans")).isEqualTo("Pilih salah satu paket.");

        wizard.choosePeriod("YEARLY");
        wizard.choosePlan(PLAN);
        assertThat(wizard.summary("summary-final")).isEqualTo("Rp 900.000");
        wizard.choosePeriod("MONTHLY");
        assertThat(wizard.summary("summary-final")).as("the price follows the period").isEqualTo("Rp 90.000");
        assertThat(wizard.summary("summary-plan")).isEqualTo("Basic 1 GB");
        assertThat(wizard.next()).isEqualTo(2);

        assertThat(wizard.next()).as("no image chosen").isEqualTo(2);
        assertThat(wizard.message("images")).isEqualTo("Pilih salah satu sistem operasi.");
        wizard.chooseImage(IMAGE);
        assertThat(wizard.summary("summary-image")).isEqualTo("Ubuntu 24.04 LTS");
        assertThat(wizard.next()).isEqualTo(3);

        // a refused hostname: the message next to it, the SSH key typed is kept
        wizard.hostname("toko_rina!");
        wizard.sshKeys(SSH_KEY);
        assertThat(wizard.next()).isEqualTo(3);
        assertThat(wizard.message("hostname")).startsWith("Hostname tidak valid");
        assertThat(wizard.fieldValue("ssh-keys")).isEqualTo(SSH_KEY);
        assertThat(wizard.fieldValue("hostname")).isEqualTo("toko_rina!");
        wizard.sshKeys(SSH_KEY + "\nbukan kunci");
        wizard.hostname(hostname);
        assertThat(wizard.next()).isEqualTo(3);
        assertThat(wizard.message("ssh-keys")).startsWith("Baris 2 bukan kunci publik OpenSSH");
        wizard.sshKeys(SSH_KEY);
        assertThat(wizard.next()).isEqualTo(4);

        // coupons: an unknown one is explained, HEMAT10 takes 10 % off at once
        wizard.applyCoupon("NGAWUR99");
        assertThat(wizard.message("coupon")).isEqualTo("Kupon ini tidak dikenal.");
        assertThat(wizard.fieldValue("coupon")).isEqualTo("NGAWUR99");
        wizard.applyCoupon("hemat10");
        assertThat(wizard.summary("summary-coupon")).isEqualTo("-Rp 9.000");
        assertThat(wizard.summary("summary-final")).isEqualTo("Rp 81.000");
        assertThat(wizard.next()).isEqualTo(5);

        // the price breakdown
        assertThat(wizard.breakdown("breakdown-base")).isEqualTo("Rp 90.000");
        assertThat(wizard.breakdown("breakdown-coupon")).isEqualTo("-Rp 9.000");
        assertThat(wizard.breakdown("breakdown-final")).isEqualTo("Rp 81.000");
        assertThat(browser.findElement(By.id("review-hostname")).getText()).isEqualTo(hostname);
        assertThat(browser.findElement(By.id("review-keys")).getText()).isEqualTo("1");
        PortalPages.screenshot("wizard-breakdown");

        // going back keeps every choice
        wizard.back();
        assertThat(wizard.fieldValue("coupon")).isEqualTo("HEMAT10");
        assertThat(wizard.next()).isEqualTo(5);
        assertThat(wizard.next()).isEqualTo(6);

        // pay with BRI Virtual Account: the order's page shows the pay code and the checkout link
        assertThat(browser.findElement(By.cssSelector("a.method-choice.method-BRIVA")).getText())
                .contains("BRI Virtual Account").contains("Rp ");
        assertThat(browser.findElement(By.cssSelector("a.method-choice.method-WALLET")).getAttribute("class"))
                .as("an empty wallet cannot pay").contains("disabled");
        wizard.chooseMethod("BRIVA");
        assertThat(browser.findElement(By.id("chosen-method")).getText()).isEqualTo("BRI Virtual Account");
        OrderDetailPage order = wizard.pay();
        assertThat(order.status()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.textOf("order-final")).isEqualTo("Rp 81.000");
        String payCode = order.payCode();
        String checkout = order.checkoutUrl();
        assertThat(checkout).startsWith(E2e.BASE_URL + "/sandbox/tripay/checkout/");
        PortalPages.screenshot("order-awaiting-payment");

        // pay in the simulator's checkout page in another tab; the order's page follows by itself
        PortalPages.markPage(browser);
        String orderTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(checkout);
        assertThat(browser.findElement(By.id("pay-code")).getText()).isEqualTo(payCode);
        browser.findElement(By.id("pay")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("return")));
        browser.close();
        browser.switchTo().window(orderTab);

        order.awaitStatus("ACTIVE", TO_ACTIVE);
        assertThat(PortalPages.pageKept(browser)).as("no reload: the poll moved the page to ACTIVE").isTrue();
        assertThat(order.percent()).isEqualTo(100);
        assertThat(order.timeline()).containsExactly("PENDING_PAYMENT", "PAID", "PROVISIONING", "ACTIVE");
        assertThat(order.timelineText()).contains("WIB").contains("Pelanggan").contains("Sistem (")
                .contains("Dibayar melalui BRI Virtual Account");
        browser.manage().window().setSize(new Dimension(1280, 1500));
        try {
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
            PortalPages.screenshot("order-timeline");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        // the server's page, and a reboot confirmed in its dialog
        ServerPage server = order.openServer();
        assertThat(server.hostname()).isEqualTo(hostname);
        assertThat(server.status()).isEqualTo("ACTIVE");
        server.perform("reboot");
        server.awaitActionStatus("reboot", "COMPLETED", Duration.ofSeconds(30));

        // the dashboard with the run's data: the server, a second order left unpaid, a wallet credit
        Customer rina = login(email, "Rahasia123");
        BillingIT.placeOrder(rina.token(), PortalPages.hostname("toko-rina-2"));
        Api.Reply credit = Api.post("/internal/wallets/" + rina.userId() + "/adjustments",
                "{\"amount\":150000,\"reason\":\"kompensasi gangguan jaringan\"}", Api.apiKey());
        assertThat(credit.status()).as(credit.body()).isEqualTo(201);
        browser.get(PortalPages.app("/portal/index.xhtml"));
        assertThat(browser.findElement(By.id("dashboard-servers")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("dashboard-unpaid")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("dashboard-balance")).getText()).isEqualTo("Rp 150.000");
        WebElement servers = browser.findElement(By.id("dashboard-server-list"));
        assertThat(servers.getText()).contains(hostname).contains("AKTIF");
        assertThat(browser.findElement(By.id("dashboard-unpaid-list")).getText()).contains("Rp 90.000");
        assertThat(browser.findElement(By.id("dashboard-orders")).getText()).contains("MENUNGGU PEMBAYARAN");
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> {
            d.navigate().refresh(); // the notifications are delivered by a worker: look again until they arrived
            return d.findElement(By.id("dashboard-notifications")).getText().contains(hostname);
        });
        PortalPages.screenshot("dashboard");
    }

    @Test
    void the_landing_page_switches_periods_in_place_and_an_order_from_it_is_paid_from_the_wallet() {
        Customer customer = PortalPages.newCustomer("web-wallet");
        Api.Reply credit = Api.post("/internal/wallets/" + customer.userId() + "/adjustments",
                "{\"amount\":50000,\"reason\":\"saldo uji coba\"}", Api.apiKey());
        assertThat(credit.status()).as(credit.body()).isEqualTo(201);
        PortalPages.signIn(browser, customer);

        // the landing page: monthly prices first, the switch changes them without a reload
        browser.get(PortalPages.app("/"));
        PortalPages.markPage(browser);
        By basic = By.cssSelector("article.plan-card[data-plan='" + PLAN + "'] .period-price");
        assertThat(visiblePrice(basic)).contains("Rp 90.000");
        browser.findElement(By.id("period-YEARLY")).click();
        assertThat(visiblePrice(basic)).contains("Rp 900.000");
        By standard = By.cssSelector("article.plan-card[data-plan='22222222-0000-0000-0000-000000000003'] .period-price");
        assertThat(visiblePrice(standard)).contains("Rp 2.295.000").contains("Rp 2.700.000")
                .contains("Promo Tahunan 15%");
        browser.findElement(By.id("period-DAILY")).click();
        assertThat(visiblePrice(basic)).contains("Rp 3.000").contains("/ hari");
        assertThat(PortalPages.pageKept(browser)).isTrue();
        PortalPages.screenshot("landing-daily");

        // its order button opens the wizard with the plan and the period chosen
        browser.findElements(basic).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow()
                .findElement(By.cssSelector("a.order-link")).click();
        OrderWizardPage wizard = OrderWizardPage.shown(browser);
        assertThat(wizard.summary("summary-plan")).isEqualTo("Basic 1 GB");
        assertThat(wizard.summary("summary-final")).isEqualTo("Rp 3.000");
        assertThat(browser.findElement(By.id("summary-period")).getText()).isEqualTo("Harian");
        assertThat(wizard.next()).isEqualTo(2);
        wizard.chooseImage("11111111-0000-0000-0000-000000000012");
        assertThat(wizard.next()).isEqualTo(3);
        String hostname = PortalPages.hostname("harian");
        wizard.hostname(hostname);
        assertThat(wizard.next()).isEqualTo(4);
        wizard.applyCoupon("HEMAT10");
        assertThat(wizard.message("coupon")).as("HEMAT10 is not sold for DAILY")
                .isEqualTo("Kupon ini tidak berlaku untuk periode yang dipilih.");
        wizard.applyCoupon("");
        assertThat(wizard.next()).isEqualTo(5);
        assertThat(wizard.breakdown("breakdown-final")).isEqualTo("Rp 3.000");
        assertThat(wizard.next()).isEqualTo(6);
        wizard.chooseMethod("WALLET");
        assertThat(browser.findElement(By.id("pay-total")).getText()).isEqualTo("Rp 3.000");

        OrderDetailPage order = wizard.pay();
        order.awaitStatus("ACTIVE", TO_ACTIVE);
        assertThat(order.timeline()).containsExactly("PENDING_PAYMENT", "PAID", "PROVISIONING", "ACTIVE");
        assertThat(order.timelineText()).contains("Dibayar dari saldo dompet");

        // phone width: the wizard and the order's page fit the screen (no sideways scrolling)
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            String orderUrl = browser.getCurrentUrl();
            OrderWizardPage.open(browser).choosePlan(PLAN);
            assertThat(sidewaysOverflow()).as("wizard").isLessThanOrEqualTo(1);
            PortalPages.screenshot("wizard-phone");
            browser.get(orderUrl);
            OrderDetailPage.shown(browser);
            assertThat(sidewaysOverflow()).as("order page").isLessThanOrEqualTo(1);
            PortalPages.screenshot("order-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        assertThat(PortalPages.WalletPage.open(browser).balance()).isEqualTo("Rp 47.000");

        // the order is in the history, and a stranger cannot open it
        browser.get(PortalPages.app("/portal/orders.xhtml"));
        assertThat(PortalPages.text(browser, By.id("f:orders"))).contains(hostname).contains("AKTIF").contains("Rp 3.000");
        String orderId = browser.findElement(By.xpath("//a[contains(@class,'order-link') and normalize-space(.)='"
                + hostname + "']")).getAttribute("href").replaceAll(".*id=", "");
        PortalPages.signIn(browser, PortalPages.newCustomer("web-wallet-stranger"));
        OrderDetailPage strangers = OrderDetailPage.open(browser, orderId);
        assertThat(strangers.isNotFound()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain(hostname);
    }

    static int sidewaysOverflow() {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
    }

    /** The text of the period price a card shows now (the others are hidden). */
    static String visiblePrice(By prices) {
        return PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> d.findElements(prices).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).findFirst().orElse(null));
    }

    static Customer login(String email, String password) {
        Api.Reply login = Api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Customer(email, password, login.json().getString("accessToken"));
    }
}
