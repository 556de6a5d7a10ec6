package id.webrana.cloud.adapter.out.tripay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.adapter.out.tripay.TripaySettings.Mode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@link TripaySettings} are resolved from configuration. */
class TripaySettingsTest {

    private static final String API_KEY = "LIVE-abcdefghijklmnop";
    private static final String PRIVATE_KEY = "Priv-0123456789-secret";

    private static TripaySettings resolve(Map<String, String> config) {
        return TripaySettings.resolve(name -> Optional.ofNullable(config.get(name)));
    }

    private static Map<String, String> credentials() {
        Map<String, String> config = new HashMap<>();
        config.put(TripaySettings.API_KEY, API_KEY);
        config.put(TripaySettings.PRIVATE_KEY, PRIVATE_KEY);
        config.put(TripaySettings.MERCHANT_CODE, "T12345");
        return config;
    }

    @Test
    void without_credentials_the_built_in_simulator_is_used_with_its_fixed_credentials() {
        TripaySettings settings = resolve(Map.of());

        assertThat(settings.mode()).isEqualTo(Mode.SIMULATOR);
        assertThat(settings.simulator()).isTrue();
        assertThat(settings.baseUri()).isEqualTo(URI.create("http://localhost:9080/sandbox/tripay/api-sandbox"));
        assertThat(settings.merchantCode()).isEqualTo("T-SANDBOX").isEqualTo(TripaySettings.SIMULATOR_MERCHANT_CODE);
        assertThat(settings.apiKey()).isEqualTo("DEV-webrana-sandbox").isEqualTo(TripaySettings.SIMULATOR_API_KEY);
        assertThat(settings.privateKey()).isEqualTo("webrana-sandbox-private-key")
                .isEqualTo(TripaySettings.SIMULATOR_PRIVATE_KEY);
    }

