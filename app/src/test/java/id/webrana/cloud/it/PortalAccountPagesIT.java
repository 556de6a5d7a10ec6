package id.webrana.cloud.it;

import id.webrana.cloud.it.PortalPages.Customer;
import id.webrana.cloud.it.PortalPages.LoginPage;
import id.webrana.cloud.it.PortalPages.ProfilePage;
import id.webrana.cloud.it.PortalPages.SignupPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's account pages in a real browser (headless Debian Chromium): signing up with refusals shown next to
 * their input and nothing else lost, a forgotten password reset through the link in the local mailbox, the profile
 * (name, phone), a password change that ends the other sessions but keeps this one, and "sign out everywhere",
 * after which a session kept aside is sent to the login page.
 */
@ExtendWith(PortalPages.ScreenshotOnFailure.class)
class PortalAccountPagesIT {

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
    void signing_up_shows_each_refusal_next_to_its_input_and_keeps_everything_else() {
        Customer existing = PortalPages.newCustomer("web-taken");
        String email = "web-signup-" + System.nanoTime() + "@example.id";
        browser.manage().deleteAllCookies();
        browser.get(PortalPages.app("/"));
        browser.findElement(By.id("nav-signup")).click();
        SignupPage signup = new SignupPage(browser);
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("signup:email")));

        signup.fill("Dewi Lestari", email, "0813 9876 5432", "pendek", "pendek").submitRefused();
        assertThat(signup.message("password")).contains("Kata sandi terlalu lemah");
        assertThat(signup.value("fullName")).isEqualTo("Dewi Lestari");
        assertThat(signup.value("email")).isEqualTo(email);
        assertThat(signup.value("phone")).isEqualTo("0813 9876 5432");
        PortalPages.screenshot("signup-refused");

        signup.fill(null, null, null, "Rahasia123", "Rahasia124").submitRefused();
        assertThat(signup.message("confirm")).isEqualTo("Kedua kata sandi tidak sama.");
        assertThat(signup.message("password")).isEmpty();

        signup.fill(null, null, "12ab", "Rahasia123", "Rahasia123").submitRefused();
        assertThat(signup.message("phone")).startsWith("Nomor ponsel tidak valid");
        assertThat(signup.value("email")).isEqualTo(email);

        signup.fill(null, existing.email(), "0813 9876 5432", "Rahasia123", "Rahasia123").submitRefused();
        assertThat(signup.message("email")).startsWith("Email ini sudah terdaftar");
        assertThat(signup.value("fullName")).isEqualTo("Dewi Lestari");

        signup.fill(null, email, null, "Rahasia123", "Rahasia123").submitAccepted();
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Dewi Lestari");
        assertThat(Api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Rahasia123\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void a_forgotten_password_is_reset_through_the_link_in_the_local_mailbox() {
        Customer customer = PortalPages.newCustomer("web-forgot");
        browser.manage().deleteAllCookies();
        LoginPage.open(browser);
        browser.findElement(By.id("login:to-forgot")).click();
        PortalPages.type(browser, By.id("forgot:email"), customer.email());
        browser.findElement(By.id("forgot:send")).click();
        assertThat(PortalPages.text(browser, By.id("forgot:sent"))).contains(customer.email());

        String link = PortalPages.mailedLink(customer.email(), "ACCOUNT_PASSWORD_RESET", "/app/reset-password?token=",
                Duration.ofSeconds(20));
        browser.get(link);
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("reset:password")));
        assertThat(browser.getCurrentUrl()).contains("/app/reset-password.xhtml?token=");

        PortalPages.type(browser, By.id("reset:password"), "abc");
        PortalPages.type(browser, By.id("reset:confirm"), "abc");
        browser.findElement(By.id("reset:save")).click();
        String weak = PortalPages.waitFor(browser, PortalPages.WAIT).until(d -> {
            String m = d.findElement(By.id("reset:password-message")).getText();
            return m.isBlank() ? null : m;
        });
        assertThat(weak).contains("Kata sandi terlalu lemah");

        PortalPages.type(browser, By.id("reset:password"), "BaruSekali2026");
        PortalPages.type(browser, By.id("reset:confirm"), "BaruSekali2026");
        browser.findElement(By.id("reset:save")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("reset:reset-done")));
        PortalPages.screenshot("password-reset-done");

        browser.findElement(By.id("reset:to-login")).click();
        new LoginPage(browser).signIn(new Customer(customer.email(), "BaruSekali2026", null));
        assertThat(browser.getCurrentUrl()).contains("/app/portal/");
        assertThat(Api.post("/api/v1/auth/login", "{\"email\":\"" + customer.email()
                + "\",\"password\":\"Rahasia123\"}").status()).as("the old password is gone").isEqualTo(401);

        browser.get(link);
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("reset:password")));
        PortalPages.type(browser, By.id("reset:password"), "LagiLagi2027");
        PortalPages.type(browser, By.id("reset:confirm"), "LagiLagi2027");
        browser.findElement(By.id("reset:save")).click();
        PortalPages.waitFor(browser, PortalPages.WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("reset:reset-invalid")));
        assertThat(browser.findElement(By.id("reset:ask-again")).isDisplayed()).as("a used link offers a new one")
                .isTrue();
    }

    @Test
    void the_profile_changes_name_phone_and_password_and_signs_out_everywhere() {
        Customer customer = PortalPages.newCustomer("web-profile");
        PortalPages.signIn(browser, customer);
        Cookie first = PortalPages.sessionCookie(browser).orElseThrow();

        // a second browser session of the same account, kept aside
        browser.manage().deleteAllCookies();
        LoginPage.open(browser).signIn(customer);
        Cookie other = PortalPages.sessionCookie(browser).orElseThrow();
        PortalPages.useSession(browser, first);

        ProfilePage profile = ProfilePage.open(browser);
        assertThat(browser.findElement(By.id("profile-email")).getText()).contains(customer.email());
        assertThat(profile.value("profile:fullName")).isEqualTo("Budi Santoso");
        assertThat(profile.value("profile:phone")).isEqualTo("+6281234567890");
        assertThat(profile.save("Budi Hartono", "12ab")).contains("Nomor ponsel tidak valid");
        assertThat(profile.value("profile:fullName")).isEqualTo("Budi Hartono");
        assertThat(profile.save("Budi Hartono", "0813 1111 2222")).contains("Profil disimpan.");
        ProfilePage reloaded = ProfilePage.open(browser);
        assertThat(reloaded.value("profile:phone")).isIn("081311112222", "+6281311112222");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Budi Hartono");

        // the password: the current one is checked, the new one typed twice
        assertThat(reloaded.changePassword("SalahSekali1", "Rahasia456", "Rahasia456"))
                .contains("Kata sandi saat ini salah.");
        assertThat(reloaded.changePassword("Rahasia123", "Rahasia456", "Rahasia457"))
                .contains("Kedua kata sandi tidak sama.");
        assertThat(reloaded.changePassword("Rahasia123", "Rahasia456", "Rahasia456"))
                .contains("Kata sandi sudah diganti.");
        PortalPages.screenshot("profile-password-changed");
        ProfilePage.open(browser); // this browser stays signed in
        Cookie renewed = PortalPages.sessionCookie(browser).orElseThrow();
        assertThat(renewed.getValue()).as("the session id is renewed").isNotEqualTo(first.getValue());

        // the other session ended with the password change
        PortalPages.useSession(browser, other);
        browser.get(PortalPages.app("/portal/index.xhtml"));
        LoginPage login = new LoginPage(browser);
        assertThat(login.isShown()).isTrue();
        assertThat(browser.findElement(By.id("login:session-ended")).getText()).isEqualTo(
                "Sesi Anda telah diakhiri. Silakan masuk lagi.");

        // sign out everywhere from a new session: the renewed one is sent to the login page too
        Customer withNewPassword = new Customer(customer.email(), "Rahasia456", null);
        browser.manage().deleteAllCookies();
        LoginPage.open(browser).signIn(withNewPassword);
        ProfilePage.open(browser).signOutEverywhere();
        assertThat(browser.findElement(By.id("login:bye-everywhere")).getText())
                .isEqualTo("Anda telah keluar dari semua perangkat.");
        PortalPages.useSession(browser, renewed);
        browser.get(PortalPages.app("/portal/profile.xhtml"));
        assertThat(new LoginPage(browser).isShown()).as("a session kept aside is ended too").isTrue();
        assertThat(E2e.get("/app/portal/index.xhtml", "Cookie", "JSESSIONID=" + renewed.getValue()).statusCode())
                .isEqualTo(302);

        // signing in again works
        LoginPage.open(browser).signIn(withNewPassword);
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Budi Hartono");
    }
}
