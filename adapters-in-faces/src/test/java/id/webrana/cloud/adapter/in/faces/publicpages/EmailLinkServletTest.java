package id.webrana.cloud.adapter.in.faces.publicpages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailLinkServletTest {

    @Test
    void each_email_link_opens_its_page_with_the_token() {
        assertThat(EmailLinkServlet.pageFor("/verify-email", "abc_DEF-123"))
                .isEqualTo("/verify-email.xhtml?token=abc_DEF-123");
        assertThat(EmailLinkServlet.pageFor("/reset-password", "abc_DEF-123"))
                .isEqualTo("/reset-password.xhtml?token=abc_DEF-123");
    }

    @Test
    void a_token_is_encoded_and_a_missing_one_opens_the_page_bare() {
        assertThat(EmailLinkServlet.pageFor("/reset-password", "a b&c")).isEqualTo("/reset-password.xhtml?token=a+b%26c");
        assertThat(EmailLinkServlet.pageFor("/verify-email", null)).isEqualTo("/verify-email.xhtml");
        assertThat(EmailLinkServlet.pageFor("/verify-email", " ")).isEqualTo("/verify-email.xhtml");
    }
}
