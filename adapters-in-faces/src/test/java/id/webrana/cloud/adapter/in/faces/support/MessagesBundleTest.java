package id.webrana.cloud.adapter.in.faces.support;

import id.webrana.cloud.adapter.in.faces.admin.AdminInstancePage;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.provisioning.ActionType;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a page or bean asks for exists in Bahasa Indonesia and in English (so no page ever shows a
 * {@code ???key???} marker), the two bundles have the same keys, and an Indonesian page stays Indonesian on a JVM
 * whose default locale is English.
 */
class MessagesBundleTest {

    static final Path WEBAPP = Path.of("src/main/webapp");
    static final Path JAVA = Path.of("src/main/java");

    static ResourceBundle bundle(String tag) {
        return ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(tag));
    }

    static Set<String> keysUsed() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern inPages = Pattern.compile("msg\\['([A-Za-z0-9_.-]+)'\\]");
        Pattern inBeans = Pattern.compile("Texts\\.(?:get|info|error)\\(\"([A-Za-z0-9_.-]+)\"\\s*[,)]|"
                + "Texts\\.fieldError\\(\"[^\"]+\", \"([A-Za-z0-9_.-]+)\"");
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = inPages.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = inBeans.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        for (InvoiceStatus s : InvoiceStatus.values()) {
            keys.add("invoice.status." + s.name());
        }
        for (InvoicePurpose p : InvoicePurpose.values()) {
            keys.add("invoice.purpose." + p.name());
        }
        for (WalletEntryType t : WalletEntryType.values()) {
            keys.add("wallet.type." + t.name());
        }
        for (Payment.Outcome o : Payment.Outcome.values()) {
            keys.add("payment.outcome." + o.name());
        }
        for (Instance.Status st : Instance.Status.values()) {
            keys.add("server.status." + st.name());
        }
        for (Instance.Suspension su : Instance.Suspension.values()) {
            keys.add("server.suspension." + su.name());
        }
        for (InstanceAction.Status st : InstanceAction.Status.values()) {
            keys.add("server.actionStatus." + st.name());
        }
        for (ActionType t : ActionType.values()) {
            keys.add("server.action." + t.apiName());
        }
        for (BillingPeriod p : BillingPeriod.values()) {
            keys.add("server.period." + p.name());
        }
        for (Actor.Type t : Actor.Type.values()) {
            keys.add("server.actor." + t.name());
        }
        for (AdminInstancePage.Intervention i : AdminInstancePage.Intervention.values()) {
            keys.add("admin.instance." + i.name());
            keys.add("admin.instance.explain." + i.name());
            keys.add("admin.instance.done." + i.name());
        }
        for (String power : new String[] {"ACTIVE", "OFF", "NEW", "ARCHIVE", "UNKNOWN", "GONE", "DESTROYED"}) {
            keys.add("server.power." + power);
        }
        keys.addAll(Set.of("settings.channel.EMAIL", "settings.channel.TELEGRAM", "error.generic"));
        for (String page : new String[] {"forbidden", "not-found", "expired"}) {
            keys.add("error.page." + page + ".title");
            keys.add("error.page." + page + ".text");
        }
        return keys;
    }

    @Test
    void every_text_the_pages_and_beans_use_exists_in_both_languages() throws IOException {
        Set<String> used = keysUsed();
        assertThat(used).hasSizeGreaterThan(150);
        for (String tag : new String[] {"id", "en"}) {
            ResourceBundle b = bundle(tag);
            assertThat(used.stream().filter(k -> !b.containsKey(k)).toList()).as("missing in " + tag).isEmpty();
        }
    }

    @Test
    void both_bundles_have_the_same_keys_and_differ_in_language() {
        ResourceBundle id = bundle("id");
        ResourceBundle en = bundle("en");
        assertThat(new TreeSet<>(en.keySet())).isEqualTo(new TreeSet<>(id.keySet()));
        assertThat(id.getString("invoice.status.PAID")).isEqualTo("LUNAS");
        assertThat(en.getString("invoice.status.PAID")).isEqualTo("PAID");
        assertThat(id.getString("login.error.invalid")).isEqualTo("Email atau kata sandi salah.");
    }

    @Test
    void an_indonesian_page_stays_indonesian_when_the_jvm_speaks_english() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            ResourceBundle.clearCache();
            assertThat(bundle("id").getString("nav.logout")).isEqualTo("Keluar");
            assertThat(Texts.get(Locale.forLanguageTag("id"), "invoice.walletBalance", "Rp 5.000"))
                    .isEqualTo("Saldo Anda: Rp 5.000");
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache();
        }
    }
}
