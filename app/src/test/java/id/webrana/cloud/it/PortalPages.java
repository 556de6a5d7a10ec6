package id.webrana.cloud.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page objects for the web app's portal and admin pages (adapters-in-faces at /app), the customers and the admin
 * the browser tests sign in as, and a screenshot on failure. Element ids are the pages' stable ids (forms prefix
 * their children: {@code login:email}, {@code f:pay-button}).
 */
final class PortalPages {

    static final Duration WAIT = Duration.ofSeconds(15);

    private PortalPages() {
    }

    /** A wait that looks again when PrimeFaces replaced an element under it (Ajax updates). */
    static FluentWait<WebDriver> waitFor(WebDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class);
    }

    static String app(String path) {
        return E2e.BASE_URL + "/app" + path;
    }

    // ------------------------------------------------------------------ people

    /** A customer registered through the REST API with the password {@code Rahasia123}. */
    record Customer(String email, String password, String token) {
        String userId() {
            return BillingIT.userIdOf(token);
        }
    }

    static Customer newCustomer(String prefix) {
        String email = prefix + "-" + System.nanoTime() + "@example.id";
        Api.Reply reg = Api.post("/api/v1/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"Rahasia123\",\"fullName\":\"Budi Santoso\",\"phone\":\"+6281234567890\"}");
        if (reg.status() != 201) {
            throw new IllegalStateException("register: " + reg);
        }
        Api.Reply login = Api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Rahasia123\"}");
        if (login.status() != 200) {
            throw new IllegalStateException("login: " + login);
        }
        return new Customer(email, "Rahasia123", login.json().getString("accessToken"));
    }

    /**
     * The operator account of the test server: {@code -Dit.admin.email}/{@code -Dit.admin.password} when given
     * (the server started with the same ADMIN_EMAIL/ADMIN_PASSWORD), else the demo admin the server created on its
     * fresh database and printed once in its log.
     */
    static Customer admin() {
        String email = System.getProperty("it.admin.email", "");
        String password = System.getProperty("it.admin.password", "");
        if (!email.isBlank() && !password.isBlank()) {
            return new Customer(email, password, null);
        }
        return demoAdminFromLog().orElseThrow(() -> new IllegalStateException("No admin credentials: pass "
                + "-Dit.admin.email/-Dit.admin.password (and start the server with ADMIN_EMAIL/ADMIN_PASSWORD), or "
                + "let the server create its demo admin on an empty database (logged in "
                + E2e.SERVER_DIR.resolve("logs/messages.log") + ")"));
    }

    /** The demo admin's line in the server's logs (messages.log and any rolled-over messages_*.log). */
    static Optional<Customer> demoAdminFromLog() {
        Pattern line = Pattern.compile("created the demo admin (\\S+@\\S+) / (\\S+)");
        try (var logs = Files.list(E2e.SERVER_DIR.resolve("logs"))) {
            Customer found = null;
            // rolled-over files (messages_<time>.log) are older than messages.log: read that one last
            List<Path> files = logs.filter(p -> p.getFileName().toString().startsWith("messages"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals("messages.log"))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
            for (Path log : files) {
                Matcher m = line.matcher(new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1));
                while (m.find()) { // the latest start wins
                    found = new Customer(m.group(1), m.group(2), null);
                }
            }
            return Optional.ofNullable(found);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ pages

    /** {@code /app/login.xhtml}. */
    static final class LoginPage {
        private final WebDriver browser;

        LoginPage(WebDriver browser) {
            this.browser = browser;
        }

        static LoginPage open(WebDriver browser) {
            browser.get(app("/login.xhtml"));
            return new LoginPage(browser);
        }

        boolean isShown() {
            return browser.getCurrentUrl().contains("/app/login.xhtml")
                    && !browser.findElements(By.id("login:email")).isEmpty();
        }

        void submit(String email, String password) {
            WebElement e = waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("login:email")));
            e.clear();
            e.sendKeys(email);
            WebElement p = browser.findElement(By.id("login:password"));
            p.clear();
            p.sendKeys(password);
            browser.findElement(By.id("login:sign-in")).click();
        }

        /** Signs in and waits until the app has left the login page. */
        void signIn(Customer who) {
            submit(who.email(), who.password());
            waitFor(browser, WAIT).until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
        }

        String messages() {
            return browser.findElement(By.id("messages")).getText();
        }
    }

    /** Signs {@code who} in on a browser with no session yet. */
    static void signIn(WebDriver browser, Customer who) {
        browser.manage().deleteAllCookies();
        LoginPage.open(browser).signIn(who);
    }

    static Optional<Cookie> sessionCookie(WebDriver browser) {
        return Optional.ofNullable(browser.manage().getCookieNamed("JSESSIONID"));
    }

    /** {@code /app/portal/invoice.xhtml?id=}. */
    static final class InvoicePage {
        private final WebDriver browser;

        InvoicePage(WebDriver browser) {
            this.browser = browser;
        }

        static InvoicePage open(WebDriver browser, String invoiceId) {
            browser.get(app("/portal/invoice.xhtml?id=" + invoiceId));
            InvoicePage page = new InvoicePage(browser);
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-status")));
            return page;
        }

        String status() {
            return waitFor(browser, WAIT).until(d -> d.findElement(By.id("invoice-status")).getAttribute("data-status"));
        }

        String statusText() {
            return text(browser, By.id("invoice-status"));
        }

        String total() {
            return text(browser, By.id("invoice-total"));
        }

        /** The label of a channel in the chooser, e.g. "BRI Virtual Account — biaya Rp ... · Total Rp ...". */
        String channelLabel(String code) {
            return label(code).getText();
        }

        void choose(String code) {
            label(code).click();
        }

        private WebElement label(String code) {
            WebElement radio = waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("input[type='radio'][value='" + code + "']")));
            return browser.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"));
        }

        /** Clicks Bayar and waits for the open transaction (its checkout link). */
        void pay() {
            browser.findElement(By.id("f:pay-button")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("f:checkout-link")));
        }

        String checkoutUrl() {
            return browser.findElement(By.id("f:checkout-link")).getAttribute("href");
        }

        String payCode() {
            return text(browser, By.id("pay-code"));
        }

        String countdown() {
            return text(browser, By.id("countdown"));
        }

        boolean hasWalletButton() {
            return !browser.findElements(By.id("f:pay-wallet")).isEmpty();
        }

        void awaitStatus(String status, Duration within) {
            waitFor(browser, within).until(d -> status.equals(d.findElement(By.id("invoice-status"))
                    .getAttribute("data-status")));
        }
    }

    /** {@code /app/portal/wallet.xhtml}. */
    static final class WalletPage {
        private final WebDriver browser;

        WalletPage(WebDriver browser) {
            this.browser = browser;
        }

        static WalletPage open(WebDriver browser) {
            browser.get(app("/portal/wallet.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("wallet-balance")));
            return new WalletPage(browser);
        }

        String balance() {
            return browser.findElement(By.id("wallet-balance")).getText();
        }

        /** Asks for a top-up and waits for the deposit invoice's page; returns its id. */
        String topUp(long amount) {
            typeNumber(browser.findElement(By.id("topup:amount_input")), amount);
            browser.findElement(By.id("topup:topup-button")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.urlContains("/portal/invoice.xhtml?id="));
            String url = browser.getCurrentUrl();
            return url.substring(url.indexOf("id=") + 3).replaceAll("[&#].*", "");
        }
    }

    /** {@code /app/admin/transactions.xhtml}. */
    static final class TransactionsPage {
        private final WebDriver browser;

        TransactionsPage(WebDriver browser) {
            this.browser = browser;
        }

        static TransactionsPage open(WebDriver browser) {
            browser.get(app("/admin/transactions.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("table:payments")));
            return new TransactionsPage(browser);
        }

        /** Filters by gateway reference and waits until the table shows it. */
        String rowWithReference(String reference) {
            WebElement ref = browser.findElement(By.id("filters:reference"));
            ref.clear();
            ref.sendKeys(reference);
            browser.findElement(By.id("filters:search")).click();
            By row = By.xpath("//tbody[@id='table:payments_data']/tr[.//span[contains(@class,'payment-reference')"
                    + " and normalize-space(.)='" + reference + "']]");
            return waitFor(browser, WAIT).until(d -> { // read within the wait: an Ajax update may replace the row
                List<WebElement> found = d.findElements(row);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0).getText();
            });
        }
    }

    /** {@code /app/admin/wallets.xhtml}. */
    static final class WalletAdjustmentPage {
        private final WebDriver browser;

        WalletAdjustmentPage(WebDriver browser) {
            this.browser = browser;
        }

        static WalletAdjustmentPage open(WebDriver browser) {
            browser.get(app("/admin/wallets.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("adjust:userId")));
            return new WalletAdjustmentPage(browser);
        }

        /** Fills the form and submits it; returns the page messages once the Ajax update came back. */
        String adjust(String userId, long amount, String reason) {
            WebElement user = browser.findElement(By.id("adjust:userId"));
            user.clear();
            user.sendKeys(userId);
            typeNumber(browser.findElement(By.id("adjust:amount_input")), amount);
            WebElement r = browser.findElement(By.id("adjust:reason"));
            r.clear();
            r.sendKeys(reason);
            String before = messages();
            browser.findElement(By.id("adjust:adjust-button")).click();
            waitFor(browser, WAIT).until(d -> !messages().equals(before) && !messages().isBlank());
            return messages();
        }

        String messages() {
            return browser.findElement(By.id("messages")).getText();
        }
    }

    /** An element's text, read again if the page's 3-second poll replaced the element meanwhile. */
    static String text(WebDriver browser, By locator) {
        return waitFor(browser, WAIT).until(d -> d.findElement(locator).getText());
    }

    /** Replaces what a PrimeFaces number input holds (it formats as you type, so it is emptied key-wise first). */
    static void typeNumber(WebElement input, long amount) {
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(Long.toString(amount));
    }

    // ------------------------------------------------------------------ screenshots

    /** Saves {@code target/screenshots/<name>.png} from the shared browser (if it is open). */
    static void screenshot(String name) {
        if (CatalogPageIT.browser == null) {
            return;
        }
        try {
            CatalogPageIT.screenshot(name);
        } catch (Exception e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }

    /** Takes a screenshot named after the test when it fails. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }
}
