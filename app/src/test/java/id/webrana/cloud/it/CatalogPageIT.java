package id.webrana.cloud.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public catalog page in a real browser (headless Debian Chromium). */
class CatalogPageIT {

    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        E2e.awaitReady();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_catalog_shows_the_plans_with_rupiah_prices_per_period() throws Exception {
        browser.get(E2e.BASE_URL + "/app/");
        try {
            List<WebElement> names = browser.findElements(By.cssSelector(".plan-name"));
            assertThat(names).extracting(WebElement::getText).contains("Basic 1 GB", "Performance 8 GB");
            String monthly = browser.findElement(By.cssSelector("#plans .price-monthly")).getText();
            assertThat(monthly).isEqualTo("Rp 90.000");
            assertThat(browser.findElement(By.cssSelector("#plans .price-yearly")).getText()).isEqualTo("Rp 900.000");
            assertThat(browser.getPageSource()).contains("Promo Tahunan 15%");
            // PrimeFaces rendered its widget (its resources loaded)
            assertThat(browser.findElements(By.cssSelector("div.ui-datatable"))).isNotEmpty();
        } finally {
            screenshot("catalog");
        }
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
