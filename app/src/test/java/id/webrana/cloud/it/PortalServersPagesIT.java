package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.ActiveServer;
import id.webrana.cloud.it.PortalPages.Customer;
import id.webrana.cloud.it.PortalPages.ServerPage;
import id.webrana.cloud.it.PortalPages.ServersPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's server pages in a real browser (headless Debian Chromium), against the DigitalOcean simulator:
 * the list, the detail page, a reboot and a power-off confirmed in a dialog and followed by the page's poll without
 * a reload, the console explanation, root passwords shown once, and a stranger's server answered as not found.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class PortalServersPagesIT {

    /** Long enough to see an action IN_PROGRESS before the simulator completes it. */
    static final long ACTION_DELAY_SECONDS = 2;
    static final Duration ACTION_DONE = Duration.ofSeconds(30);
    static ChromeDriver browser;
    static long actionDelayBefore = 1;

    @BeforeAll
    static void openBrowser() {
        CatalogPageIT.openBrowser();
        browser = CatalogPageIT.browser;
        Api.Reply config = Api.get("/sandbox/digitalocean/_control/config");
        if (config.status() == 200) {
            actionDelayBefore = config.json().getJsonNumber("actionDelaySeconds").longValue();
        }
        setActionDelay(ACTION_DELAY_SECONDS);
    }

    @AfterAll
    static void closeBrowser() {
        setActionDelay(actionDelayBefore);
        CatalogPageIT.closeBrowser();
    }

    static void setActionDelay(long seconds) {
        Api.Reply set = Api.send("PUT", "/sandbox/digitalocean/_control/config",
                "{\"actionDelaySeconds\":" + seconds + "}");
        assertThat(set.status()).as(set.body()).isLessThan(300);
    }

    @Test
    void the_customer_runs_the_server_from_its_page_and_sees_the_actions_progress_without_reloading() {
        Customer customer = PortalPages.newCustomer("web-srv");
        ActiveServer server = PortalPages.activeServer(customer, PortalPages.hostname("web-srv"));
        PortalPages.signIn(browser, customer);

        ServersPage list = ServersPage.open(browser);
        assertThat(list.row(server.hostname())).contains("Basic 1 GB").contains(server.ipv4()).contains("AKTIF")
                .contains("WIB");
        assertThat(list.status(server.hostname())).isEqualTo("ACTIVE");
        PortalPages.screenshot("portal-servers");

        ServerPage page = list.open(server.hostname());
        assertThat(browser.getCurrentUrl()).contains("/portal/server.xhtml?id=" + server.instanceId());
        assertThat(page.hostname()).isEqualTo(server.hostname());
        assertThat(page.status()).isEqualTo("ACTIVE");
        assertThat(page.ipv4()).isEqualTo(server.ipv4());
        assertThat(page.powerState()).isEqualTo("ACTIVE");

        // DigitalOcean has no console through its API: an explanation, no button
        assertThat(page.hasConsoleButton()).isFalse();
        assertThat(page.consoleUnavailableText()).contains("DigitalOcean").contains("konsol web")
                .contains("ssh root@" + server.ipv4());

        // the root password from creation, once
        assertThat(page.canRevealInitialPassword()).isTrue();
        String initial = page.revealInitialPassword();
        assertThat(initial).hasSize(20);
        page.closePassword();
        assertThat(browser.getPageSource()).doesNotContain(initial);
        assertThat(page.canRevealInitialPassword()).as("shown once").isFalse();

        // reboot through the confirmation dialog: IN_PROGRESS, then COMPLETED by the page's poll
        PortalPages.markPage(browser);
        page.perform("reboot");
        page.awaitActionStatus("reboot", "IN_PROGRESS", PortalPages.WAIT);
        PortalPages.screenshot("portal-server-reboot-in-progress");
        page.awaitActionStatus("reboot", "COMPLETED", ACTION_DONE);
        assertThat(PortalPages.pageKept(browser)).as("no reload: the poll updated the page").isTrue();

        // power off: the provider's power state turns OFF
        page.perform("power_off");
        page.awaitActionStatus("power_off", "COMPLETED", ACTION_DONE);
        page.awaitPowerState("OFF", ACTION_DONE);
        assertThat(PortalPages.pageKept(browser)).isTrue();
        PortalPages.screenshot("portal-server-powered-off");
        PortalPages.screenshotOf(browser, By.cssSelector(".server-actions"), "portal-server-actions");

        // reset password: the dialog explains, the new password is shown once
        String password = page.resetPassword();
        assertThat(password).hasSize(20).isNotEqualTo(initial);
        PortalPages.screenshot("portal-server-new-password");
        page.closePassword();
        assertThat(browser.getPageSource()).doesNotContain(password);
        page.awaitActionStatus("reset_password", "IN_PROGRESS", PortalPages.WAIT); // until the agent applies it
        assertThat(page.actionEnabled("reboot")).as("one action at a time").isFalse();
        assertThat(page.history()).contains("Aksi diminta").contains("reset_password");

        ServerPage reloaded = ServerPage.open(browser, server.instanceId());
        assertThat(reloaded.status()).isEqualTo("ACTIVE");
        assertThat(browser.getPageSource()).doesNotContain(password).doesNotContain(initial);

        // phone width: the page fits the screen (no sideways scrolling)
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            ServerPage.open(browser, server.instanceId());
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(1);
            PortalPages.screenshotOf(browser, By.cssSelector(".server-actions"), "portal-server-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void the_reset_dialog_explains_where_the_password_comes_from_before_anything_happens() {
        Customer customer = PortalPages.newCustomer("web-srv-reset");
        ActiveServer server = PortalPages.activeServer(customer, PortalPages.hostname("web-reset"));
        PortalPages.signIn(browser, customer);

        ServerPage page = ServerPage.open(browser, server.instanceId());
        browser.findElement(By.id("f:action-reset_password")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> d.findElement(
                By.id("f:reset-dialog")).isDisplayed());
        assertThat(page.resetExplanation()).contains("sekali").contains("sekitar satu menit")
                .contains("akun DigitalOcean milik platform");
        browser.findElement(By.id("f:reset-cancel")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> !d.findElement(
                By.id("f:reset-dialog")).isDisplayed());
        assertThat(page.actionStatus("reset_password")).as("cancelled: nothing asked").isNull();
    }

    @Test
    void a_strangers_server_is_not_found() {
        Customer owner = PortalPages.newCustomer("web-srv-owner");
        ActiveServer server = PortalPages.activeServer(owner, PortalPages.hostname("web-own"));
        Customer stranger = PortalPages.newCustomer("web-srv-stranger");
        PortalPages.signIn(browser, stranger);

        ServerPage page = ServerPage.open(browser, server.instanceId());
        assertThat(page.isNotFound()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain(server.hostname()).doesNotContain(server.ipv4());
        assertThat(ServersPage.open(browser).rowsText()).doesNotContain(server.hostname());
        PortalPages.screenshot("portal-server-not-found");
    }
}
