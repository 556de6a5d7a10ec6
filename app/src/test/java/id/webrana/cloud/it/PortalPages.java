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
        String orderId = Api.placeMonthlyOrder(who.token(), hostname);
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

    // --- analytics ---
    /**
     * {@code /app/admin/analytics.xhtml}: KPI cards ({@code kpi-orders}, {@code kpi-revenue}, {@code kpi-conversion},
     * {@code kpi-success}, {@code kpi-p95}, each with its number in {@code data-value}) and three Chart.js charts
     * ({@code orders-chart}, {@code revenue-chart}, {@code months-chart}).
     */
    static final class AdminAnalyticsPage {
        static final List<String> CHARTS = List.of("orders-chart", "revenue-chart", "months-chart");

        private final WebDriver browser;

        AdminAnalyticsPage(WebDriver browser) {
            this.browser = browser;
        }

        static AdminAnalyticsPage open(WebDriver browser, String query) {
            browser.get(app("/admin/analytics.xhtml" + query));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-orders")));
            return new AdminAnalyticsPage(browser);
        }

        /** The number behind card {@code kpi} ({@code orders}, {@code revenue}, ...). */
        long value(String kpi) {
            return waitFor(browser, WAIT).until(d -> Long.parseLong(d.findElement(By.id("kpi-" + kpi))
                    .getAttribute("data-value")));
        }

        /** What the count of card {@code kpi} is out of ({@code conversion}, {@code success}). */
        long outOf(String kpi) {
            return waitFor(browser, WAIT).until(d -> Long.parseLong(d.findElement(By.id("kpi-" + kpi))
                    .getAttribute("data-out-of")));
        }

        /** The big figure of card {@code kpi} as shown. */
        String shown(String kpi) {
            return text(browser, By.cssSelector("#kpi-" + kpi + " .amount"));
        }

        String range() {
            return text(browser, By.id("analytics-range"));
        }

        /**
         * The values chart {@code id} draws, once Chart.js has drawn it on a canvas of some size (null until then).
         */
        @SuppressWarnings("unchecked")
        List<Number> chartData(String id) {
            return waitFor(browser, WAIT).until(d -> (List<Number>) ((JavascriptExecutor) d).executeScript(
                    "var c = document.getElementById(arguments[0] + '_canvas');"
                            + "var chart = c && window.Chart && Chart.getChart(c);"
                            + "return chart && c.width > 0 && c.height > 0 && chart.chartArea"
                            + " && chart.chartArea.width > 0 ? chart.data.datasets[0].data : null;", id));
        }

        /** The labels of chart {@code id} (days or months). */
        @SuppressWarnings("unchecked")
        List<String> chartLabels(String id) {
            chartData(id);
            return (List<String>) ((JavascriptExecutor) browser).executeScript(
                    "return Chart.getChart(document.getElementById(arguments[0] + '_canvas')).data.labels;", id);
        }

        /** Types a range (dd-MM-yyyy) and asks for it; returns the page messages once the answer came back. */
        String showRange(String from, String to) {
            type("range:from_input", from);
            type("range:to_input", to);
            String before = range();
            String messagesBefore = browser.findElement(By.id("messages")).getText();
            browser.findElement(By.id("range:show")).click();
            waitFor(browser, WAIT).until(d -> !range().equals(before)
                    || !d.findElement(By.id("messages")).getText().equals(messagesBefore));
            return browser.findElement(By.id("messages")).getText();
        }

        /** Clicks a quick-range button ({@code last-7}, {@code last-30}, ...) and waits for the new range. */
        void lastDays(int days) {
            String before = range();
            browser.findElement(By.id("range:last-" + days)).click();
            waitFor(browser, WAIT).until(d -> !range().equals(before));
        }

        /** Replaces the text of a date picker's input ({@code range:from_input}); its calendar opens by button. */
        private void type(String id, String value) {
            WebElement input = browser.findElement(By.id(id));
            input.click();
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(value);
            waitFor(browser, WAIT).until(d -> value.equals(d.findElement(By.id(id)).getAttribute("value")));
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

    // ------------------------------------------------------------------ customer portal (issue 6)

    /** {@code /app/signup.xhtml}. */
    static final class SignupPage {
        private final WebDriver browser;

        SignupPage(WebDriver browser) {
            this.browser = browser;
        }

        static SignupPage open(WebDriver browser) {
            browser.get(app("/signup.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("signup:email")));
            return new SignupPage(browser);
        }

        /** Types into every input (a null leaves it as it is). */
        SignupPage fill(String fullName, String email, String phone, String password, String confirm) {
            type(browser, By.id("signup:fullName"), fullName);
            type(browser, By.id("signup:email"), email);
            type(browser, By.id("signup:phone"), phone);
            type(browser, By.id("signup:password"), password);
            type(browser, By.id("signup:confirm"), confirm);
            return this;
        }

        /** Submits and waits until the form came back with a message next to an input. */
        void submitRefused() {
            clickAndAwaitRerender(browser, By.id("signup:register"), "signup");
            waitFor(browser, WAIT).until(d -> !d.findElements(By.cssSelector("#signup .ui-message-error")).isEmpty());
        }

        /** Submits and waits for the dashboard (the new account is signed in). */
        void submitAccepted() {
            browser.findElement(By.id("signup:register")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.urlContains("/portal/index.xhtml"));
        }

        /** The message next to input {@code field} (fullName, email, phone, password, confirm), or empty. */
        String message(String field) {
            return text(browser, By.id("signup:" + field + "-message"));
        }

        String value(String field) {
            return browser.findElement(By.id("signup:" + field)).getAttribute("value");
        }
    }

    /** {@code /app/portal/order.xhtml}: the order wizard. */
    static final class OrderWizardPage {
        private final WebDriver browser;

        OrderWizardPage(WebDriver browser) {
            this.browser = browser;
        }

        static OrderWizardPage open(WebDriver browser) {
            browser.get(app("/portal/order.xhtml"));
            return shown(browser);
        }

        static OrderWizardPage shown(WebDriver browser) {
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("wizard-main")));
            return new OrderWizardPage(browser);
        }

        int step() {
            return Integer.parseInt(waitFor(browser, WAIT).until(d -> d.findElement(By.id("wizard-main"))
                    .getAttribute("data-step")));
        }

        void choosePeriod(String period) {
            clickAndAwait(By.cssSelector("a.period-option.period-" + period),
                    d -> d.findElement(By.cssSelector("a.period-option.period-" + period)).getAttribute("class")
                            .contains("active"));
        }

        void choosePlan(String planId) {
            By card = By.cssSelector("a.plan-choice.plan-" + planId);
            clickAndAwait(card, d -> d.findElement(card).getAttribute("class").contains("selected"));
        }

        void chooseImage(String imageId) {
            By card = By.cssSelector("a.image-choice.image-" + imageId);
            clickAndAwait(card, d -> d.findElement(card).getAttribute("class").contains("selected"));
        }

        void chooseMethod(String code) {
            By card = By.cssSelector("a.method-choice.method-" + code);
            clickAndAwait(card, d -> d.findElement(card).getAttribute("class").contains("selected"));
        }

        /** "Lanjut"; returns the step shown afterwards (the same one when the step was refused). */
        int next() {
            String marker = mark();
            browser.findElement(By.id("wizard:next")).click();
            waitFor(browser, WAIT).until(d -> !marker.equals(mark()));
            return step();
        }

        void back() {
            String marker = mark();
            browser.findElement(By.id("wizard:back")).click();
            waitFor(browser, WAIT).until(d -> !marker.equals(mark()));
        }

        void hostname(String hostname) {
            type(browser, By.id("wizard:hostname"), hostname);
        }

        void sshKeys(String keys) {
            type(browser, By.id("wizard:ssh-keys"), keys);
        }

        String fieldValue(String id) {
            return browser.findElement(By.id("wizard:" + id)).getAttribute("value");
        }

        /** Types a coupon and applies it; waits for the answer. */
        void applyCoupon(String code) {
            type(browser, By.id("wizard:coupon"), code);
            String marker = mark();
            browser.findElement(By.id("wizard:apply-coupon")).click();
            waitFor(browser, WAIT).until(d -> !marker.equals(mark()));
        }

        /** The message next to an input of the wizard (plans, images, hostname, ssh-keys, coupon, methods). */
        String message(String field) {
            return text(browser, By.id("wizard:" + field + "-message"));
        }

        /** A line of the live summary (summary-base, summary-promo, summary-coupon, summary-final, summary-plan). */
        String summary(String line) {
            return text(browser, By.id(line));
        }

        /** A line of the breakdown step (breakdown-base, breakdown-promo, breakdown-coupon, breakdown-final). */
        String breakdown(String line) {
            return text(browser, By.id(line));
        }

        /** "Bayar": the order is placed and paid; waits for its page. */
        OrderDetailPage pay() {
            browser.findElement(By.id("wizard:pay")).click();
            waitFor(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/portal/order-detail.xhtml"));
            return OrderDetailPage.shown(browser);
        }

        /** Clicks and waits until {@code done} holds on the re-rendered form. */
        private void clickAndAwait(By element, java.util.function.Function<WebDriver, Boolean> done) {
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(element)).click();
            waitFor(browser, WAIT).until(done::apply);
        }

        /** Something that changes whenever the form is re-rendered: the identity of its main element. */
        private String mark() {
            return waitFor(browser, WAIT).until(d -> {
                Object id = ((JavascriptExecutor) d).executeScript(
                        "var m = document.getElementById('wizard-main');"
                                + "if (!m) { return null; }"
                                + "if (!m.dataset.mark) { m.dataset.mark = String(Math.random()); }"
                                + "return m.dataset.mark;");
                return id == null ? null : id.toString();
            });
        }
    }

    /** {@code /app/portal/order-detail.xhtml?id=}. */
    static final class OrderDetailPage {
        private final WebDriver browser;

        OrderDetailPage(WebDriver browser) {
            this.browser = browser;
        }

        static OrderDetailPage open(WebDriver browser, String orderId) {
            browser.get(app("/portal/order-detail.xhtml?id=" + orderId));
            return shown(browser);
        }

        static OrderDetailPage shown(WebDriver browser) {
            waitFor(browser, WAIT).until(d -> !d.findElements(By.id("order-status")).isEmpty()
                    || !d.findElements(By.id("order-not-found")).isEmpty());
            return new OrderDetailPage(browser);
        }

        boolean isNotFound() {
            return !browser.findElements(By.id("order-not-found")).isEmpty();
        }

        String orderId() {
            String url = browser.getCurrentUrl();
            return url.substring(url.indexOf("id=") + 3).replaceAll("[&#].*", "");
        }

        String status() {
            return waitFor(browser, WAIT).until(d -> d.findElement(By.id("order-status")).getAttribute("data-status"));
        }

        void awaitStatus(String status, Duration within) {
            waitFor(browser, within).until(d -> status.equals(d.findElement(By.id("order-status"))
                    .getAttribute("data-status")));
        }

        int percent() {
            return Integer.parseInt(waitFor(browser, WAIT).until(d -> d.findElement(By.id("order-progress"))
                    .getAttribute("data-percent")));
        }

        String payCode() {
            return text(browser, By.id("pay-code"));
        }

        String checkoutUrl() {
            return waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("f:checkout-link")))
                    .getAttribute("href");
        }

        /** The statuses of the timeline, oldest first. */
        List<String> timeline() {
            return waitFor(browser, WAIT).until(d -> d.findElements(By.cssSelector("li.timeline-entry")).stream()
                    .map(e -> e.getAttribute("data-to")).toList());
        }

        String timelineText() {
            return text(browser, By.id("order-timeline"));
        }

        String textOf(String id) {
            return text(browser, By.id(id));
        }

        /** Follows the link to the running server. */
        ServerPage openServer() {
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:server-link"))).click();
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("server-status")));
            return new ServerPage(browser);
        }
    }

    /** {@code /app/portal/profile.xhtml}. */
    static final class ProfilePage {
        private final WebDriver browser;

        ProfilePage(WebDriver browser) {
            this.browser = browser;
        }

        static ProfilePage open(WebDriver browser) {
            browser.get(app("/portal/profile.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("profile:fullName")));
            return new ProfilePage(browser);
        }

        String value(String id) {
            return browser.findElement(By.id(id)).getAttribute("value");
        }

        /** Saves a name and phone; returns the page messages or the field message that came back. */
        String save(String fullName, String phone) {
            type(browser, By.id("profile:fullName"), fullName);
            type(browser, By.id("profile:phone"), phone);
            return submitForAnswer(By.id("profile:save"), "#profile");
        }

        /** Submits the password form; returns the page message or the message next to an input. */
        String changePassword(String current, String next, String confirm) {
            type(browser, By.id("password:currentPassword"), current);
            type(browser, By.id("password:newPassword"), next);
            type(browser, By.id("password:confirmPassword"), confirm);
            return submitForAnswer(By.id("password:change"), "#password");
        }

        String message(String id) {
            return text(browser, By.id(id));
        }

        /** "Keluar dari semua perangkat" and its confirmation; waits for the login page. */
        void signOutEverywhere() {
            browser.findElement(By.id("everywhere:sign-out-everywhere")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("everywhere:confirm-yes"))).click();
            waitFor(browser, WAIT).until(ExpectedConditions.urlContains("/app/login.xhtml"));
        }

        private String submitForAnswer(By button, String form) {
            clickAndAwaitRerender(browser, button, form.substring(1));
            return waitFor(browser, WAIT).until(d -> {
                String now = answer(form);
                return now.isBlank() ? null : now;
            });
        }

        /** The page messages and the form's field messages, as text. */
        private String answer(String form) {
            StringBuilder out = new StringBuilder(browser.findElement(By.id("messages")).getText());
            for (WebElement m : browser.findElements(By.cssSelector(form + " .ui-message-error"))) {
                out.append(" | ").append(m.getText());
            }
            return out.toString().trim();
        }
    }

    /**
     * Clicks {@code button} and waits until the element with id {@code rerendered} was replaced by the Ajax answer
     * (a mark put on the old element is gone).
     */
    static void clickAndAwaitRerender(WebDriver browser, By button, String rerendered) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.getElementById(arguments[0]).dataset.testMark = 'old';", rerendered);
        browser.findElement(button).click();
        waitFor(browser, WAIT).until(d -> Boolean.TRUE.equals(js.executeScript(
                "var e = document.getElementById(arguments[0]); return e != null && e.dataset.testMark !== 'old';",
                rerendered)));
    }

    /** Replaces an input's text ({@code null} leaves it alone). */
    static void type(WebDriver browser, By input, String text) {
        if (text == null) {
            return;
        }
        WebElement e = waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(input));
        e.clear();
        e.sendKeys(text);
    }

    /**
     * The link of an account email ({@code template} ACCOUNT_EMAIL_VERIFICATION or ACCOUNT_PASSWORD_RESET) to
     * {@code to}: waits until the local mailbox holds the mail with a link to {@code path} (e.g.
     * {@code /app/reset-password?token=}; the mailbox API shows one-time tokens redacted), then completes it with the
     * token from the outbox, as the customer's mail client would show it.
     */
    static String mailedLink(String to, String template, String path, Duration within) {
        String prefix = E2e.BASE_URL + path;
        long deadline = System.nanoTime() + within.toNanos();
        List<String> seen = List.of();
        while (System.nanoTime() < deadline) {
            Api.Reply list = Api.get("/internal/notifications/mailbox?size=50&to=" + to, Api.apiKey());
            if (list.status() != 200) {
                throw new IllegalStateException("mailbox: " + list);
            }
            List<String> subjects = new java.util.ArrayList<>();
            for (var item : list.json().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class)) {
                Api.Reply mail = Api.get("/internal/notifications/mailbox/" + item.getString("id"), Api.apiKey());
                if (mail.status() == 200 && mail.json().getString("textBody", "").contains(prefix)) {
                    try {
                        return prefix + AuthFlowIT.tokenFromOutbox(template, to);
                    } catch (Exception e) {
                        throw new IllegalStateException("token of " + template + " for " + to, e);
                    }
                }
                subjects.add(item.getString("subject", ""));
            }
            seen = subjects;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail with a link to " + prefix + " for " + to + " within " + within + ": " + seen);
    }

    /** Makes {@code browser} use the session of {@code cookie} (another sign-in kept aside). */
    static void useSession(WebDriver browser, Cookie cookie) {
        browser.get(E2e.BASE_URL + "/health/ready");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(cookie);
    }

    // ------------------------------------------------------------------ catalog (admin)

    /**
     * {@code /app/admin/catalog.xhtml?tab=}: one section (plans, images, promos, coupons) at a time; each section is
     * a form named after it ({@code plans:name}, {@code promos:save}) with an editor above its table.
     */
    static final class AdminCatalogPage {
        private final WebDriver browser;
        private final String form;

        private AdminCatalogPage(WebDriver browser, String form) {
            this.browser = browser;
            this.form = form;
        }

        static AdminCatalogPage open(WebDriver browser, String tab) {
            browser.get(app("/admin/catalog.xhtml?tab=" + tab));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(tab + ":table")));
            return new AdminCatalogPage(browser, tab);
        }

        /** Opens the empty editor ("new plan", "new promo", ...). */
        void startNew() {
            browser.findElement(By.id(form + ":new")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id(form + ":save")));
        }

        /** Opens the editor on the row whose name cell reads {@code name}. */
        void edit(String name) {
            row(name).findElement(By.cssSelector("button[id$=':edit']")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id(form + ":save")));
        }

        /** Replaces the text of the editor's input {@code field} (e.g. {@code priceMonthly}). */
        void type(String field, String text) {
            WebElement input = browser.findElement(By.id(form + ":" + field));
            input.clear();
            input.sendKeys(text);
        }

        String value(String field) {
            return browser.findElement(By.id(form + ":" + field)).getAttribute("value");
        }

        /** Clicks the label of a check box of the editor's check box list {@code field}. */
        void toggle(String field, String label) {
            browser.findElement(By.xpath("//*[@id='" + form + ":" + field + "']//label[normalize-space(.)='" + label
                    + "']")).click();
        }

        /** Chooses {@code label} in the editor's PrimeFaces select menu {@code field}. */
        void choose(String field, String label) {
            String id = form + ":" + field;
            browser.findElement(By.id(id)).click();
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//li[contains(@class,'ui-selectonemenu-item') and @data-label='" + label + "']"))).click();
            waitFor(browser, WAIT).until(d -> label.equals(d.findElement(By.xpath("//*[@id='" + id
                    + "']//*[contains(@class,'ui-selectonemenu-label')]")).getText()));
        }

        /** Saves the editor; returns the page messages once the answer came back. */
        String save() {
            return submitForMessages(browser, By.id(form + ":save"));
        }

        /** The message shown next to the editor's input {@code field}, or empty. */
        String fieldMessage(String field) {
            List<WebElement> found = browser.findElements(By.xpath("//*[@id='" + form + ":" + field
                    + "']/ancestor::div[contains(@class,'field')][1]//*[contains(@class,'ui-message')]"));
            return found.isEmpty() ? "" : found.get(0).getText();
        }

        boolean editorOpen() {
            return !browser.findElements(By.id(form + ":save")).isEmpty();
        }

        /** The text of the table row whose name cell reads {@code name}, once it shows. */
        String rowText(String name) {
            return waitFor(browser, WAIT).until(d -> row(name).getText());
        }

        boolean hasRow(String name) {
            return !browser.findElements(rowLocator(name)).isEmpty();
        }

        /** Clicks the row's button {@code action} ({@code deactivate}, {@code remove}, {@code end}, ...), confirming
         * when asked; returns the page messages once the answer came back. */
        String act(String name, String action) {
            String before = browser.findElement(By.id("messages")).getText();
            row(name).findElement(By.cssSelector("button[id$=':" + action + "']")).click();
            if (!browser.findElements(By.id(form + ":confirm-yes")).isEmpty()) {
                try {
                    new WebDriverWait(browser, Duration.ofSeconds(2)).until(
                            ExpectedConditions.elementToBeClickable(By.id(form + ":confirm-yes"))).click();
                } catch (org.openqa.selenium.TimeoutException noConfirmation) {
                    // this action asks no confirmation
                }
            }
            return waitFor(browser, WAIT).until(d -> {
                String now = d.findElement(By.id("messages")).getText();
                return !now.equals(before) && !now.isBlank() ? now : null;
            });
        }

        private By rowLocator(String name) {
            return By.xpath("//tbody[@id='" + form + ":table_data']/tr[.//*[(contains(@class,'-name') or "
                    + "contains(@class,'coupon-code')) and normalize-space(.)='" + name + "']]");
        }

        private WebElement row(String name) {
            return waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(rowLocator(name)));
        }
    }

    // ------------------------------------------------------------------ admin: orders, provisioning, users

    /** {@code /app/admin/orders.xhtml}: the lazy orders table with its filters. */
    static final class AdminOrdersPage {
        private final WebDriver browser;

        AdminOrdersPage(WebDriver browser) {
            this.browser = browser;
        }

        static AdminOrdersPage open(WebDriver browser) {
            browser.get(app("/admin/orders.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("table:orders")));
            return new AdminOrdersPage(browser);
        }

        /** Filters by status (an OrderStatus name, or "" for all) and text; waits for the table's answer. */
        void filter(String status, String text) {
            ((JavascriptExecutor) browser).executeScript(
                    "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", "filters:status", status);
            type(browser, By.id("filters:text"), text);
            clickAndAwaitRerender(browser, By.id("filters:search"), "table:orders");
        }

        /** The hostnames of the rows shown, top to bottom. */
        List<String> hostnames() {
            return waitFor(browser, WAIT).until(d -> d.findElements(By.cssSelector(
                    "tbody[id='table:orders_data'] tr.order-row a.order-link")).stream().map(WebElement::getText)
                    .toList());
        }

        /** The row of {@code hostname} as text. */
        String row(String hostname) {
            return text(browser, By.xpath("//tbody[@id='table:orders_data']/tr[.//a[contains(@class,'order-link') "
                    + "and normalize-space(.)='" + hostname + "']]"));
        }

        /** Clicks the header of the column holding {@code headerText} (sorting by it) and waits for the answer. */
        void sortBy(String headerText) {
            WebElement header = browser.findElement(By.xpath("//div[@id='table:orders']//thead//th[.//span["
                    + "normalize-space(.)='" + headerText + "']]"));
            String before = String.join(",", hostnames());
            header.click();
            waitFor(browser, WAIT).until(d -> !String.join(",", hostnames()).equals(before)
                    || header.getAttribute("aria-sort") != null && !"none".equals(header.getAttribute("aria-sort")));
        }

        AdminOrderPage open(String hostname) {
            browser.findElement(By.xpath("//a[contains(@class,'order-link') and normalize-space(.)='" + hostname
                    + "']")).click();
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("order-status")));
            return new AdminOrderPage(browser);
        }
    }

    /** {@code /app/admin/order.xhtml?id=}: one order with its decisions and audit trail. */
    static final class AdminOrderPage {
        private final WebDriver browser;

        AdminOrderPage(WebDriver browser) {
            this.browser = browser;
        }

        static AdminOrderPage open(WebDriver browser, String orderId) {
            browser.get(app("/admin/order.xhtml?id=" + orderId));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("order-status")));
            return new AdminOrderPage(browser);
        }

        String status() {
            return waitFor(browser, WAIT).until(d -> d.findElement(By.id("order-status")).getAttribute("data-status"));
        }

        void awaitStatus(String status, Duration within) {
            waitFor(browser, within).until(d -> status.equals(d.findElement(By.id("order-status"))
                    .getAttribute("data-status")));
        }

        /**
         * Opens the dialog of {@code button} ({@code approve}, {@code reject}, {@code retry}), types {@code reason}
         * and confirms; returns the page messages once the answer came back.
         */
        String decide(String button, String reason) {
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:" + button))).click();
            WebElement field = waitFor(browser, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("f:reason")));
            field.clear();
            field.sendKeys(reason);
            return submitForMessages(browser, By.id("f:decide-confirm"));
        }

        boolean dialogOpen() {
            return browser.findElement(By.id("f:decide-dialog")).isDisplayed();
        }

        void cancelDialog() {
            browser.findElement(By.id("f:decide-cancel")).click();
            waitFor(browser, WAIT).until(d -> !d.findElement(By.id("f:decide-dialog")).isDisplayed());
        }

        boolean hasButton(String button) {
            return !browser.findElements(By.id("f:" + button)).isEmpty();
        }

        /** The history (audit trail) line that made the order {@code status}, as text. */
        String historyLine(String status) {
            return waitFor(browser, WAIT).until(d -> {
                for (WebElement row : d.findElements(By.cssSelector("tbody[id='f:history_data'] tr.history-row"))) {
                    if (!row.findElements(By.cssSelector("span[data-to='" + status + "']")).isEmpty()) {
                        return row.getText();
                    }
                }
                return null;
            });
        }

        String pricing() {
            return text(browser, By.id("pricing"));
        }

        String customer() {
            return text(browser, By.id("order-customer"));
        }
    }

    /** {@code /app/admin/provisioning.xhtml}: the provisioning monitor. */
    static final class ProvisioningMonitorPage {
        private final WebDriver browser;

        ProvisioningMonitorPage(WebDriver browser) {
            this.browser = browser;
        }

        static ProvisioningMonitorPage open(WebDriver browser) {
            browser.get(app("/admin/provisioning.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("monitor:failed")));
            return new ProvisioningMonitorPage(browser);
        }

        private static By rowIn(String table, String hostname) {
            return By.xpath("//tbody[@id='monitor:" + table + "_data']/tr[.//a[contains(@class,'order-link') and "
                    + "normalize-space(.)='" + hostname + "']]");
        }

        /** The row of {@code hostname} in the table {@code failed}, {@code provisioning} or {@code queued}. */
        String row(String table, String hostname) {
            return text(browser, rowIn(table, hostname));
        }

        /** Clicks the row's retry button; the dialog asking for a reason opens. */
        void openRetry(String hostname) {
            waitFor(browser, WAIT).until(d -> {
                d.findElement(rowIn("failed", hostname)).findElement(By.cssSelector("button.retry-button")).click();
                return true;
            });
            waitFor(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("retry:reason")));
        }

        /** Types {@code reason} into the open retry dialog and confirms; returns the page messages. */
        String confirmRetry(String reason) {
            WebElement field = browser.findElement(By.id("retry:reason"));
            field.clear();
            field.sendKeys(reason);
            return submitForMessages(browser, By.id("retry:retry-confirm"));
        }

        boolean dialogOpen() {
            return browser.findElement(By.id("retry:retry-dialog")).isDisplayed();
        }
    }

    /** {@code /app/admin/users.xhtml}. */
    static final class AdminUsersPage {
        private final WebDriver browser;

        AdminUsersPage(WebDriver browser) {
            this.browser = browser;
        }

        static AdminUsersPage open(WebDriver browser) {
            browser.get(app("/admin/users.xhtml"));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("table:users")));
            return new AdminUsersPage(browser);
        }

        /** Searches by text and returns the row of {@code email} once it shows. */
        String search(String text, String email) {
            type(browser, By.id("filters:text"), text);
            clickAndAwaitRerender(browser, By.id("filters:search"), "table:users");
            By row = By.xpath("//tbody[@id='table:users_data']/tr[.//a[contains(@class,'user-link') and "
                    + "normalize-space(.)='" + email + "']]");
            return waitFor(browser, WAIT).until(d -> {
                List<WebElement> found = d.findElements(row);
                return found.isEmpty() ? null : found.get(0).getText();
            });
        }

        AdminUserPage open(String email) {
            browser.findElement(By.xpath("//a[contains(@class,'user-link') and normalize-space(.)='" + email + "']"))
                    .click();
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("user-state")));
            return new AdminUserPage(browser);
        }
    }

    /** {@code /app/admin/user.xhtml?id=}. */
    static final class AdminUserPage {
        private final WebDriver browser;

        AdminUserPage(WebDriver browser) {
            this.browser = browser;
        }

        static AdminUserPage open(WebDriver browser, String userId) {
            browser.get(app("/admin/user.xhtml?id=" + userId));
            waitFor(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("user-state")));
            return new AdminUserPage(browser);
        }

        boolean enabled() {
            return Boolean.parseBoolean(waitFor(browser, WAIT)
                    .until(d -> d.findElement(By.id("user-state")).getAttribute("data-enabled")));
        }

        boolean hasButton(String button) {
            return !browser.findElements(By.id("f:" + button)).isEmpty();
        }

        /**
         * Opens the dialog of {@code button} ({@code disable}, {@code enable}, {@code change-roles}), ticks exactly
         * {@code roles} (Role names) when given, types {@code reason} and confirms; returns the page messages.
         */
        String act(String button, String reason, String... roles) {
            waitFor(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("f:" + button))).click();
            waitFor(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("f:reason")));
            return confirm(reason, roles);
        }

        /** Ticks exactly {@code roles} when given, types {@code reason} into the open dialog and confirms. */
        String confirm(String reason, String... roles) {
            WebElement field = browser.findElement(By.id("f:reason"));
            if (roles.length > 0) {
                List<String> wanted = List.of(roles);
                for (WebElement box : browser.findElements(By.cssSelector("[id='f:roles'] input[type='checkbox']"))) {
                    boolean checked = box.isSelected();
                    if (checked != wanted.contains(box.getAttribute("value"))) {
                        browser.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
                    }
                }
            }
            field.clear();
            field.sendKeys(reason);
            return submitForMessages(browser, By.id("f:act-confirm"));
        }

        void cancel() {
            browser.findElement(By.id("f:act-cancel")).click();
            waitFor(browser, WAIT).until(d -> !d.findElement(By.id("f:act-dialog")).isDisplayed());
        }

        String roles() {
            return text(browser, By.id("user-roles"));
        }

        String wallet() {
            return text(browser, By.id("user-wallet"));
        }

        /** The audit trail line of type {@code type} (a UserAuditEvent type), as text. */
        String auditLine(String type) {
            return waitFor(browser, WAIT).until(d -> {
                for (WebElement row : d.findElements(By.cssSelector("tbody[id='f:audit_data'] tr.audit-row"))) {
                    if (!row.findElements(By.cssSelector(".audit-type[data-type='" + type + "']")).isEmpty()) {
                        return row.getText();
                    }
                }
                return null;
            });
        }

        String rolesNote() {
            List<WebElement> note = browser.findElements(By.id("f:roles-note"));
            return note.isEmpty() ? "" : note.get(0).getText();
        }
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
