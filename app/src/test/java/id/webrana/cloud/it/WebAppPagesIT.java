package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.ActiveServer;
import id.webrana.cloud.it.PortalPages.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the web app opens in Bahasa Indonesia and in English with no missing-text marker and no error
 * page, signed in as the admin (who may open the portal too).
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class WebAppPagesIT {

    static final List<String> PAGES = List.of("/", "/portal/index.xhtml", "/portal/servers.xhtml",
            "/portal/server.xhtml", "/portal/invoices.xhtml", "/portal/wallet.xhtml", "/portal/notifications.xhtml",
            "/portal/settings.xhtml", "/admin/instances.xhtml", "/admin/instance.xhtml", "/admin/transactions.xhtml",
            "/admin/invoices.xhtml", "/admin/callbacks.xhtml", "/admin/wallets.xhtml", "/admin/templates.xhtml",
            "/admin/notifications.xhtml", "/admin/mailbox.xhtml",
            "/admin/analytics.xhtml");

    // --- customer portal (issue 6) ---
    static final List<String> CUSTOMER_PORTAL_PAGES = List.of("/signup.xhtml", "/forgot-password.xhtml",
            "/reset-password.xhtml?token=unknown", "/verify-email.xhtml", "/portal/order.xhtml",
            "/portal/orders.xhtml", "/portal/order-detail.xhtml", "/portal/profile.xhtml");

    // --- catalog (admin) ---
    static final List<String> CATALOG_PAGES = List.of("/admin/catalog.xhtml", "/admin/catalog.xhtml?tab=images",
            "/admin/catalog.xhtml?tab=promos", "/admin/catalog.xhtml?tab=coupons");

    // --- admin: orders, provisioning monitor, users ---
    static final List<String> ADMIN_ORDER_PAGES = List.of("/admin/", "/admin/orders.xhtml",
            "/admin/orders.xhtml?status=FAILED", "/admin/order.xhtml", "/admin/provisioning.xhtml",
            "/admin/users.xhtml", "/admin/user.xhtml");

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
    void every_page_renders_in_both_languages_without_missing_texts() {
        // a customer's server, so that the server pages are walked filled in: by its owner in the portal, by the
        // admin in the admin area
        Customer owner = PortalPages.newCustomer("web-walk");
        ActiveServer server = PortalPages.activeServer(owner, PortalPages.hostname("web-walk"));

        PortalPages.signIn(browser, PortalPages.admin());
        List<String> pages = new ArrayList<>(PAGES);
        pages.addAll(CUSTOMER_PORTAL_PAGES);
        pages.addAll(CATALOG_PAGES);
        pages.add("/admin/instance.xhtml?id=" + server.instanceId());
        pages.addAll(ADMIN_ORDER_PAGES);
        pages.add("/admin/order.xhtml?id=" + server.orderId());
        pages.add("/admin/user.xhtml?id=" + owner.userId());
        walk(pages);

        PortalPages.signIn(browser, owner);
        walk(List.of("/portal/index.xhtml", "/portal/orders.xhtml", "/portal/order-detail.xhtml?id=" + server.orderId(),
                "/portal/order.xhtml?plan=" + OrderJourneyIT.PLAN + "&period=YEARLY"));
        walk(List.of("/portal/servers.xhtml", "/portal/server.xhtml?id=" + server.instanceId()));
        assertThat(browser.findElement(By.id("server-status")).getAttribute("data-status")).isEqualTo("ACTIVE");
        assertThat(browser.findElement(By.id("session:logout")).getText()).isEqualTo("Keluar");
    }

    /** Opens each page in English, then each in Bahasa Indonesia. */
    static void walk(List<String> pages) {
        for (String lang : new String[] {"en", "id"}) {
            for (String page : pages) {
                browser.get(PortalPages.app(page) + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                String html = browser.getPageSource();
                assertThat(html).as(lang + " " + page).doesNotContain("???").doesNotContain("Error 500")
                        .doesNotContain("error-forbidden").doesNotContain("error-not-found");
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            }
        }
    }
}
