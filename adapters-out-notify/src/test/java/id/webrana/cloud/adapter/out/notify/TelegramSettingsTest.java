package id.webrana.cloud.adapter.out.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link TelegramSettings} resolution and masking, and {@link MaskedFailure}. */
class TelegramSettingsTest {

    private static final String SECRET = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String TOKEN = "123456789:" + SECRET;

    private static TelegramSettings resolve(Map<String, String> values) {
        return TelegramSettings.resolve(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void without_a_token_the_bot_is_not_configured() {
        assertThat(resolve(Map.of()).isConfigured()).isFalse();
        assertThat(resolve(Map.of("TELEGRAM_BOT_TOKEN", "  ")).isConfigured()).isFalse();
    }

    @Test
    void the_defaults_are_the_real_bot_api_and_short_timeouts() {
        TelegramSettings settings = resolve(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));

        assertThat(settings.isConfigured()).isTrue();
        assertThat(settings.apiUri()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(settings.botUri()).isEqualTo(URI.create("https://api.telegram.org/bot" + TOKEN));
        assertThat(settings.username()).isNull();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void every_setting_can_be_configured() {
        TelegramSettings settings = resolve(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://localhost:8089/telegram/", "TELEGRAM_BOT_USERNAME", "@WeBranaBot",
                "TELEGRAM_CONNECT_TIMEOUT_MS", "1000", "TELEGRAM_READ_TIMEOUT_MS", "2000"));

        assertThat(settings.botUri()).isEqualTo(URI.create("http://localhost:8089/telegram/bot" + TOKEN));
        assertThat(settings.username()).isEqualTo("WeBranaBot");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void malformed_values_fail_at_start_up_without_showing_the_token() {
        assertThatThrownBy(() -> resolve(Map.of("TELEGRAM_API_URL", "api.telegram.org")))
                .hasMessageContaining("TELEGRAM_API_URL");
        assertThatThrownBy(() -> resolve(Map.of("TELEGRAM_READ_TIMEOUT_MS", "-1")))
                .hasMessageContaining("TELEGRAM_READ_TIMEOUT_MS");
        Throwable badToken = catchThrowable(() -> resolve(Map.of("TELEGRAM_BOT_TOKEN", "123:abc/../" + SECRET)));
        assertThat(badToken).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TELEGRAM_BOT_TOKEN");
        assertThat(badToken.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void mask_hides_the_token_plain_and_url_encoded() {
        TelegramSettings settings = resolve(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));

        assertThat(settings.mask("POST https://api.telegram.org/bot" + TOKEN + "/sendMessage and /bot123456789%3A"
                + SECRET + "/getMe")).isEqualTo("POST https://api.telegram.org/bot***/sendMessage and /bot***/getMe");
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    @Test
    void a_masked_failure_keeps_the_story_but_not_the_secret() {
        TelegramSettings settings = resolve(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        Exception original = new IllegalStateException("request to https://api.telegram.org/bot" + TOKEN
                + "/sendMessage failed", new UncheckedIOException("reading /bot" + TOKEN, new IOException("reset")));

        MaskedFailure masked = MaskedFailure.of(original, settings::mask);

        StringWriter printed = new StringWriter();
        masked.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(SECRET)
                .contains("java.lang.IllegalStateException: request to https://api.telegram.org/bot***/sendMessage")
                .contains("java.io.UncheckedIOException: reading /bot***")
                .contains("java.io.IOException: reset");
        assertThat(masked.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(masked.originalClassName()).isEqualTo("java.lang.IllegalStateException");
    }
}
