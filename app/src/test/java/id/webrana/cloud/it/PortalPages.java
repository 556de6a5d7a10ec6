package id.webrana.cloud.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
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


    /** A customer's server that is ACTIVE (the order approved by the operators' API and provisioned). */
    record ActiveServer(String orderId, String instanceId, String hostname, String ipv4) {
    }

    /** Orders a monthly Basic server as {@code who}, approves the payment and waits until it runs. */
    static ActiveServer activeServer(Customer who, String hostname) {
        Api.Reply created = Api.post("/api/v1/orders", "{\"planId\":\"" + OrderJourneyIT.PLAN + "\",\"imageId\":\""
                + OrderJourneyIT.IMAGE + "\",\"period\":\"MONTHLY\",\"hostname\":\"" + hostname + "\"}",
                Api.bearer(who.token()));
        if (created.status() != 201) {
            throw new IllegalStateException("order: " + created);
        }
        String orderId = created.json().getString("id");
        Api.Reply approved = Api.post("/internal/orders/" + orderId + "/payment-status",
                "{\"decision\":\"APPROVE\",\"reason\":\"Transfer BCA diterima\"}", Api.apiKey());
        if (approved.status() != 200) {
            throw new IllegalStateException("approval: " + approved);
        }
        try {
            var instance = OrderJourneyIT.awaitStatus(who.token(), orderId, "ACTIVE", Duration.ofSeconds(40))
                    .getJsonObject("instance");
            return new ActiveServer(orderId, instance.getString("id"), instance.getString("hostname"),
                    instance.getString("ipv4"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A hostname no other test uses. */
    static String hostname(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
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

    /** Marks the page in the browser, so that a test can tell it was not reloaded since. */
    static void markPage(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.webranaTestMark = 'kept';");
    }

    /** Whether the page marked by {@link #markPage} is still the one shown (only Ajax updates since). */
    static boolean pageKept(WebDriver browser) {
        return "kept".equals(((JavascriptExecutor) browser)
                .executeScript("return window.webranaTestMark || null;"));
    }

    /** {@code /app/portal/servers.xhtml}. */
    static final class ServersPage {
        private final WebDriver browser;

        ServersPage(WebDriver browser) {
            this.browser = browser;
        }

        static ServersPage open(WebDriver browser) {
            browser.get(app("/portal/servers.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("f:servers")));
            return new ServersPage(browser);
        }

        /** The row of the server named {@code hostname} as text (hostname, plan, image, IPv4, ..., status). */
        String row(String hostname) {
            return waitFor(browser, WAIT).until(d -> d.findElement(By.xpath(
                    "//tr[contains(@class,'server-row')][.//a[contains(@class,'server-link') and normalize-space(.)='"
                            + hostname + "']]")).getText());
        }

        /** The whole table as text. */
        String rowsText() {
            return text(browser, By.id("f:servers"));
        }

        String status(String hostname) {
            return browser.findElement(By.xpath("//tr[contains(@class,'server-row')][.//a[contains(@class,"
                    + "'server-link') and normalize-space(.)='" + hostname + "']]//span[contains(@class,"
                    + "'server-status')]")).getAttribute("data-status");
        }

        /** Follows the server's link; returns its page. */
        ServerPage open(String hostname) {
            browser.findElement(By.xpath("//a[contains(@class,'server-link') and normalize-space(.)='" + hostname
                    + "']")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("server-status")));
            return new ServerPage(browser);
        }
    }

    /** {@code /app/portal/server.xhtml?id=}. */
    static final class ServerPage {
        private final WebDriver browser;

        ServerPage(WebDriver browser) {
            this.browser = browser;
        }

        static ServerPage open(WebDriver browser, String instanceId) {
            browser.get(app("/portal/server.xhtml?id=" + instanceId));
            waitFor(browser, WAIT).until(d -> !d.findElements(By.id("server-status")).isEmpty()
                    || !d.findElements(By.id("server-not-found")).isEmpty());
            return new ServerPage(browser);
        }

        boolean isNotFound() {
            return !browser.findElements(By.id("server-not-found")).isEmpty();
        }

        String hostname() {
            return text(browser, By.id("server-hostname"));
        }

        String status() {
            return waitFor(browser, WAIT).until(d -> d.findElement(By.id("server-status")).getAttribute("data-status"));
        }

        String ipv4() {
            return text(browser, By.id("server-ipv4"));
        }

        /** The provider's power state: ACTIVE, OFF, ... */
        String powerState() {
            return waitFor(browser, WAIT).until(d -> d.findElement(By.id("power-state")).getAttribute("data-power"));
        }

        void awaitPowerState(String state, Duration within) {
            waitFor(browser, within).until(d -> state.equals(d.findElement(By.id("power-state"))
                    .getAttribute("data-power")));
        }

        /** Clicks an action's button and confirms it in the confirmation dialog. */
        void perform(String action) {
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:action-" + action))).click();
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:confirm-yes"))).click();
        }

        /** The status of the newest action of type {@code action} (e.g. reboot), or null when there is none. */
        String actionStatus(String action) {
            return waitFor(browser, WAIT).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("span.action-status[data-action='" + action
                        + "']"));
                return found.isEmpty() ? Optional.<String>empty() : Optional.of(found.get(0).getAttribute("data-status"));
            }).orElse(null);
        }

        void awaitActionStatus(String action, String status, Duration within) {
            waitFor(browser, within).until(d -> status.equals(actionStatus(action)));
        }

        boolean actionEnabled(String action) {
            return browser.findElement(By.id("f:action-" + action)).isEnabled();
        }

        /** Reveals the root password set at creation (after its confirmation); returns it as the dialog shows it. */
        String revealInitialPassword() {
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:reveal-password"))).click();
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:confirm-yes"))).click();
            return shownPassword();
        }

        boolean canRevealInitialPassword() {
            return !browser.findElements(By.id("f:reveal-password")).isEmpty();
        }

        /** Resets the root password through its explaining dialog; returns the new password the next dialog shows. */
        String resetPassword() {
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:action-reset_password")))
                    .click();
            waitFor(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("f:reset-dialog")));
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:reset-confirm"))).click();
            return shownPassword();
        }

        /** The explanation the reset dialog gives (read after opening it). */
        String resetExplanation() {
            return browser.findElement(By.id("f:reset-dialog")).getText();
        }

        private String shownPassword() {
            WebElement value = waitFor(browser, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("f:password-value")));
            return value.getAttribute("value");
        }

        /** Closes the password dialog ("I have stored it"); the password leaves the page. */
        void closePassword() {
            browser.findElement(By.id("f:password-close")).click();
            waitFor(browser, WAIT).until(d -> d.findElements(By.id("f:password-value")).isEmpty()
                    && !d.findElement(By.id("f:password-dialog")).isDisplayed());
        }

        boolean hasConsoleButton() {
            return !browser.findElements(By.id("f:action-console")).isEmpty();
        }

        /** The text shown instead of a console button, or empty. */
        String consoleUnavailableText() {
            List<WebElement> found = browser.findElements(By.id("f:console-unavailable"));
            return found.isEmpty() ? "" : found.get(0).getText();
        }

        String history() {
            return text(browser, By.id("f:history"));
        }
    }

    /** {@code /app/admin/instances.xhtml}. */
    static final class AdminInstancesPage {
        private final WebDriver browser;

        AdminInstancesPage(WebDriver browser) {
            this.browser = browser;
        }

        static AdminInstancesPage open(WebDriver browser) {
            browser.get(app("/admin/instances.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("table:instances")));
            return new AdminInstancesPage(browser);
        }

        /** Searches by text (hostname, IP, server id) and returns the matching row's text once it shows. */
        String search(String text, String hostname) {
            WebElement field = browser.findElement(By.id("filters:text"));
            field.clear();
            field.sendKeys(text);
            browser.findElement(By.id("filters:search")).click();
            By row = By.xpath("//tbody[@id='table:instances_data']/tr[.//a[contains(@class,'instance-link') and "
                    + "normalize-space(.)='" + hostname + "']]");
            return waitFor(browser, WAIT).until(d -> {
                List<WebElement> found = d.findElements(row);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0).getText();
            });
        }

        int rows() {
            return browser.findElements(By.cssSelector("tbody[id='table:instances_data'] tr.instance-row")).size();
        }

        AdminInstancePage open(String hostname) {
            browser.findElement(By.xpath("//a[contains(@class,'instance-link') and normalize-space(.)='" + hostname
                    + "']")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("server-status")));
            return new AdminInstancePage(browser);
        }

        /** Fills the retry form and submits it; returns the page messages once the answer came back. */
        String retry(String orderId, String reason) {
            WebElement id = browser.findElement(By.id("retry:orderId"));
            id.clear();
            id.sendKeys(orderId);
            WebElement r = browser.findElement(By.id("retry:reason"));
            r.clear();
            r.sendKeys(reason);
            return submitForMessages(browser, By.id("retry:retry-button"));
        }

        /** Runs the cleanup through its confirmation; returns the report dialog's text. */
        String cleanUp() {
            browser.findElement(By.id("cleanup:cleanup-button")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("cleanup:confirm-yes"))).click();
            return waitFor(browser, Duration.ofSeconds(30)).until(d -> {
                WebElement dialog = d.findElement(By.id("cleanup:cleanup-report"));
                return dialog.isDisplayed() && !d.findElements(By.id("cleanup-destroyed")).isEmpty()
                        ? dialog.getText() : null;
            });
        }
    }

    /** {@code /app/admin/instance.xhtml?id=}. */
    static final class AdminInstancePage {
        private final WebDriver browser;

        AdminInstancePage(WebDriver browser) {
            this.browser = browser;
        }

        static AdminInstancePage open(WebDriver browser, String instanceId) {
            browser.get(app("/admin/instance.xhtml?id=" + instanceId));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("server-status")));
            return new AdminInstancePage(browser);
        }

        String status() {
            return waitFor(browser, WAIT).until(d -> d.findElement(By.id("server-status")).getAttribute("data-status"));
        }

        void awaitStatus(String status) {
            waitFor(browser, Duration.ofSeconds(30)).until(d -> status.equals(d.findElement(By.id("server-status"))
                    .getAttribute("data-status")));
        }

        /**
         * Opens the dialog of {@code button} ({@code force-suspend}, {@code force-unsuspend}, {@code force-terminate}),
         * types {@code reason} and confirms; returns the page messages once the answer came back.
         */
        String intervene(String button, String reason) {
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:" + button))).click();
            WebElement field = waitFor(browser, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("f:reason")));
            field.clear();
            field.sendKeys(reason);
            return submitForMessages(browser, By.id("f:intervene-confirm"));
        }

        boolean dialogOpen() {
            return browser.findElement(By.id("f:intervene-dialog")).isDisplayed();
        }

        void cancelDialog() {
            browser.findElement(By.id("f:intervene-cancel")).click();
            waitFor(browser, WAIT).until(d -> !d.findElement(By.id("f:intervene-dialog")).isDisplayed());
        }

        String suspensionReason() {
            return text(browser, By.id("suspension-reason"));
        }

        /** The history (audit trail) line of event type {@code type} that mentions {@code detail}, as text. */
        String historyLine(String type, String detail) {
            return waitFor(browser, WAIT).until(d -> {
                for (WebElement row : d.findElements(By.cssSelector("tbody[id='f:history_data'] tr.event-row"))) {
                    if (!row.findElements(By.cssSelector(".event-type[data-type='" + type + "']")).isEmpty()
                            && row.getText().contains(detail)) {
                        return row.getText();
                    }
                }
                return null;
            });
        }
    }

    /** Clicks {@code button} and returns the page messages once they changed (the Ajax answer came back). */
    static String submitForMessages(WebDriver browser, By button) {
        String before = browser.findElement(By.id("messages")).getText();
        browser.findElement(button).click();
        return waitFor(browser, WAIT).until(d -> {
            String now = d.findElement(By.id("messages")).getText();
            return !now.equals(before) && !now.isBlank() ? now : null;
        });
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

    /** Scrolls {@code element} to the top of the window, then saves a screenshot. */
    static void screenshotOf(WebDriver browser, By element, String name) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);",
                browser.findElement(element));
        screenshot(name);
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
