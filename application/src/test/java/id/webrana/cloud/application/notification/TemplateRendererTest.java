package id.webrana.cloud.application.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    private static NotificationTemplate template(String channel, String language, String subject, String body) {
        return new NotificationTemplate(UUID.randomUUID(), "ADMIN_MESSAGE", channel, language, subject, body, 0,
                null, null);
    }

    @Test
    void money_is_shown_in_rupiah_with_dots() {
        assertThat(TemplateRenderer.rupiah(0)).isEqualTo("Rp 0");
        assertThat(TemplateRenderer.rupiah(999)).isEqualTo("Rp 999");
        assertThat(TemplateRenderer.rupiah(1000)).isEqualTo("Rp 1.000");
        assertThat(TemplateRenderer.rupiah(1_500_000)).isEqualTo("Rp 1.500.000");
        assertThat(TemplateRenderer.rupiah(12_345_678)).isEqualTo("Rp 12.345.678");
        assertThat(TemplateRenderer.format("basePrice", "150000", "id")).isEqualTo("Rp 150.000");
        assertThat(TemplateRenderer.format("walletBalance", "2500", "en")).isEqualTo("Rp 2.500");
        assertThat(TemplateRenderer.format("total", "not a number", "id")).isEqualTo("not a number");
        assertThat(TemplateRenderer.format("invoiceNumber", "123456", "id")).as("not a money name")
                .isEqualTo("123456");
    }

    @Test
    void instants_are_shown_in_jakarta_time_with_the_language_s_month_names() {
        Instant at = Instant.parse("2026-08-23T20:05:00Z"); // 24 Aug 03:05 in Jakarta

        assertThat(TemplateRenderer.jakarta(at, "id")).isEqualTo("24 Agustus 2026 03:05 WIB");
        assertThat(TemplateRenderer.jakarta(at, "en")).isEqualTo("24 August 2026 03:05 WIB");
        assertThat(TemplateRenderer.format("payBefore", "2026-11-23T03:15:00Z", "id"))
                .isEqualTo("23 November 2026 10:15 WIB");
        assertThat(TemplateRenderer.format("when", "2026-11-23T10:15:00+07:00", "id"))
                .isEqualTo("23 November 2026 10:15 WIB");
        assertThat(TemplateRenderer.format("hostname", "2026-web", "id")).isEqualTo("2026-web");
    }

    @Test
    void the_text_part_is_raw_and_the_html_parts_are_escaped() {
        RenderedMessage r = renderer.render(template("EMAIL", "id", "Pesan {{subject}}",
                        "Halo {{name}} <3\n\n{{message}}\nbaris dua"),
                Map.of("subject", "\"A\" & B", "name", "<i>Budi</i>", "message", "O'Neil"));

        assertThat(r.subject()).isEqualTo("Pesan \"A\" & B");
        assertThat(r.text()).isEqualTo("Halo <i>Budi</i> <3\n\nO'Neil\nbaris dua");
        assertThat(r.html()).contains("<title>Pesan &quot;A&quot; &amp; B</title>")
                .contains("<p>Halo &lt;i&gt;Budi&lt;/i&gt; &lt;3</p>")
                .contains("<p>O&#39;Neil<br>\nbaris dua</p>");
        assertThat(r.telegramHtml()).isEqualTo("<b>Pesan &quot;A&quot; &amp; B</b>\n\n"
                + "Halo &lt;i&gt;Budi&lt;/i&gt; &lt;3\n\nO&#39;Neil\nbaris dua");
    }

    @Test
    void links_become_anchors_in_the_email_html_only() {
        NotificationTemplate t = new NotificationTemplate(UUID.randomUUID(), "ACCOUNT_PASSWORD_RESET", "EMAIL", "en",
                "Reset", "Open {{link}}", 0, null, null);

        RenderedMessage r = renderer.render(t, Map.of("link", "https://cloud.webrana.id/app/reset?token=a&b=c"));

        assertThat(r.html()).contains("<a href=\"https://cloud.webrana.id/app/reset?token=a&amp;b=c\">"
                + "https://cloud.webrana.id/app/reset?token=a&amp;b=c</a>");
        assertThat(r.text()).isEqualTo("Open https://cloud.webrana.id/app/reset?token=a&b=c");
        assertThat(r.telegramHtml()).doesNotContain("<a ");
    }

    @Test
    void a_missing_variable_renders_empty_and_a_value_is_never_rendered_again() {
        RenderedMessage r = renderer.render(template("IN_APP", "en", "{{subject}}", "[{{message}}] {{name}}"),
                Map.of("subject", "S", "message", "{{name}}"));

        assertThat(r.text()).isEqualTo("[{{name}}] ");
    }

    @Test
    void the_period_is_translated() {
        assertThat(TemplateRenderer.format("period", "MONTHLY", "id")).isEqualTo("bulanan");
        assertThat(TemplateRenderer.format("period", "YEARLY", "en")).isEqualTo("yearly");
        assertThat(TemplateRenderer.format("period", "WEEKLY", "en")).isEqualTo("WEEKLY");
    }
}