    @Test
    void the_simulator_url_can_be_moved_and_blank_values_count_as_unset() {
        TripaySettings settings = resolve(Map.of(TripaySettings.SIMULATOR_URL, "http://127.0.0.1:9180/sandbox/tripay/api-sandbox/",
                TripaySettings.API_KEY, "   ", TripaySettings.API_URL, "https://ignored.example"));

        assertThat(settings.mode()).isEqualTo(Mode.SIMULATOR);
        assertThat(settings.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9180/sandbox/tripay/api-sandbox"));
    }

    @Test
    void credentials_without_a_mode_go_to_tripays_sandbox() {
        TripaySettings settings = resolve(credentials());

        assertThat(settings.mode()).isEqualTo(Mode.SANDBOX);
        assertThat(settings.baseUri()).isEqualTo(URI.create("https://tripay.co.id/api-sandbox"));
        assertThat(settings.apiKey()).isEqualTo(API_KEY);
        assertThat(settings.privateKey()).isEqualTo(PRIVATE_KEY);
        assertThat(settings.merchantCode()).isEqualTo("T12345");
    }

    @Test
    void production_mode_goes_to_tripays_production_api() {
        Map<String, String> config = credentials();
        config.put(TripaySettings.MODE, " Production ");

        TripaySettings settings = resolve(config);

        assertThat(settings.mode()).isEqualTo(Mode.PRODUCTION);
        assertThat(settings.baseUri()).isEqualTo(URI.create("https://tripay.co.id/api"));
    }

    @Test
    void the_api_url_override_replaces_the_url_of_the_mode() {
        Map<String, String> config = credentials();
        config.put(TripaySettings.MODE, "production");
        config.put(TripaySettings.API_URL, "https://tripay-proxy.internal.example/api/");

        TripaySettings settings = resolve(config);

        assertThat(settings.mode()).isEqualTo(Mode.PRODUCTION);
        assertThat(settings.baseUri()).isEqualTo(URI.create("https://tripay-proxy.internal.example/api"));
    }

    @ParameterizedTest(name = "api key {0}, private key {1}, merchant code {2}")
    @CsvSource({"true,false,false", "true,true,false", "true,false,true", "false,true,true", "false,true,false",
            "false,false,true"})
    void partial_credentials_are_refused_naming_what_is_missing(boolean apiKey, boolean privateKey,
                                                                boolean merchantCode) {
        Map<String, String> config = new HashMap<>();
        if (apiKey) {
            config.put(TripaySettings.API_KEY, API_KEY);
        }
        if (privateKey) {
            config.put(TripaySettings.PRIVATE_KEY, PRIVATE_KEY);
        }
        if (merchantCode) {
            config.put(TripaySettings.MERCHANT_CODE, "T12345");
        }

        assertThatThrownBy(() -> resolve(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partly configured")
                .satisfies(e -> {
                    String message = e.getMessage();
                    String missing = message.substring(message.indexOf(": ") + 2, message.indexOf(" missing"));
                    List<String> expected = new ArrayList<>();
                    if (!apiKey) {
                        expected.add(TripaySettings.API_KEY);
                    }
                    if (!privateKey) {
                        expected.add(TripaySettings.PRIVATE_KEY);
                    }
                    if (!merchantCode) {
                        expected.add(TripaySettings.MERCHANT_CODE);
                    }
                    assertThat(missing.split(", ")).containsExactlyInAnyOrderElementsOf(expected);
                })
                .hasMessageNotContaining(API_KEY).hasMessageNotContaining(PRIVATE_KEY);
    }

    @Test
    void production_mode_without_credentials_is_refused_instead_of_falling_back_to_the_simulator() {
        assertThatThrownBy(() -> resolve(Map.of(TripaySettings.MODE, "production")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("production");
    }

    @Test
    void an_unknown_mode_is_refused() {
        Map<String, String> config = credentials();
        config.put(TripaySettings.MODE, "live");

        assertThatThrownBy(() -> resolve(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TripaySettings.MODE);
    }

    @Test
    void timeouts_cache_lifetime_and_retries_come_from_configuration() {
        Map<String, String> config = credentials();
        config.put(TripaySettings.CONNECT_TIMEOUT_MS, "1500");
        config.put(TripaySettings.READ_TIMEOUT_MS, "7000");
        config.put(TripaySettings.CHANNEL_CACHE_SECONDS, "0");
        config.put(TripaySettings.READ_RETRIES, "1");
        config.put(TripaySettings.RETRY_DELAY_MS, "50");

        TripaySettings settings = resolve(config);

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.channelCacheTtl()).isZero();
        assertThat(settings.readRetries()).isEqualTo(1);
        assertThat(settings.retryDelay()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void the_defaults_are_documented_ones() {
        TripaySettings settings = resolve(credentials());

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.channelCacheTtl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.readRetries()).isEqualTo(2);
        assertThat(settings.retryDelay()).isEqualTo(Duration.ofMillis(300));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"TRIPAY_CONNECT_TIMEOUT_MS,0", "TRIPAY_READ_TIMEOUT_MS,abc", "TRIPAY_CHANNEL_CACHE_SECONDS,-1",
            "TRIPAY_READ_RETRIES,6", "TRIPAY_READ_RETRIES,-1", "TRIPAY_RETRY_DELAY_MS,soon", "TRIPAY_API_URL,ftp://x",
            "TRIPAY_API_URL,not a url"})
    void malformed_numbers_and_urls_are_refused_at_start_up(String key, String value) {
        Map<String, String> config = credentials();
        config.put(key, value);

        assertThatThrownBy(() -> resolve(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }

    @Test
    void to_string_never_shows_the_keys() {
        TripaySettings real = resolve(credentials());
        TripaySettings simulator = resolve(Map.of());

        assertThat(real.toString()).doesNotContain(API_KEY).doesNotContain(PRIVATE_KEY).contains("T12345")
                .contains("tripay.co.id/api-sandbox");
        assertThat(simulator.toString()).doesNotContain(TripaySettings.SIMULATOR_API_KEY)
                .doesNotContain(TripaySettings.SIMULATOR_PRIVATE_KEY);
    }
}
