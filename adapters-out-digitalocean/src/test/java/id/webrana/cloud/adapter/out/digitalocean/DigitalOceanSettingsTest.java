package id.webrana.cloud.adapter.out.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which URL and token the adapter uses, from configuration. */
class DigitalOceanSettingsTest {

    private static Function<String, Optional<String>> config(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void a_token_selects_the_real_api_with_that_token() {
        DigitalOceanSettings settings = DigitalOceanSettings.resolve(config(Map.of("DO_ACCESS_TOKEN", "dop_v1_abc")));

        assertThat(settings.baseUri()).isEqualTo(URI.create("https://api.digitalocean.com"));
        assertThat(settings.token()).isEqualTo("dop_v1_abc");
        assertThat(settings.sandbox()).isFalse();
    }

    @Test
    void a_token_with_an_api_url_uses_that_url() {
        DigitalOceanSettings settings = DigitalOceanSettings.resolve(config(Map.of(
                "DO_ACCESS_TOKEN", "dop_v1_abc", "DIGITALOCEAN_API_URL", "http://127.0.0.1:4010/",
                "SANDBOX_DIGITALOCEAN_URL", "http://localhost:1/ignored")));

        assertThat(settings.baseUri()).isEqualTo(URI.create("http://127.0.0.1:4010"));
        assertThat(settings.token()).isEqualTo("dop_v1_abc");
        assertThat(settings.sandbox()).isFalse();
    }

    @Test
    void without_a_token_the_built_in_simulator_is_used_with_the_sandbox_token() {
        DigitalOceanSettings settings = DigitalOceanSettings.resolve(config(Map.of(
                "DIGITALOCEAN_API_URL", "https://api.digitalocean.com")));

        assertThat(settings.baseUri()).isEqualTo(URI.create("http://localhost:9080/sandbox/digitalocean"));
        assertThat(settings.token()).isEqualTo("sandbox-token");
        assertThat(settings.sandbox()).isTrue();
    }

    @Test
    void a_blank_token_counts_as_no_token() {
        DigitalOceanSettings settings = DigitalOceanSettings.resolve(config(Map.of("DO_ACCESS_TOKEN", "  ")));

        assertThat(settings.sandbox()).isTrue();
        assertThat(settings.token()).isEqualTo("sandbox-token");
    }

    @Test
    void the_simulator_url_can_be_moved_and_loses_its_trailing_slash() {
        DigitalOceanSettings settings = DigitalOceanSettings.resolve(config(Map.of(
                "SANDBOX_DIGITALOCEAN_URL", "http://127.0.0.1:9443/sandbox/digitalocean/")));

        assertThat(settings.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9443/sandbox/digitalocean"));
        assertThat(settings.sandbox()).isTrue();
    }

    @Test
    void timeouts_default_to_five_and_twenty_seconds_and_can_be_configured() {
        assertThat(DigitalOceanSettings.resolve(config(Map.of())))
                .satisfies(s -> assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5)))
                .satisfies(s -> assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(20)));

        DigitalOceanSettings tuned = DigitalOceanSettings.resolve(config(Map.of(
                "DIGITALOCEAN_CONNECT_TIMEOUT_MS", "1500", "DIGITALOCEAN_READ_TIMEOUT_MS", "45000")));
        assertThat(tuned.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(tuned.readTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void malformed_urls_and_timeouts_fail_fast() {
        assertThatIllegalArgumentException().isThrownBy(() -> DigitalOceanSettings.resolve(config(Map.of(
                "DO_ACCESS_TOKEN", "t", "DIGITALOCEAN_API_URL", "api.digitalocean.com"))))
                .withMessageContaining("DIGITALOCEAN_API_URL");
        assertThatIllegalArgumentException().isThrownBy(() -> DigitalOceanSettings.resolve(config(Map.of(
                "DIGITALOCEAN_READ_TIMEOUT_MS", "soon")))).withMessageContaining("DIGITALOCEAN_READ_TIMEOUT_MS");
        assertThatIllegalArgumentException().isThrownBy(() -> DigitalOceanSettings.resolve(config(Map.of(
                "DIGITALOCEAN_CONNECT_TIMEOUT_MS", "0"))));
    }

    @Test
    void the_token_never_shows_in_the_string_form() {
        DigitalOceanSettings settings = DigitalOceanSettings.resolve(config(Map.of("DO_ACCESS_TOKEN", "dop_v1_secret")));

        assertThat(settings.toString()).doesNotContain("dop_v1_secret").contains("api.digitalocean.com");
    }
}
