package id.webrana.cloud.adapter.in.faces.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeRedirectTest {

    @Test
    void in_app_paths_are_kept_with_their_query() {
        assertThat(SafeRedirect.inApp("/portal/invoices.xhtml")).isEqualTo("/portal/invoices.xhtml");
        assertThat(SafeRedirect.inApp("/portal/invoice.xhtml?id=42&returned=1"))
                .isEqualTo("/portal/invoice.xhtml?id=42&returned=1");
    }

    @Test
    void other_hosts_and_tricks_go_to_the_portal_home() {
        for (String evil : new String[] {null, "", "  ", "https://evil.example/x", "//evil.example/x",
                "/\\evil.example", "portal/index.xhtml", "/login.xhtml?next=/login.xhtml", "/x\r\nLocation: y",
                "/jakarta.faces.resource/x.js", "/x?u=http://evil"}) {
            assertThat(SafeRedirect.inApp(evil)).as(String.valueOf(evil)).isEqualTo(SafeRedirect.HOME);
        }
    }
}
