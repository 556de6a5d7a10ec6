package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.Customer;
import id.webrana.cloud.it.PortalPages.LoginPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form sign-in of the web app in a real browser: anonymous visitors are sent to the login page and back, wrong
 * passwords are refused in Indonesian, the session id changes at sign-in, customers are refused on admin pages,
 * and signing out ends the session.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class PortalSecurityIT {

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
    void an_anonymous_visitor_is_sent_to_sign_in_and_comes_back_to_the_page_asked_for() {
        var plain = E2e.get("/app/portal/invoices.xhtml");
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).contains("/app/login.xhtml?next=%2Fportal%2Finvoices.xhtml"));

        Customer customer = PortalPages.newCustomer("web-anon");
        browser.manage().deleteAllCookies();
        browser.get(PortalPages.app("/portal/invoices.xhtml"));
        LoginPage login = new LoginPage(browser);
        assertThat(login.isShown()).as(browser.getCurrentUrl()).isTrue();

        login.submit(customer.email(), "SalahSekali1");
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(d -> login.messages().contains("Email atau kata sandi salah."));
        PortalPages.screenshot("login-refused");

        Cookie before = PortalPages.sessionCookie(browser).orElseThrow();
        login.signIn(customer);
        assertThat(browser.getCurrentUrl()).endsWith("/app/portal/invoices.xhtml");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Budi Santoso");
        Cookie after = PortalPages.sessionCookie(browser).orElseThrow();
        assertThat(after.getValue()).as("session id renewed at sign-in").isNotEqualTo(before.getValue());
        assertThat(after.isHttpOnly()).isTrue();
    }

    @Test
    void a_customer_is_refused_on_admin_pages() {
        Customer customer = PortalPages.newCustomer("web-nosy");
        PortalPages.signIn(browser, customer);

        browser.get(PortalPages.app("/admin/transactions.xhtml"));
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("error-forbidden")));
        assertThat(browser.findElement(By.id("error-forbidden")).getText()).contains("Akses ditolak");
        assertThat(browser.getPageSource()).doesNotContain("table:payments");
        PortalPages.screenshot("admin-refused-for-customer");

        String session = "JSESSIONID=" + PortalPages.sessionCookie(browser).orElseThrow().getValue();
        assertThat(E2e.get("/app/admin/transactions.xhtml", "Cookie", session).statusCode()).isEqualTo(403);
        assertThat(E2e.get("/app/admin/invoice-pdf?id=00000000-0000-0000-0000-000000000000", "Cookie", session)
                .statusCode()).isEqualTo(403);
        assertThat(E2e.get("/app/portal/invoices.xhtml", "Cookie", session).statusCode()).isEqualTo(200);
    }

    @Test
    void signing_out_ends_the_session() {
        Customer customer = PortalPages.newCustomer("web-bye");
        PortalPages.signIn(browser, customer);
        String session = "JSESSIONID=" + PortalPages.sessionCookie(browser).orElseThrow().getValue();

        browser.findElement(By.id("session:logout")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT).until(ExpectedConditions.urlContains("/app/login.xhtml"));
        assertThat(browser.findElement(By.id("login:bye")).getText()).isEqualTo("Anda telah keluar.");

        browser.get(PortalPages.app("/portal/wallet.xhtml"));
        assertThat(new LoginPage(browser).isShown()).isTrue();
        assertThat(E2e.get("/app/portal/wallet.xhtml", "Cookie", session).statusCode())
                .as("the old session id is worthless").isEqualTo(302);
    }
}
