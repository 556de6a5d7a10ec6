package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.AdminOrderPage;
import id.webrana.cloud.it.PortalPages.AdminOrdersPage;
import id.webrana.cloud.it.PortalPages.AdminUserPage;
import id.webrana.cloud.it.PortalPages.AdminUsersPage;
import id.webrana.cloud.it.PortalPages.Customer;
import id.webrana.cloud.it.PortalPages.LoginPage;
import id.webrana.cloud.it.PortalPages.ProvisioningMonitorPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' order, provisioning and user pages in a real browser, signed in as the test server's admin (a
 * super admin: ADMIN_EMAIL is created with the super_admin and admin roles): finding pending orders in the lazy
 * table, approving one and rejecting another with reasons and reading the audit trail with its actors; the
 * provisioning monitor's FAILED order retried to ACTIVE; disabling a customer (their next request goes to the
 * sign-in page) and enabling them again; and roles, which only a super admin may change.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class AdminOrdersPagesIT {

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
    void the_admin_finds_pending_orders_approves_one_rejects_another_and_reads_the_audit_trail() {
        Customer customer = PortalPages.newCustomer("adm-ord");
        String first = PortalPages.hostname("a-ord");
        String second = PortalPages.hostname("b-ord");
        String firstId = Api.placeMonthlyOrder(customer.token(), first);
        String secondId = Api.placeMonthlyOrder(customer.token(), second);
        Customer admin = PortalPages.admin();
        PortalPages.signIn(browser, admin);

        browser.get(PortalPages.app("/admin/"));
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> d.getCurrentUrl().contains("/admin/orders.xhtml"));
        AdminOrdersPage list = new AdminOrdersPage(browser);
        list.filter("PENDING_PAYMENT", customer.email());
        assertThat(list.hostnames()).as("newest first").containsExactly(second, first);
        assertThat(list.row(first)).contains(customer.email()).contains("MENUNGGU PEMBAYARAN").contains("Rp ")
                .contains("WIB");
        list.sortBy("Hostname");
        assertThat(list.hostnames()).as("sorted by hostname").containsExactly(first, second);
        list.filter("PAID", customer.email());
        assertThat(list.hostnames()).isEmpty();
        list.filter("PENDING_PAYMENT", first);
        assertThat(list.hostnames()).containsExactly(first);
        PortalPages.screenshot("admin-orders");

        AdminOrderPage page = list.open(first);
        assertThat(page.status()).isEqualTo("PENDING_PAYMENT");
        assertThat(page.pricing()).contains("Rp 90.000");
        assertThat(page.customer()).contains(customer.email());
        String approvedWith = "Transfer BCA diterima " + System.nanoTime();
        assertThat(page.decide("approve", approvedWith)).contains("disetujui").contains(first);
        page.awaitStatus("ACTIVE", Duration.ofSeconds(40));
        assertThat(page.historyLine("PAID")).contains("Admin " + admin.email()).contains(approvedWith);
        assertThat(page.historyLine("PENDING_PAYMENT")).contains("Pelanggan " + customer.email());
        assertThat(page.historyLine("ACTIVE")).contains("Sistem");
        assertThat(page.hasButton("approve")).isFalse();
        PortalPages.screenshotOf(browser, By.id("f:history"), "admin-order-approved-audit");

        page = AdminOrderPage.open(browser, secondId);
        assertThat(page.decide("reject", "")).contains("Alasan wajib diisi");
        assertThat(page.dialogOpen()).as("the dialog stays open for the reason").isTrue();
        page.cancelDialog();
        assertThat(page.status()).isEqualTo("PENDING_PAYMENT");
        String rejectedWith = "Transfer tidak ditemukan " + System.nanoTime();
        assertThat(page.decide("reject", rejectedWith)).contains("ditolak");
        page.awaitStatus("PAYMENT_FAILED", PortalPages.WAIT);
        assertThat(page.historyLine("PAYMENT_FAILED")).contains("Admin " + admin.email()).contains(rejectedWith)
                .contains("WIB");
        PortalPages.screenshotOf(browser, By.id("f:history"), "admin-order-rejected-audit");

        // the customer sees both outcomes
        Api.Reply rejected = Api.get("/api/v1/orders/" + secondId, Api.bearer(customer.token()));
        assertThat(rejected.json().getString("status")).isEqualTo("PAYMENT_FAILED");
        Api.Reply approved = Api.get("/api/v1/orders/" + firstId, Api.bearer(customer.token()));
        assertThat(approved.json().getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void the_provisioning_monitor_shows_a_failed_order_whose_retry_makes_it_active() throws Exception {
        String prefix = PortalPages.hostname("mon");
        String orderId = InstancesIT.failedOrder(prefix);
        String hostname = prefix + "-srv";
        PortalPages.signIn(browser, PortalPages.admin());

        ProvisioningMonitorPage monitor = ProvisioningMonitorPage.open(browser);
        String row = monitor.row("failed", hostname);
        assertThat(row).contains("GAGAL").contains("mnt").contains("WIB");
        assertThat(browser.findElement(By.xpath("//tbody[@id='monitor:failed_data']/tr[.//a[normalize-space(.)='"
                + hostname + "']]//span[contains(@class,'last-error')]")).getText()).isNotBlank();
        PortalPages.screenshot("admin-provisioning-failed");

        monitor.openRetry(hostname);
        assertThat(monitor.confirmRetry("")).contains("Alasan wajib diisi");
        assertThat(monitor.dialogOpen()).as("the dialog stays open for the reason").isTrue();
        assertThat(monitor.confirmRetry("penyedia sudah pulih")).contains("diproses ulang").contains(hostname);

        AdminOrderPage page = AdminOrderPage.open(browser, orderId);
        page.awaitStatus("ACTIVE", Duration.ofSeconds(40));
        assertThat(page.historyLine("FAILED")).contains("Sistem");
        assertThat(page.historyLine("ACTIVE")).isNotBlank();
        assertThat(browser.findElement(By.id("f:order-server")).getText()).isNotBlank();
        PortalPages.screenshot("admin-order-retried");
    }

    @Test
    void a_disabled_customer_is_sent_to_sign_in_at_their_next_request_and_comes_back_once_enabled() {
        Customer customer = PortalPages.newCustomer("adm-usr");
        PortalPages.signIn(browser, customer);
        browser.get(PortalPages.app("/portal/index.xhtml"));
        Cookie customerSession = PortalPages.sessionCookie(browser).orElseThrow();

        Customer admin = PortalPages.admin();
        PortalPages.signIn(browser, admin);
        Cookie adminSession = PortalPages.sessionCookie(browser).orElseThrow();
        AdminUsersPage users = AdminUsersPage.open(browser);
        assertThat(users.search(customer.email().split("@")[0], customer.email())).contains("Budi Santoso")
                .contains("AKTIF").contains("Pelanggan");
        AdminUserPage page = users.open(customer.email());
        assertThat(page.enabled()).isTrue();
        assertThat(page.wallet()).isEqualTo("Rp 0");
        assertThat(page.act("disable", "")).contains("Alasan wajib diisi");
        String reason = "chargeback berulang " + System.nanoTime();
        assertThat(page.confirm(reason)).contains("dinonaktifkan");
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> !page.enabled());
        assertThat(page.auditLine("DISABLED")).contains("Admin " + admin.email()).contains(reason);
        PortalPages.screenshot("admin-user-disabled");

        // the customer's next request ends their session on the sign-in page; signing in is refused
        PortalPages.useSession(browser, customerSession);
        browser.get(PortalPages.app("/portal/index.xhtml"));
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> d.getCurrentUrl().contains("/login.xhtml"));
        assertThat(browser.getCurrentUrl()).contains("ended=1");
        LoginPage login = new LoginPage(browser);
        login.submit(customer.email(), customer.password());
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> login.messages().contains("dinonaktifkan"));

        PortalPages.useSession(browser, adminSession);
        AdminUserPage again = AdminUserPage.open(browser, customer.userId());
        assertThat(again.enabled()).isFalse();
        assertThat(again.act("enable", "sudah diklarifikasi")).contains("diaktifkan kembali");
        assertThat(again.auditLine("ENABLED")).contains("Admin " + admin.email()).contains("sudah diklarifikasi");

        PortalPages.signIn(browser, customer);
        browser.get(PortalPages.app("/portal/index.xhtml"));
        assertThat(browser.getCurrentUrl()).contains("/portal/index.xhtml");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Budi Santoso");
    }

    @Test
    void only_a_super_admin_changes_roles_and_a_plain_admin_gets_no_control_for_it() {
        Customer promoted = PortalPages.newCustomer("adm-role");
        Customer other = PortalPages.newCustomer("adm-role-x");
        Customer superAdmin = PortalPages.admin();
        PortalPages.signIn(browser, superAdmin);

        AdminUserPage page = AdminUserPage.open(browser, promoted.userId());
        assertThat(page.hasButton("change-roles")).as("the test admin is a super admin").isTrue();
        assertThat(page.act("change-roles", "bergabung dengan tim support", "CUSTOMER", "ADMIN"))
                .contains("diubah");
        PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> page.roles().contains("Admin"));
        assertThat(page.roles()).isEqualTo("Pelanggan, Admin");
        assertThat(page.auditLine("ROLES_CHANGED")).contains("CUSTOMER → CUSTOMER, ADMIN")
                .contains("Admin " + superAdmin.email());
        PortalPages.screenshot("admin-user-roles");

        // the new admin signs in and may work on users, but has no control over roles
        PortalPages.signIn(browser, promoted);
        AdminUserPage asPlainAdmin = AdminUserPage.open(browser, other.userId());
        assertThat(asPlainAdmin.hasButton("change-roles")).isFalse();
        assertThat(asPlainAdmin.hasButton("disable")).isTrue();
        assertThat(asPlainAdmin.rolesNote()).contains("hanya dapat diubah oleh super admin");
        AdminUsersPage users = AdminUsersPage.open(browser);
        assertThat(users.search(superAdmin.email(), superAdmin.email())).contains("Super admin");
        AdminUserPage root = users.open(superAdmin.email());
        assertThat(root.hasButton("change-roles")).isFalse();
        assertThat(root.hasButton("disable")).as("an administrator is disabled by a super admin only").isFalse();
        PortalPages.screenshot("admin-user-plain-admin");
    }
}
