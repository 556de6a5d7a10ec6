package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.ActiveServer;
import id.webrana.cloud.it.PortalPages.AdminInstancePage;
import id.webrana.cloud.it.PortalPages.AdminInstancesPage;
import id.webrana.cloud.it.PortalPages.Customer;
import id.webrana.cloud.it.PortalPages.ServerPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' server pages in a real browser, signed in as the server's admin: finding a customer's server,
 * suspending it by force (refused without a reason), the audit line with the reason, the customer locked out, and
 * unsuspending it; the provisioning tools refuse bad input and report a cleanup.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class AdminInstancesPagesIT {

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
    void the_admin_suspends_a_server_with_a_reason_and_unsuspends_it() {
        Customer customer = PortalPages.newCustomer("web-adm-srv");
        ActiveServer server = PortalPages.activeServer(customer, PortalPages.hostname("adm-srv"));
        PortalPages.signIn(browser, PortalPages.admin());

        AdminInstancesPage list = AdminInstancesPage.open(browser);
        String row = list.search(server.hostname(), server.hostname());
        assertThat(row).contains(server.ipv4()).contains(customer.userId()).contains("AKTIF").contains("WIB");
        assertThat(list.rows()).isEqualTo(1);
        PortalPages.screenshot("admin-instances");

        AdminInstancePage page = list.open(server.hostname());
        assertThat(page.status()).isEqualTo("ACTIVE");

        String refused = page.intervene("force-suspend", "");
        assertThat(refused).contains("Alasan wajib diisi");
        assertThat(page.dialogOpen()).as("the dialog stays open for the reason").isTrue();
        page.cancelDialog();
        assertThat(page.status()).isEqualTo("ACTIVE");

        String reason = "laporan penyalahgunaan jaringan " + System.nanoTime();
        String done = page.intervene("force-suspend", reason);
        assertThat(done).contains(server.hostname()).contains("ditangguhkan");
        page.awaitStatus("SUSPENDED");
        assertThat(page.suspensionReason()).contains("Oleh admin").contains(reason);
        assertThat(page.historyLine("SUSPENDED", reason)).contains("Ditangguhkan").contains("Admin ");
        PortalPages.screenshot("admin-instance-suspended");

        // the customer sees it suspended, with the reason, and cannot act on it
        PortalPages.signIn(browser, customer);
        ServerPage customersPage = ServerPage.open(browser, server.instanceId());
        assertThat(customersPage.status()).isEqualTo("SUSPENDED");
        assertThat(browser.getPageSource()).contains(reason);
        assertThat(customersPage.actionEnabled("reboot")).isFalse();
        assertThat(browser.findElement(By.id("f:actions-locked")).getText())
                .contains("ditangguhkan");
        PortalPages.screenshot("portal-server-suspended");

        PortalPages.signIn(browser, PortalPages.admin());
        page = AdminInstancePage.open(browser, server.instanceId());
        String unsuspended = page.intervene("force-unsuspend", "sudah diklarifikasi pelanggan");
        assertThat(unsuspended).contains("diaktifkan kembali");
        page.awaitStatus("ACTIVE");
        assertThat(page.historyLine("UNSUSPENDED", "sudah diklarifikasi pelanggan")).contains("Admin ");
    }

    @Test
    void the_provisioning_tools_refuse_bad_input_and_report_a_cleanup() {
        PortalPages.signIn(browser, PortalPages.admin());
        AdminInstancesPage page = AdminInstancesPage.open(browser);

        assertThat(page.retry("bukan-uuid", "")).contains("ID pesanan harus berupa UUID")
                .contains("Alasan wajib diisi");
        assertThat(page.retry(UUID.randomUUID().toString(), "pelanggan minta dicoba lagi"))
                .contains("Pesanan tidak ditemukan");

        String report = page.cleanUp();
        assertThat(report).contains("Dihapus").contains("Dibiarkan").contains("Gagal");
        PortalPages.screenshot("admin-instances-cleanup");
    }
}
