package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification pages in a real browser: the customer's bell, list and settings; the operators' template editor
 * (an unknown variable is refused with the reason), notification history and local mailbox. Messages are queued
 * with the operators' send endpoint and delivered by the server's dispatcher.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class NotificationPagesIT {

    static final Duration DELIVERY = Duration.ofSeconds(30);
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

    static void send(Customer to, String channel, String subject, String message) {
        Api.Reply sent = Api.post("/internal/notifications/send", "{\"userId\":\"" + to.userId() + "\",\"channel\":\""
                + channel + "\",\"subject\":\"" + subject + "\",\"message\":\"" + message + "\"}", Api.apiKey());
        assertThat(sent.status()).as(sent.body()).isLessThan(300);
    }

    /** Reloads the page until {@code locator} is there (the dispatcher delivers within seconds). */
    static WebElement reloadUntil(String url, By locator, Duration within) {
        return PortalPages.waitFor(browser, within).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            d.get(url);
            List<WebElement> found = d.findElements(locator);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    @Test
    void the_customer_sees_the_bell_reads_the_messages_and_switches_to_english_in_the_settings() {
        Customer customer = PortalPages.newCustomer("web-bell");
        send(customer, "IN_APP", "Pemeliharaan jaringan", "Jaringan Jakarta dipelihara malam ini pukul 23.00 WIB.");
        PortalPages.signIn(browser, customer);

        reloadUntil(PortalPages.app("/portal/notifications.xhtml"), By.cssSelector("tr.unread"), DELIVERY);
        assertThat(browser.findElement(By.id("bell-count")).getText()).isNotEqualTo("0");
        assertThat(browser.findElement(By.id("f:inbox")).getText()).contains("Jaringan Jakarta dipelihara");
        PortalPages.screenshot("portal-notifications");

        browser.findElement(By.id("f:read-all")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(d -> d.findElements(By.cssSelector("tr.unread")).isEmpty()
                        && d.findElements(By.id("bell-count")).isEmpty());

        browser.get(PortalPages.app("/portal/settings.xhtml"));
        WebElement english = browser.findElement(By.cssSelector("input[type='radio'][value='en']"));
        browser.findElement(By.cssSelector("label[for='" + english.getAttribute("id") + "']")).click();
        browser.findElement(By.id("prefs:save")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(d -> d.findElement(By.id("messages")).getText().contains("Settings saved."));
        assertThat(browser.findElement(By.id("session:logout")).getText()).isEqualTo("Sign out");
        PortalPages.screenshot("portal-settings-english");
    }

    @Test
    void the_admin_edits_a_template_with_preview_and_reads_the_history_and_the_local_mailbox() {
        Customer customer = PortalPages.newCustomer("web-mail");
        send(customer, "EMAIL", "Tagihan Anda siap", "Silakan cek portal WeBrana.");
        PortalPages.signIn(browser, PortalPages.admin());

        // the local mailbox caught the email (no SMTP configured): read it, its HTML sandboxed
        browser.get(PortalPages.app("/admin/mailbox.xhtml"));
        PortalPages.waitFor(browser, DELIVERY).pollingEvery(Duration.ofSeconds(1))
                .until(d -> {
                    WebElement to = d.findElement(By.id("f:recipient"));
                    to.clear();
                    to.sendKeys(customer.email());
                    d.findElement(By.id("f:search")).click();
                    try { // the form is replaced by the Ajax update
                        return PortalPages.waitFor(d, Duration.ofSeconds(3)).until(x -> x.findElement(By.id("f:mails"))
                                .getText().contains(customer.email()));
                    } catch (TimeoutException notYet) {
                        return false;
                    }
                });
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(d -> {
                    d.findElement(By.cssSelector("[id$=':read']")).click();
                    return true;
                });
        WebElement subject = PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("mail-subject")));
        assertThat(subject.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("mail-text")).getText()).contains("Silakan cek portal WeBrana.");
        List<WebElement> frames = browser.findElements(By.id("mail-html"));
        frames.forEach(f -> assertThat(f.getAttribute("sandbox")).isEmpty());
        PortalPages.screenshot("admin-mailbox");

        // the history lists it for the recipient, and it can be resent
        browser.get(PortalPages.app("/admin/notifications.xhtml"));
        browser.findElement(By.id("filters:recipient")).sendKeys(customer.email());
        browser.findElement(By.id("filters:search")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(d -> d.findElement(By.id("table:history")).getText().contains(customer.email()));
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> {
            d.findElement(By.cssSelector("[id$=':resend']")).click();
            return true;
        });
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(d -> !d.findElement(By.id("messages")).getText().isBlank());

        // the template editor: an unknown variable is refused with its name, the preview renders the text
        browser.get(PortalPages.app("/admin/templates.xhtml"));
        browser.findElement(By.cssSelector("[id$=':edit']")).click();
        WebElement body = PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("f:body")));
        String original = body.getAttribute("value");
        body.sendKeys(" {{variabelTidakAda}}");
        browser.findElement(By.id("f:save")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(d -> d.findElement(By.id("messages")).getText().contains("variabelTidakAda"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Data tidak valid");
        PortalPages.screenshot("admin-template-refused");

        body = browser.findElement(By.id("f:body"));
        body.clear();
        body.sendKeys(original + " Salam hangat.");
        browser.findElement(By.id("f:preview")).click();
        WebElement previewText = PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-text")));
        assertThat(previewText.getText()).contains("Salam hangat.");
        assertThat(browser.findElement(By.id("preview-html")).getAttribute("sandbox")).isEmpty();
        PortalPages.screenshot("admin-template-preview");
    }
}
