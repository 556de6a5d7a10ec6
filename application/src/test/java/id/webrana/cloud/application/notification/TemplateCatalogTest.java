package id.webrana.cloud.application.notification;

import id.webrana.cloud.application.notification.TemplateCatalog.EventDefinition;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static id.webrana.cloud.application.notification.NotificationChannel.EMAIL;
import static id.webrana.cloud.application.notification.NotificationChannel.IN_APP;
import static id.webrana.cloud.application.notification.NotificationChannel.OPERATOR;
import static id.webrana.cloud.application.notification.NotificationChannel.TELEGRAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateCatalogTest {

    private static final List<String> LIFECYCLE_EVENTS = List.of(TemplateCatalog.VPS_EXPIRING,
            TemplateCatalog.VPS_RENEWAL_INVOICE, TemplateCatalog.VPS_AUTO_RENEW_FAILED, TemplateCatalog.VPS_RENEWED,
            TemplateCatalog.VPS_EXPIRED, TemplateCatalog.VPS_SUSPENDED, TemplateCatalog.VPS_SUSPENDED_BY_OPERATOR,
            TemplateCatalog.VPS_UNSUSPENDED,
            TemplateCatalog.VPS_TERMINATED, TemplateCatalog.VPS_PASSWORD_RESET);

    private static List<NotificationChannel> channelsOf(String event) {
        return TemplateCatalog.require(event).channels();
    }

    @Test
    void the_channels_follow_the_issue_table() {
        assertThat(channelsOf("ORDER_CREATED")).containsExactly(EMAIL, IN_APP);
        assertThat(channelsOf("PAYMENT_CONFIRMED")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("VPS_ACTIVE")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("PROVISIONING_FAILED")).containsExactly(EMAIL, TELEGRAM, IN_APP, OPERATOR);
        assertThat(channelsOf("VPS_EXPIRING")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("ACCOUNT_EMAIL_VERIFICATION")).containsExactly(EMAIL);
        assertThat(channelsOf("ACCOUNT_PASSWORD_RESET")).containsExactly(EMAIL);
        assertThat(channelsOf("DEPOSIT_RECEIVED")).containsExactly(EMAIL);
        assertThat(channelsOf("PAYMENT_CALLBACK_REFUSED")).containsExactly(OPERATOR);
        assertThat(channelsOf("VPS_RENEWAL_INVOICE")).containsExactly(EMAIL, IN_APP);
        assertThat(channelsOf("VPS_AUTO_RENEW_FAILED")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("VPS_RENEWED")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("VPS_EXPIRED")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("VPS_SUSPENDED")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("VPS_UNSUSPENDED")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("VPS_TERMINATED")).containsExactly(EMAIL, TELEGRAM, IN_APP);
        assertThat(channelsOf("VPS_PASSWORD_RESET")).containsExactly(EMAIL, IN_APP);
    }

    @Test
    void the_server_lifecycle_events_declare_what_the_lifecycle_passes() {
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_EXPIRING).variables()).containsExactly("name",
                "hostname", "ipv4", "expiresAt", "instanceId", "link", "invoiceNumber", "amount", "autoRenew",
                "reminder");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_RENEWAL_INVOICE).variables()).containsExactly("name",
                "hostname", "expiresAt", "invoiceNumber", "amount", "link", "autoRenew");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_AUTO_RENEW_FAILED).variables()).containsExactly(
                "name", "hostname", "expiresAt", "invoiceNumber", "amount", "balance", "link");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_RENEWED).variables()).containsExactly("name",
                "hostname", "expiresAt", "invoiceNumber", "amount", "paidWith");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_EXPIRED).variables()).containsExactly("name",
                "hostname", "expiresAt", "suspendAt", "invoiceNumber", "amount", "link");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_SUSPENDED).variables()).containsExactly("name",
                "hostname", "reason", "terminateAt", "invoiceNumber", "amount", "link");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_SUSPENDED_BY_OPERATOR).variables())
                .containsExactly("name", "hostname", "reason");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_UNSUSPENDED).variables()).containsExactly("name",
                "hostname", "expiresAt");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_TERMINATED).variables()).containsExactly("name",
                "hostname", "reason", "terminatedAt");
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_PASSWORD_RESET).variables()).containsExactly("name",
                "hostname", "at");
    }

    @Test
    void the_server_lifecycle_events_go_to_the_customer_only_and_the_password_notice_ignores_preferences() {
        for (String event : LIFECYCLE_EVENTS) {
            EventDefinition e = TemplateCatalog.require(event);
            assertThat(e.channels()).as(event).doesNotContain(OPERATOR);
            assertThat(e.operatorOnly()).as(event).isEmpty();
            assertThat(e.fanOut()).as(event).isTrue();
            assertThat(e.essential()).as(event).isEqualTo(event.equals(TemplateCatalog.VPS_PASSWORD_RESET));
        }
    }

    @Test
    void the_root_password_notice_has_no_way_to_show_a_password() {
        assertThat(TemplateCatalog.require(TemplateCatalog.VPS_PASSWORD_RESET).variables())
                .noneMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("password"));
        NotificationTemplate t = new NotificationTemplate(UUID.randomUUID(), "VPS_PASSWORD_RESET", "EMAIL", "id",
                "Sandi {{hostname}}", "Sandi baru: {{password}}", 0, null, null);

        assertThatThrownBy(() -> TemplateCatalog.validate(t)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("Unknown variable {{password}} in the VPS_PASSWORD_RESET template;");
    }

    @Test
    void the_server_lifecycle_defaults_rendered_with_the_samples_show_rupiah_and_jakarta_time() {
        TemplateRenderer renderer = new TemplateRenderer();
        for (String event : LIFECYCLE_EVENTS) {
            java.util.Map<String, String> sample = TemplateCatalog.sampleVariables(event);
            for (NotificationChannel c : TemplateCatalog.require(event).channels()) {
                for (String lang : List.of("id", "en")) {
                    NotificationTemplate t = TemplateCatalog.defaultTemplate(event, c.name(), lang).orElseThrow();
                    RenderedMessage m = renderer.render(t, sample);
                    String where = event + "/" + c + "/" + lang;
                    String shown = m.subject() + "\n" + m.text();

                    assertThat(shown).as(where).doesNotContain("{{").contains("web-01.contoh.id")
                            .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
                    if (t.variablesUsed().stream().anyMatch(v -> v.equals("at") || v.endsWith("At"))) {
                        assertThat(shown).as(where).contains(" WIB");
                    }
                    if (t.variablesUsed().contains("amount")) {
                        assertThat(shown).as(where).contains("Rp 500.000");
                    }
                    if (c == EMAIL) {
                        assertThat(m.text()).as(where)
                                .startsWith(lang.equals("id") ? "Halo Budi Santoso," : "Hello Budi Santoso,")
                                .endsWith(lang.equals("id") ? "Tim WeBrana Cloud" : "The WeBrana Cloud team");
                    }
                }
            }
        }
        NotificationTemplate suspended = TemplateCatalog.defaultTemplate("VPS_SUSPENDED", "EMAIL", "id")
                .orElseThrow();
        assertThat(renderer.render(suspended, TemplateCatalog.sampleVariables("VPS_SUSPENDED")).text())
                .contains("dihapus permanen pada 2 Januari 2027 10:15 WIB");
    }

    @Test
    void the_variables_cover_what_the_services_pass_today() {
        assertThat(TemplateCatalog.require("ORDER_CREATED").variableSet()).containsExactlyInAnyOrder("name",
                "orderId", "hostname", "plan", "period", "basePrice", "discount", "taxAmount", "total", "invoiceId",
                "invoiceNumber", "payBefore", "link");
        assertThat(TemplateCatalog.require("VPS_ACTIVE").variableSet())
                .containsExactlyInAnyOrder("name", "hostname", "ipv4", "plan", "image", "vcpu", "memoryMb", "diskGb");
        assertThat(TemplateCatalog.require("PAYMENT_CONFIRMED").variableSet())
                .containsExactlyInAnyOrder("name", "orderId", "hostname", "paidWith", "total");
        assertThat(TemplateCatalog.require("PAYMENT_REJECTED").variableSet())
                .containsExactlyInAnyOrder("name", "orderId", "reason", "total");
        assertThat(TemplateCatalog.require("PAYMENT_CREDITED_TO_WALLET").variableSet())
                .containsExactlyInAnyOrder("name", "amount", "invoiceNumber", "reason", "balance");
        assertThat(TemplateCatalog.require("PAYMENT_CALLBACK_REFUSED").variableSet())
                .containsExactlyInAnyOrder("subject", "message");
    }

    @Test
    void every_event_has_a_default_per_channel_in_both_languages_with_a_stable_unique_id() {
        List<NotificationTemplate> defaults = TemplateCatalog.defaultTemplates();
        int expected = TemplateCatalog.events().stream().mapToInt(e -> e.channels().size() * 2).sum();

        assertThat(defaults).hasSize(expected);
        assertThat(defaults.stream().map(NotificationTemplate::id).collect(Collectors.toSet())).hasSize(expected);
        for (EventDefinition e : TemplateCatalog.events()) {
            for (NotificationChannel c : e.channels()) {
                for (String lang : List.of("id", "en")) {
                    NotificationTemplate t = TemplateCatalog.defaultTemplate(e.event(), c.name(), lang).orElseThrow();
                    assertThat(t.id()).isEqualTo(TemplateCatalog.templateId(e.event(), c.name(), lang));
                    assertThat(t.version()).isZero();
                    assertThat(e.variableSet()).containsAll(t.variablesUsed());
                }
            }
        }
        assertThat(TemplateCatalog.templateId("VPS_ACTIVE", "EMAIL", "id"))
                .isEqualTo(UUID.nameUUIDFromBytes("notification-template:VPS_ACTIVE:EMAIL:id".getBytes()));
    }

    @Test
    void indonesian_and_english_defaults_differ() {
        NotificationTemplate id = TemplateCatalog.defaultTemplate("VPS_ACTIVE", "EMAIL", "id").orElseThrow();
        NotificationTemplate en = TemplateCatalog.defaultTemplate("VPS_ACTIVE", "EMAIL", "en").orElseThrow();

        assertThat(id.body()).contains("Halo {{name}}");
        assertThat(en.body()).contains("Hello {{name}}");
    }

    @Test
    void validation_names_the_unknown_variable_and_refuses_unknown_events() {
        NotificationTemplate t = new NotificationTemplate(UUID.randomUUID(), "VPS_ACTIVE", "IN_APP", "id",
                "VPS {{hostname}}", "IP {{ipv4}}, sandi {{rootPassword}}", 0, null, null);

        assertThatThrownBy(() -> TemplateCatalog.validate(t)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("Unknown variable {{rootPassword}} in the VPS_ACTIVE template;")
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        assertThatThrownBy(() -> TemplateCatalog.require("NO_SUCH_EVENT"))
                .hasMessage("There is no notification event 'NO_SUCH_EVENT'");
    }

    @Test
    void operator_only_variables_are_refused_in_customer_templates_like_unknown_ones() {
        for (NotificationChannel c : List.of(EMAIL, TELEGRAM, IN_APP)) {
            for (String variable : List.of("customerEmail", "errorMessage", "errorCode")) {
                NotificationTemplate t = new NotificationTemplate(UUID.randomUUID(), "PROVISIONING_FAILED", c.name(),
                        "en", "VPS {{hostname}}", "Failed: {{" + variable + "}}", 0, null, null);

                assertThatThrownBy(() -> TemplateCatalog.validate(t)).isInstanceOf(DomainException.class)
                        .hasMessageStartingWith("Unknown variable {{" + variable + "}} in the PROVISIONING_FAILED"
                                + " template;")
                        .hasMessageContaining("PROVISIONING_FAILED on " + c.name() + " knows hostname, name, orderId")
                        .hasMessageContaining("for the OPERATOR template only")
                        .satisfies(e -> assertThat(((DomainException) e).code())
                                .isEqualTo(ErrorCode.VALIDATION_ERROR));
            }
        }
    }

    @Test
    void the_operator_template_may_use_the_operator_only_variables() {
        NotificationTemplate t = new NotificationTemplate(UUID.randomUUID(), "PROVISIONING_FAILED", "OPERATOR", "en",
                "Failed: {{hostname}}", "{{customerEmail}} {{errorCode}} {{errorMessage}} {{name}}", 0, null, null);

        assertThat(TemplateCatalog.validate(t)).isSameAs(t);
    }

    @Test
    void the_variables_of_each_channel_leave_out_the_operator_only_ones_except_on_operator() {
        EventDefinition failed = TemplateCatalog.require("PROVISIONING_FAILED");

        assertThat(failed.operatorOnlySet()).containsExactlyInAnyOrder("customerEmail", "errorMessage", "errorCode");
        assertThat(failed.variablesFor(EMAIL)).containsExactly("name", "hostname", "orderId");
        assertThat(failed.variablesFor(TELEGRAM)).isEqualTo(failed.variablesFor(IN_APP))
                .isEqualTo(failed.variablesFor(EMAIL));
        assertThat(failed.variablesFor(OPERATOR)).isEqualTo(failed.variableSet());
        assertThat(failed.valuesFor(EMAIL, java.util.Map.of("name", "Budi", "errorMessage", "region full",
                "customerEmail", "budi@toko.id"))).containsOnlyKeys("name");
        assertThat(failed.valuesFor(OPERATOR, java.util.Map.of("name", "Budi", "errorMessage", "region full")))
                .containsOnlyKeys("name", "errorMessage");
        assertThat(TemplateCatalog.require("VPS_ACTIVE").variablesFor(EMAIL))
                .isEqualTo(TemplateCatalog.require("VPS_ACTIVE").variableSet());
    }

    @Test
    void no_default_customer_template_uses_an_operator_only_variable() {
        for (NotificationTemplate t : TemplateCatalog.defaultTemplates()) {
            EventDefinition e = TemplateCatalog.require(t.event());
            assertThat(e.variablesFor(NotificationChannel.valueOf(t.channel()))).containsAll(t.variablesUsed());
        }
    }

    @Test
    void an_operator_only_variable_must_be_one_of_the_events_variables() {
        assertThatThrownBy(() -> new EventDefinition("X", "x", List.of("name"), List.of(EMAIL, OPERATOR), true,
                false, List.of("errorMessage"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("errorMessage");
    }

    @Test
    void samples_exist_for_every_variable() {
        for (EventDefinition e : TemplateCatalog.events()) {
            assertThat(TemplateCatalog.sampleVariables(e.event()).keySet()).isEqualTo(e.variableSet());
            assertThat(TemplateCatalog.sampleVariables(e.event()).values()).noneMatch(v -> v.startsWith("contoh "));
        }
    }

    @Test
    void a_template_needs_a_subject_except_on_telegram_and_a_body() {
        assertThatThrownBy(() -> new NotificationTemplate(UUID.randomUUID(), "VPS_ACTIVE", "EMAIL", "id", " ",
                "x", 0, null, null)).hasMessageContaining("subject");
        assertThatThrownBy(() -> new NotificationTemplate(UUID.randomUUID(), "VPS_ACTIVE", "EMAIL", "id", "s",
                "", 0, null, null)).hasMessageContaining("body");
        assertThatThrownBy(() -> new NotificationTemplate(UUID.randomUUID(), "VPS_ACTIVE", "SMS", "id", "s",
                "b", 0, null, null)).hasMessageContaining("Channel must be one of");
        assertThat(new NotificationTemplate(UUID.randomUUID(), "VPS_ACTIVE", "TELEGRAM", "id", "", "{{ ipv4 }}",
                0, null, null).variablesUsed()).isEqualTo(Set.of("ipv4"));
    }
}
