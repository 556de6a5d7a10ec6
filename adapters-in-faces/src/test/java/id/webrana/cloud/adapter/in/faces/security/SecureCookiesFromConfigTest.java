package id.webrana.cloud.adapter.in.faces.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecureCookiesFromConfigTest {

    @Test
    void the_cookie_is_secure_exactly_when_the_site_is_served_over_https_unless_set_explicitly() {
        assertThat(SecureCookiesFromConfig.secure(null, "https://cloud.webrana.id")).isTrue();
        assertThat(SecureCookiesFromConfig.secure(null, " HTTPS://cloud.webrana.id ")).isTrue();
        assertThat(SecureCookiesFromConfig.secure(null, "http://localhost:9080")).isFalse();
        assertThat(SecureCookiesFromConfig.secure(null, null)).isFalse();
        assertThat(SecureCookiesFromConfig.secure("false", "https://cloud.webrana.id")).isFalse();
        assertThat(SecureCookiesFromConfig.secure("true", "http://localhost:9080")).isTrue();
        assertThat(SecureCookiesFromConfig.secure(" ", "https://cloud.webrana.id")).isTrue();
    }
}
