package id.webrana.cloud.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the web app opens in Bahasa Indonesia and in English with no missing-text marker and no error
 * page, signed in as the admin (who may open the portal too).
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class WebAppPagesIT {

    static final List<String> PAGES = List.of("/", "/portal/index.xhtml", "/portal/invoices.xhtml",
            "/portal/wallet.xhtml", "/portal/notifications.xhtml", "/portal/settings.xhtml",
            "/admin/transactions.xhtml", "/admin/invoices.xhtml", "/admin/callbacks.xhtml", "/admin/wallets.xhtml",
            "/admin/templates.xhtml", "/admin/notifications.xhtml", "/admin/mailbox.xhtml");

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
        PortalPages.signIn(browser, PortalPages.admin());
        for (String lang : new String[] {"en", "id"}) {
            for (String page : PAGES) {
                browser.get(PortalPages.app(page) + "?lang=" + lang);
                String html = browser.getPageSource();
                assertThat(html).as(lang + " " + page).doesNotContain("???").doesNotContain("Error 500")
                        .doesNotContain("error-forbidden").doesNotContain("error-not-found");
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            }
        }
        assertThat(browser.findElement(By.id("session:logout")).getText()).isEqualTo("Keluar");
    }
}
