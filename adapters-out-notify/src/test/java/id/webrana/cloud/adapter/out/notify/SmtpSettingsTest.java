package id.webrana.cloud.adapter.out.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Resolution of {@link SmtpSettings} from configuration, and the Jakarta Mail session properties they give. */
class SmtpSettingsTest {

    private static SmtpSettings resolve(Map<String, String> values) {
        return SmtpSettings.resolve(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void without_smtp_host_smtp_is_not_configured() {
        assertThat(resolve(Map.of()).isConfigured()).isFalse();
        assertThat(resolve(Map.of("SMTP_HOST", "   ")).isConfigured()).isFalse();
    }

    @Test
    void the_defaults_are_port_587_starttls_required_and_the_webrana_no_reply_sender() {
        SmtpSettings settings = resolve(Map.of("SMTP_HOST", "smtp.example.id"));

        assertThat(settings.isConfigured()).isTrue();
        assertThat(settings.host()).isEqualTo("smtp.example.id");
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.startTls()).isTrue();
        assertThat(settings.user()).isNull();
        assertThat(settings.from()).isEqualTo("WeBrana Cloud <no-reply@webrana.local>");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void every_setting_can_be_configured() {
        SmtpSettings settings = resolve(Map.of("SMTP_HOST", "mail.webrana.id", "SMTP_PORT", "2525",
                "SMTP_USER", "mailer", "SMTP_PASS", " pass with spaces ", "SMTP_STARTTLS", "false",
                "MAIL_FROM", "Tagihan <tagihan@webrana.id>", "SMTP_CONNECT_TIMEOUT_MS", "1000",
                "SMTP_READ_TIMEOUT_MS", "2000", "SMTP_WRITE_TIMEOUT_MS", "3000"));

        assertThat(settings).isEqualTo(new SmtpSettings("mail.webrana.id", 2525, "mailer", " pass with spaces ",
                false, "Tagihan <tagihan@webrana.id>", Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3)));
    }

    @Test
    void malformed_values_fail_at_start_up() {
        assertThatThrownBy(() -> resolve(Map.of("SMTP_PORT", "smtp"))).hasMessageContaining("SMTP_PORT");
        assertThatThrownBy(() -> resolve(Map.of("SMTP_PORT", "70000"))).hasMessageContaining("SMTP_PORT");
        assertThatThrownBy(() -> resolve(Map.of("SMTP_STARTTLS", "maybe"))).hasMessageContaining("SMTP_STARTTLS");
        assertThatThrownBy(() -> resolve(Map.of("MAIL_FROM", "no-reply"))).hasMessageContaining("MAIL_FROM");
        assertThatThrownBy(() -> resolve(Map.of("SMTP_READ_TIMEOUT_MS", "0")))
                .hasMessageContaining("SMTP_READ_TIMEOUT_MS");
    }

    @Test
    void to_string_never_shows_the_password() {
        SmtpSettings settings = resolve(Map.of("SMTP_HOST", "mail.webrana.id", "SMTP_USER", "mailer",
                "SMTP_PASS", "hunter2-secret"));

        assertThat(settings.toString()).contains("mailer").doesNotContain("hunter2-secret");
        assertThat(new SmtpEmailSender(settings).toString()).doesNotContain("hunter2-secret");
    }

    @Test
    void starttls_on_means_required_with_host_name_verification() {
        Properties on = SmtpEmailSender.sessionProperties(resolve(Map.of("SMTP_HOST", "mail.webrana.id",
                "SMTP_USER", "mailer", "SMTP_PASS", "x")));
        Properties off = SmtpEmailSender.sessionProperties(resolve(Map.of("SMTP_HOST", "mail.webrana.id",
                "SMTP_STARTTLS", "false")));

        assertThat(on).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.auth", "true");
        assertThat(off).containsEntry("mail.smtp.starttls.enable", "false")
                .containsEntry("mail.smtp.starttls.required", "false")
                .containsEntry("mail.smtp.auth", "false");
        assertThat(on).containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "30000").containsEntry("mail.smtp.writetimeout", "30000");
    }
}
