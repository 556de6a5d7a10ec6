package id.webrana.cloud.application.notification;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static id.webrana.cloud.application.notification.NotificationChannel.EMAIL;
import static id.webrana.cloud.application.notification.NotificationChannel.IN_APP;
import static id.webrana.cloud.application.notification.NotificationChannel.OPERATOR;
import static id.webrana.cloud.application.notification.NotificationChannel.TELEGRAM;

/**
 * Every event the platform announces: the variables its producer passes, the channels it goes out on (the
 * issue's table), and the default texts in Bahasa Indonesia ({@code id}) and English ({@code en}).
 *
 * <p>The defaults are seeded into {@code notification_templates} (a Liquibase changeset generated from
 * {@link #defaultTemplates()}, each with its stable {@link #templateId id}); operators edit the rows, and the
 * dispatcher falls back to the default here when a row is missing. Adding an event means adding it here (with a
 * text for each of its channels in both languages) and to the seed.
 *
 * <p>Money variables (names ending in {@code total}, {@code amount}, {@code balance}, {@code price},
 * {@code discount}) are passed as whole rupiah ({@code "1500000"}) and instants as ISO-8601
 * ({@code "2026-11-23T03:15:00Z"}); {@link TemplateRenderer} formats both.
 */
public final class TemplateCatalog {

    public static final String ACCOUNT_EMAIL_VERIFICATION = "ACCOUNT_EMAIL_VERIFICATION";
    public static final String ACCOUNT_PASSWORD_RESET = "ACCOUNT_PASSWORD_RESET";
    public static final String ORDER_CREATED = "ORDER_CREATED";
    public static final String PAYMENT_CONFIRMED = "PAYMENT_CONFIRMED";
    public static final String PAYMENT_REJECTED = "PAYMENT_REJECTED";
    public static final String VPS_ACTIVE = "VPS_ACTIVE";
    public static final String PROVISIONING_FAILED = "PROVISIONING_FAILED";
    /** Emitted by the lifecycle feature 7 days, 3 days, 1 day and 8 hours before a server expires. */
    public static final String VPS_EXPIRING = "VPS_EXPIRING";
    /** The lifecycle raised the invoice for a server's next period. */
    public static final String VPS_RENEWAL_INVOICE = "VPS_RENEWAL_INVOICE";
    /** Auto-renewal was on but the renewal invoice could not be paid from the wallet. */
    public static final String VPS_AUTO_RENEW_FAILED = "VPS_AUTO_RENEW_FAILED";
    /** A renewal invoice was paid: the server runs until its new expiry. */
    public static final String VPS_RENEWED = "VPS_RENEWED";
    /** A server expired and is in its grace period; also the final warning one day before suspension. */
    public static final String VPS_EXPIRED = "VPS_EXPIRED";
    /** A server was suspended: powered off, its actions locked. */
    public static final String VPS_SUSPENDED = "VPS_SUSPENDED";
    /** An operator suspended the server (abuse, a dispute): no invoice to pay, contact support. */
    public static final String VPS_SUSPENDED_BY_OPERATOR = "VPS_SUSPENDED_BY_OPERATOR";
    /** A suspended server runs again. */
    public static final String VPS_UNSUSPENDED = "VPS_UNSUSPENDED";
    /** A server was destroyed. */
    public static final String VPS_TERMINATED = "VPS_TERMINATED";
    /** A server's root password was changed through the portal (a security notice without the password). */
    public static final String VPS_PASSWORD_RESET = "VPS_PASSWORD_RESET";
    public static final String DEPOSIT_RECEIVED = "DEPOSIT_RECEIVED";
    public static final String PAYMENT_CREDITED_TO_WALLET = "PAYMENT_CREDITED_TO_WALLET";
    public static final String PAYMENT_CALLBACK_REFUSED = "PAYMENT_CALLBACK_REFUSED";
    public static final String PAYMENT_AMOUNT_MISMATCH = "PAYMENT_AMOUNT_MISMATCH";
    public static final String PROVIDER_UNREACHABLE = "PROVIDER_UNREACHABLE";
    public static final String PAYMENT_REFUNDED_AT_GATEWAY = "PAYMENT_REFUNDED_AT_GATEWAY";
    public static final String TELEGRAM_LINKED = "TELEGRAM_LINKED";
    public static final String TELEGRAM_LINK_INVALID = "TELEGRAM_LINK_INVALID";
    public static final String TELEGRAM_UNLINKED = "TELEGRAM_UNLINKED";
    public static final String ADMIN_MESSAGE = "ADMIN_MESSAGE";

    /** The variable {@link FanOutNotifier} adds to the OPERATOR copy of a customer event. */
    public static final String CUSTOMER_EMAIL = "customerEmail";

    /**
     * One event.
     *
     * @param event       its name (the outbox's {@code template} column)
     * @param description what it announces, for the template editor
     * @param variables   the variables a template may use, in the order the editor lists them
     * @param channels    the channels it goes out on
     * @param fanOut      whether {@link FanOutNotifier} turns one EMAIL request into one row per channel (customer
     *                    events); false for events whose producer names the channel itself
     * @param essential   sent on every channel even if the customer turned that channel off (account security,
     *                    Telegram link confirmation, operators' own messages)
     * @param operatorOnly the variables (among {@code variables}) meant for the OPERATOR copy only (the error, the
     *                     customer's address): a customer-channel template (EMAIL, TELEGRAM, IN_APP) may not use
     *                     them, and the dispatcher never passes them to one
     */
    public record EventDefinition(String event, String description, List<String> variables,
                                  List<NotificationChannel> channels, boolean fanOut, boolean essential,
                                  List<String> operatorOnly) {
        public EventDefinition {
            variables = List.copyOf(variables);
            channels = List.copyOf(channels);
            operatorOnly = List.copyOf(operatorOnly);
            if (!variables.containsAll(operatorOnly)) {
                throw new IllegalArgumentException(event + ": operator-only variables " + operatorOnly
                        + " must be among its variables " + variables);
            }
        }

        /** An event whose variables every channel may use. */
        public EventDefinition(String event, String description, List<String> variables,
                               List<NotificationChannel> channels, boolean fanOut, boolean essential) {
            this(event, description, variables, channels, fanOut, essential, List.of());
        }

        /** Every variable of the event (all of them are allowed on OPERATOR). */
        public Set<String> variableSet() {
            return Collections.unmodifiableSet(new LinkedHashSet<>(variables));
        }

        /** The variables a template for {@code channel} may use: all on OPERATOR, else all but the operator-only. */
        public Set<String> variablesFor(NotificationChannel channel) {
            Set<String> allowed = new LinkedHashSet<>(variables);
            if (channel != OPERATOR) {
                operatorOnly.forEach(allowed::remove);
            }
            return Collections.unmodifiableSet(allowed);
        }

        /** The operator-only variables, see {@link #operatorOnly()}. */
        public Set<String> operatorOnlySet() {
            return Collections.unmodifiableSet(new LinkedHashSet<>(operatorOnly));
        }

        /**
         * The values a message on {@code channel} may show: {@code values} without the operator-only variables,
         * except on OPERATOR. Keeps a customer's copy from showing them even through a template stored before they
         * were refused there.
         */
        public Map<String, String> valuesFor(NotificationChannel channel, Map<String, String> values) {
            if (channel == OPERATOR || operatorOnly.isEmpty() || values == null) {
                return values;
            }
            Map<String, String> visible = new LinkedHashMap<>(values);
            operatorOnly.forEach(visible::remove);
            return visible;
        }

        public boolean has(NotificationChannel channel) {
            return channels.contains(channel);
        }
    }

    private static final Map<String, EventDefinition> EVENTS = new LinkedHashMap<>();
    private static final Map<String, NotificationTemplate> DEFAULTS = new LinkedHashMap<>();
    private static final Map<String, String> SAMPLES = new LinkedHashMap<>();

    private TemplateCatalog() {
    }

    /** Every event, in a stable order. */
    public static List<EventDefinition> events() {
        return List.copyOf(EVENTS.values());
    }

    public static Optional<EventDefinition> find(String event) {
        return Optional.ofNullable(event == null ? null : EVENTS.get(event));
    }

    /** The event, or VALIDATION_ERROR naming it when there is no such event. */
    public static EventDefinition require(String event) {
        return find(event).orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_ERROR,
                "There is no notification event '" + event + "'"));
    }

    /**
     * Every default template (each event, each of its channels, both languages), with stable ids, version 0 and
     * no editor: the rows the Liquibase seed inserts.
     */
    public static List<NotificationTemplate> defaultTemplates() {
        return List.copyOf(DEFAULTS.values());
    }

    public static Optional<NotificationTemplate> defaultTemplate(String event, String channel, String language) {
        return Optional.ofNullable(DEFAULTS.get(key(event, channel, language)));
    }

    /** The default template with this id, if it is one. */
    public static Optional<NotificationTemplate> defaultTemplate(UUID id) {
        return DEFAULTS.values().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * The stable id of the template for (event, channel, language): a name-based UUID of
     * {@code "notification-template:<event>:<channel>:<language>"}, so the seed, the defaults and the editor agree
     * without a lookup.
     */
    public static UUID templateId(String event, String channel, String language) {
        return UUID.nameUUIDFromBytes(("notification-template:" + event + ":" + channel + ":" + language)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks an edited template against its event: the event exists, goes out on that channel, and the texts use
     * only the variables declared for that channel ({@link EventDefinition#variablesFor}: an operator-only variable
     * in a customer-channel template is refused like an unknown one). Refuses with VALIDATION_ERROR naming the
     * problem (an unknown variable by name).
     */
    public static NotificationTemplate validate(NotificationTemplate template) {
        EventDefinition def = require(template.event());
        NotificationChannel channel = NotificationChannel.valueOf(template.channel());
        if (!def.has(channel)) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, template.event() + " is not sent on "
                    + template.channel() + "; its channels are " + def.channels());
        }
        template.requireOnlyVariables(def.variablesFor(channel),
                channel == OPERATOR ? Set.of() : def.operatorOnlySet());
        return template;
    }

    /** Example values for every variable of the event, for previews. */
    public static Map<String, String> sampleVariables(String event) {
        Map<String, String> sample = new LinkedHashMap<>();
        for (String v : require(event).variables()) {
            sample.put(v, SAMPLES.getOrDefault(v, "contoh " + v));
        }
        return sample;
    }

    private static String key(String event, String channel, String language) {
        return event + "/" + channel + "/" + language;
    }

    private static void define(String event, String description, List<String> variables, boolean fanOut,
                               boolean essential, NotificationChannel... channels) {
        define(event, description, variables, List.of(), fanOut, essential, channels);
    }

    private static void define(String event, String description, List<String> variables,
                               List<String> operatorOnly, boolean fanOut, boolean essential,
                               NotificationChannel... channels) {
        EVENTS.put(event, new EventDefinition(event, description, variables, List.of(channels), fanOut, essential,
                operatorOnly));
    }

    private static void text(String event, NotificationChannel channel, String language, String subject,
                             String body) {
        NotificationTemplate t = new NotificationTemplate(templateId(event, channel.name(), language), event,
                channel.name(), language, subject, body, 0, null, null);
        DEFAULTS.put(key(event, channel.name(), language), validate(t));
    }

    /** Fails class initialisation when an event lacks a text: a missing default is a programming error. */
    private static void requireComplete() {
        List<String> missing = new ArrayList<>();
        for (EventDefinition def : EVENTS.values()) {
            for (NotificationChannel c : def.channels()) {
                for (String lang : List.of("id", "en")) {
                    if (!DEFAULTS.containsKey(key(def.event(), c.name(), lang))) {
                        missing.add(key(def.event(), c.name(), lang));
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("default notification templates missing: " + missing);
        }
    }

    private static final String SIGN_ID = "\n\nSalam,\nTim WeBrana Cloud";
    private static final String SIGN_EN = "\n\nRegards,\nThe WeBrana Cloud team";

    static {
        SAMPLES.putAll(Map.ofEntries(
                Map.entry("name", "Budi Santoso"),
                Map.entry("token", "contoh-token-rahasia"),
                Map.entry("link", "https://cloud.webrana.id/app/contoh"),
                Map.entry("orderId", "3f6c1a52-7a0e-4d1b-9a53-2a1f0e7c9b10"),
                Map.entry("hostname", "web-01.contoh.id"),
                Map.entry("plan", "Basic 2 GB"),
                Map.entry("period", "MONTHLY"),
                Map.entry("basePrice", "150000"),
                Map.entry("discount", "15000"),
                Map.entry("taxAmount", "0"),
                Map.entry("vcpu", "1"),
                Map.entry("memoryMb", "2048"),
                Map.entry("diskGb", "50"),
                Map.entry("total", "135000"),
                Map.entry("invoiceId", "8b0e7a4c-51d2-4c0f-a7c9-0d3e1f2a6b71"),
                Map.entry("invoiceNumber", "INV/2026/11/000123"),
                Map.entry("payBefore", "2026-11-24T03:15:00Z"),
                Map.entry("paidWith", "QRIS"),
                Map.entry("reason", "bukti transfer tidak terbaca"),
                Map.entry("ipv4", "203.0.113.10"),
                Map.entry("image", "Ubuntu 24.04 LTS"),
                Map.entry("errorCode", "PROVIDER_ERROR"),
                Map.entry("errorMessage", "region sgp1 is out of capacity"),
                Map.entry(CUSTOMER_EMAIL, "budi@contoh.id"),
                Map.entry("expiresAt", "2026-12-23T03:15:00Z"),
                Map.entry("instanceId", "c2d9e0f1-6a7b-4c8d-9e0f-1a2b3c4d5e6f"),
                Map.entry("amount", "500000"),
                Map.entry("balance", "750000"),
                Map.entry("autoRenew", "true"),
                Map.entry("reminder", "3D"),
                Map.entry("suspendAt", "2026-12-26T03:15:00Z"),
                Map.entry("terminateAt", "2027-01-02T03:15:00Z"),
                Map.entry("terminatedAt", "2027-01-02T03:15:00Z"),
                Map.entry("at", "2026-12-01T07:42:00Z"),
                Map.entry("subject", "Contoh subjek"),
                Map.entry("message", "Contoh isi pesan.")));

        // ---------------------------------------------------------------- account (email only, essential)
        define(ACCOUNT_EMAIL_VERIFICATION, "A new account's email verification link",
                List.of("name", "link", "token"), true, true, EMAIL);
        text(ACCOUNT_EMAIL_VERIFICATION, EMAIL, "id", "Verifikasi email Anda di WeBrana Cloud", """
                Halo {{name}},

                Terima kasih telah mendaftar di WeBrana Cloud. Buka tautan berikut untuk memverifikasi alamat email Anda:
                {{link}}

                Jika Anda tidak merasa mendaftar, abaikan email ini.""" + SIGN_ID);
        text(ACCOUNT_EMAIL_VERIFICATION, EMAIL, "en", "Verify your email at WeBrana Cloud", """
                Hello {{name}},

                Thank you for signing up for WeBrana Cloud. Open this link to verify your email address:
                {{link}}

                If you did not sign up, please ignore this email.""" + SIGN_EN);

        define(ACCOUNT_PASSWORD_RESET, "A password reset link", List.of("name", "link", "token"), true, true, EMAIL);
        text(ACCOUNT_PASSWORD_RESET, EMAIL, "id", "Atur ulang kata sandi WeBrana Cloud", """
                Halo {{name}},

                Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda. Buka tautan berikut untuk membuat kata sandi baru:
                {{link}}

                Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.""" + SIGN_ID);
        text(ACCOUNT_PASSWORD_RESET, EMAIL, "en", "Reset your WeBrana Cloud password", """
                Hello {{name}},

                We received a request to reset your account's password. Open this link to choose a new one:
                {{link}}

                If you did not ask for this, ignore this email; your password stays as it is.""" + SIGN_EN);

        // ---------------------------------------------------------------- orders and payments
        define(ORDER_CREATED, "An order was placed: price breakdown and how to pay",
                List.of("name", "orderId", "hostname", "plan", "period", "basePrice", "discount", "taxAmount", "total",
                        "invoiceId", "invoiceNumber", "payBefore", "link"), true, false, EMAIL, IN_APP);
        text(ORDER_CREATED, EMAIL, "id", "Pesanan {{hostname}} diterima: tagihan {{invoiceNumber}}", """
                Halo {{name}},

                Pesanan VPS Anda telah kami terima.

                Server: {{hostname}}
                Paket: {{plan}} ({{period}})
                Harga: {{basePrice}}
                Diskon: {{discount}}
                Pajak: {{taxAmount}}
                Total: {{total}}

                Cara membayar: buka tagihan {{invoiceNumber}} ({{link}}), pilih metode pembayaran (virtual account, e-wallet, QRIS, gerai retail atau saldo dompet), lalu selesaikan pembayaran sebelum {{payBefore}}. Pesanan yang belum dibayar sampai batas waktu itu dibatalkan otomatis.

                Server Anda langsung kami siapkan setelah pembayaran diterima.""" + SIGN_ID);
        text(ORDER_CREATED, EMAIL, "en", "Order {{hostname}} received: invoice {{invoiceNumber}}", """
                Hello {{name}},

                We have received your VPS order.

                Server: {{hostname}}
                Plan: {{plan}} ({{period}})
                Price: {{basePrice}}
                Discount: {{discount}}
                Tax: {{taxAmount}}
                Total: {{total}}

                How to pay: open invoice {{invoiceNumber}} ({{link}}), choose a payment method (virtual account, e-wallet, QRIS, convenience store or wallet balance) and pay before {{payBefore}}. Orders not paid by then are cancelled automatically.

                We start preparing your server as soon as the payment arrives.""" + SIGN_EN);
        text(ORDER_CREATED, IN_APP, "id", "Pesanan {{hostname}} menunggu pembayaran",
                "Tagihan {{invoiceNumber}} sebesar {{total}} menunggu pembayaran sebelum {{payBefore}}.");
        text(ORDER_CREATED, IN_APP, "en", "Order {{hostname}} awaits payment",
                "Invoice {{invoiceNumber}} for {{total}} is due before {{payBefore}}.");

        define(PAYMENT_CONFIRMED, "An order's payment was confirmed",
                List.of("name", "orderId", "hostname", "paidWith", "total"), true, false, EMAIL, TELEGRAM, IN_APP);
        text(PAYMENT_CONFIRMED, EMAIL, "id", "Pembayaran diterima: {{hostname}}", """
                Halo {{name}},

                Pembayaran sebesar {{total}} untuk server {{hostname}} telah kami terima.
                Metode pembayaran: {{paidWith}}

                Server Anda sedang disiapkan. Kami kabari lagi begitu siap dipakai, biasanya dalam beberapa menit.""" + SIGN_ID);
        text(PAYMENT_CONFIRMED, EMAIL, "en", "Payment received: {{hostname}}", """
                Hello {{name}},

                We have received your payment of {{total}} for server {{hostname}}.
                Payment method: {{paidWith}}

                Your server is being prepared. We will tell you as soon as it is ready, usually within minutes.""" + SIGN_EN);
        text(PAYMENT_CONFIRMED, TELEGRAM, "id", "",
                "✅ Pembayaran {{total}} untuk {{hostname}} diterima. Server Anda sedang disiapkan.");
        text(PAYMENT_CONFIRMED, TELEGRAM, "en", "",
                "✅ Payment of {{total}} for {{hostname}} received. Your server is being prepared.");
        text(PAYMENT_CONFIRMED, IN_APP, "id", "Pembayaran diterima",
                "Pembayaran {{total}} untuk {{hostname}} telah diterima. Server sedang disiapkan.");
        text(PAYMENT_CONFIRMED, IN_APP, "en", "Payment received",
                "Your payment of {{total}} for {{hostname}} was received. The server is being prepared.");

        define(PAYMENT_REJECTED, "An operator rejected an order's payment",
                List.of("name", "orderId", "reason", "total"), true, false, EMAIL, IN_APP);
        text(PAYMENT_REJECTED, EMAIL, "id", "Pembayaran pesanan ditolak", """
                Halo {{name}},

                Pembayaran sebesar {{total}} untuk pesanan {{orderId}} tidak dapat kami terima.
                Alasan: {{reason}}

                Silakan periksa kembali pembayaran Anda atau hubungi tim dukungan kami.""" + SIGN_ID);
        text(PAYMENT_REJECTED, EMAIL, "en", "Order payment rejected", """
                Hello {{name}},

                We could not accept the payment of {{total}} for order {{orderId}}.
                Reason: {{reason}}

                Please check your payment or contact our support team.""" + SIGN_EN);
        text(PAYMENT_REJECTED, IN_APP, "id", "Pembayaran ditolak",
                "Pembayaran {{total}} untuk pesanan {{orderId}} ditolak: {{reason}}");
        text(PAYMENT_REJECTED, IN_APP, "en", "Payment rejected",
                "The payment of {{total}} for order {{orderId}} was rejected: {{reason}}");

        define(DEPOSIT_RECEIVED, "A wallet top-up arrived",
                List.of("name", "amount", "invoiceNumber", "balance"), true, false, EMAIL);
        text(DEPOSIT_RECEIVED, EMAIL, "id", "Deposit {{amount}} diterima", """
                Halo {{name}},

                Deposit sebesar {{amount}} (tagihan {{invoiceNumber}}) telah masuk ke saldo Anda.
                Saldo sekarang: {{balance}}""" + SIGN_ID);
        text(DEPOSIT_RECEIVED, EMAIL, "en", "Deposit of {{amount}} received", """
                Hello {{name}},

                Your deposit of {{amount}} (invoice {{invoiceNumber}}) has been added to your balance.
                Balance now: {{balance}}""" + SIGN_EN);

        define(PAYMENT_CREDITED_TO_WALLET, "A payment arrived for an invoice that can no longer be settled",
                List.of("name", "amount", "invoiceNumber", "reason", "balance"), true, false, EMAIL, IN_APP);
        text(PAYMENT_CREDITED_TO_WALLET, EMAIL, "id", "Pembayaran {{invoiceNumber}} dimasukkan ke saldo", """
                Halo {{name}},

                Pembayaran sebesar {{amount}} untuk tagihan {{invoiceNumber}} telah kami terima, tetapi tagihan tersebut tidak dapat lagi dilunasi ({{reason}}). Dananya kami masukkan ke saldo Anda dan dapat dipakai untuk pesanan berikutnya.
                Saldo sekarang: {{balance}}""" + SIGN_ID);
        text(PAYMENT_CREDITED_TO_WALLET, EMAIL, "en", "Payment for {{invoiceNumber}} added to your balance", """
                Hello {{name}},

                We received your payment of {{amount}} for invoice {{invoiceNumber}}, but that invoice can no longer be settled ({{reason}}). The money has been added to your balance and can be used for your next order.
                Balance now: {{balance}}""" + SIGN_EN);
        text(PAYMENT_CREDITED_TO_WALLET, IN_APP, "id", "Pembayaran masuk ke saldo",
                "Pembayaran {{amount}} untuk {{invoiceNumber}} dimasukkan ke saldo Anda. Saldo: {{balance}}");
        text(PAYMENT_CREDITED_TO_WALLET, IN_APP, "en", "Payment added to your balance",
                "The payment of {{amount}} for {{invoiceNumber}} was added to your balance. Balance: {{balance}}");

        // ---------------------------------------------------------------- servers
        define(VPS_ACTIVE, "A server is ready: IP, specs, how to log in",
                List.of("name", "hostname", "ipv4", "plan", "image", "vcpu", "memoryMb", "diskGb"), true, false,
                EMAIL, TELEGRAM, IN_APP);
        text(VPS_ACTIVE, EMAIL, "id", "VPS {{hostname}} sudah aktif", """
                Halo {{name}},

                VPS Anda sudah aktif dan siap digunakan.

                Hostname: {{hostname}}
                Alamat IP: {{ipv4}}
                Paket: {{plan}} ({{vcpu}} vCPU, RAM {{memoryMb}} MB, disk {{diskGb}} GB)
                Sistem operasi: {{image}}

                Cara masuk: jalankan ssh root@{{ipv4}} dengan kunci SSH yang Anda pilih saat memesan. Detail server ada di portal WeBrana Cloud (menu Server).""" + SIGN_ID);
        text(VPS_ACTIVE, EMAIL, "en", "VPS {{hostname}} is active", """
                Hello {{name}},

                Your VPS is active and ready to use.

                Hostname: {{hostname}}
                IP address: {{ipv4}}
                Plan: {{plan}} ({{vcpu}} vCPU, {{memoryMb}} MB RAM, {{diskGb}} GB disk)
                Operating system: {{image}}

                How to log in: run ssh root@{{ipv4}} with the SSH key you chose when ordering. The server's details are in the WeBrana Cloud portal (Servers).""" + SIGN_EN);
        text(VPS_ACTIVE, TELEGRAM, "id", "", """
                🚀 VPS {{hostname}} sudah aktif.
                IP: {{ipv4}}
                Paket: {{plan}}, {{image}}
                Masuk: ssh root@{{ipv4}}""");
        text(VPS_ACTIVE, TELEGRAM, "en", "", """
                🚀 VPS {{hostname}} is active.
                IP: {{ipv4}}
                Plan: {{plan}}, {{image}}
                Log in: ssh root@{{ipv4}}""");
        text(VPS_ACTIVE, IN_APP, "id", "VPS {{hostname}} aktif",
                "Server {{hostname}} ({{plan}}, {{image}}) aktif di {{ipv4}}. Masuk dengan ssh root@{{ipv4}}.");
        text(VPS_ACTIVE, IN_APP, "en", "VPS {{hostname}} is active",
                "Server {{hostname}} ({{plan}}, {{image}}) is up at {{ipv4}}. Log in with ssh root@{{ipv4}}.");

        define(PROVISIONING_FAILED, "A server could not be created: what happens next (customer), the error (operators)",
                List.of("name", "hostname", "orderId", "errorCode", "errorMessage", CUSTOMER_EMAIL),
                List.of("errorCode", "errorMessage", CUSTOMER_EMAIL), true, false, EMAIL, TELEGRAM, IN_APP, OPERATOR);
        text(PROVISIONING_FAILED, EMAIL, "id", "Pembuatan VPS {{hostname}} gagal", """
                Halo {{name}},

                Mohon maaf, kami gagal menyiapkan VPS {{hostname}} (pesanan {{orderId}}). Tim kami sudah menerima laporannya dan akan menindaklanjuti: server dibuat ulang atau pembayaran Anda dikembalikan. Anda tidak perlu memesan ulang.""" + SIGN_ID);
        text(PROVISIONING_FAILED, EMAIL, "en", "Creating VPS {{hostname}} failed", """
                Hello {{name}},

                We are sorry: we could not set up VPS {{hostname}} (order {{orderId}}). Our team has been alerted and will follow up: the server will be created again or your payment returned. You do not need to order again.""" + SIGN_EN);
        text(PROVISIONING_FAILED, TELEGRAM, "id", "",
                "⚠️ VPS {{hostname}} gagal dibuat. Tim kami sedang menanganinya; Anda tidak perlu memesan ulang.");
        text(PROVISIONING_FAILED, TELEGRAM, "en", "",
                "⚠️ VPS {{hostname}} could not be created. Our team is on it; you do not need to order again.");
        text(PROVISIONING_FAILED, IN_APP, "id", "Pembuatan VPS gagal",
                "VPS {{hostname}} gagal dibuat. Tim kami sedang menanganinya; Anda tidak perlu memesan ulang.");
        text(PROVISIONING_FAILED, IN_APP, "en", "Creating the VPS failed",
                "VPS {{hostname}} could not be created. Our team is on it; you do not need to order again.");
        text(PROVISIONING_FAILED, OPERATOR, "id", "Provisioning gagal: {{hostname}}", """
                Pesanan {{orderId}} ({{hostname}}) milik {{customerEmail}} gagal dibuat.
                Kode: {{errorCode}}
                Pesan: {{errorMessage}}""");
        text(PROVISIONING_FAILED, OPERATOR, "en", "Provisioning failed: {{hostname}}", """
                Order {{orderId}} ({{hostname}}) of {{customerEmail}} could not be provisioned.
                Code: {{errorCode}}
                Message: {{errorMessage}}""");

        // ---------------------------------------------------------------- server lifecycle
        define(VPS_EXPIRING, "A server expires soon (7 days, 3 days, 1 day, 8 hours before): its renewal invoice",
                List.of("name", "hostname", "ipv4", "expiresAt", "instanceId", "link", "invoiceNumber", "amount",
                        "autoRenew", "reminder"), true, false,
                EMAIL, TELEGRAM, IN_APP);
        text(VPS_EXPIRING, EMAIL, "id", "VPS {{hostname}} berakhir pada {{expiresAt}}", """
                Halo {{name}},

                Masa aktif VPS {{hostname}} ({{ipv4}}) berakhir pada {{expiresAt}}. Bayar tagihan perpanjangan {{invoiceNumber}} sebesar {{amount}} sebelum waktu itu agar server dan datanya tidak dihentikan:
                {{link}}

                Jika perpanjangan otomatis aktif dan saldo Anda cukup, tagihan dibayar dari saldo dan Anda tidak perlu melakukan apa pun.""" + SIGN_ID);
        text(VPS_EXPIRING, EMAIL, "en", "VPS {{hostname}} expires on {{expiresAt}}", """
                Hello {{name}},

                VPS {{hostname}} ({{ipv4}}) expires on {{expiresAt}}. Pay renewal invoice {{invoiceNumber}} of {{amount}} before then so that the server and its data are not stopped:
                {{link}}

                If auto-renewal is on and your balance is sufficient, the invoice is paid from your balance and you need not do anything.""" + SIGN_EN);
        text(VPS_EXPIRING, TELEGRAM, "id", "",
                "⏰ VPS {{hostname}} berakhir pada {{expiresAt}}. Bayar tagihan {{invoiceNumber}} ({{amount}}) di {{link}}");
        text(VPS_EXPIRING, TELEGRAM, "en", "",
                "⏰ VPS {{hostname}} expires on {{expiresAt}}. Pay invoice {{invoiceNumber}} ({{amount}}) at {{link}}");
        text(VPS_EXPIRING, IN_APP, "id", "VPS {{hostname}} segera berakhir",
                "Masa aktif berakhir pada {{expiresAt}}; bayar tagihan {{invoiceNumber}} ({{amount}}) agar server tidak dihentikan.");
        text(VPS_EXPIRING, IN_APP, "en", "VPS {{hostname}} expires soon",
                "It expires on {{expiresAt}}; pay invoice {{invoiceNumber}} ({{amount}}) so that the server is not stopped.");

        define(VPS_RENEWAL_INVOICE, "The invoice for a server's next period was raised",
                List.of("name", "hostname", "expiresAt", "invoiceNumber", "amount", "link", "autoRenew"), true, false,
                EMAIL, IN_APP);
        text(VPS_RENEWAL_INVOICE, EMAIL, "id", "Tagihan perpanjangan VPS {{hostname}}: {{invoiceNumber}}", """
                Halo {{name}},

                Tagihan perpanjangan untuk VPS {{hostname}} sudah terbit.

                Tagihan: {{invoiceNumber}}
                Jumlah: {{amount}}
                Masa aktif saat ini berakhir: {{expiresAt}}

                Bayar sebelum masa aktif berakhir agar server tetap berjalan tanpa jeda:
                {{link}}

                Jika perpanjangan otomatis aktif dan saldo Anda cukup, tagihan dibayar dari saldo secara otomatis.""" + SIGN_ID);
        text(VPS_RENEWAL_INVOICE, EMAIL, "en", "Renewal invoice for VPS {{hostname}}: {{invoiceNumber}}", """
                Hello {{name}},

                The renewal invoice for VPS {{hostname}} has been issued.

                Invoice: {{invoiceNumber}}
                Amount: {{amount}}
                Current period ends: {{expiresAt}}

                Pay it before the period ends so that the server keeps running without interruption:
                {{link}}

                If auto-renewal is on and your balance is sufficient, the invoice is paid from your balance automatically.""" + SIGN_EN);
        text(VPS_RENEWAL_INVOICE, IN_APP, "id", "Tagihan perpanjangan {{hostname}}",
                "Tagihan {{invoiceNumber}} sebesar {{amount}} perlu dibayar sebelum {{expiresAt}} agar server tetap berjalan.");
        text(VPS_RENEWAL_INVOICE, IN_APP, "en", "Renewal invoice for {{hostname}}",
                "Invoice {{invoiceNumber}} for {{amount}} is due before {{expiresAt}} to keep the server running.");

        define(VPS_AUTO_RENEW_FAILED, "Auto-renewal could not pay a server's renewal invoice from the wallet",
                List.of("name", "hostname", "expiresAt", "invoiceNumber", "amount", "balance", "link"), true, false,
                EMAIL, TELEGRAM, IN_APP);
        text(VPS_AUTO_RENEW_FAILED, EMAIL, "id", "Perpanjangan otomatis VPS {{hostname}} gagal", """
                Halo {{name}},

                Tagihan perpanjangan {{invoiceNumber}} sebesar {{amount}} untuk VPS {{hostname}} tidak dapat dibayar otomatis dari saldo Anda.
                Saldo saat ini: {{balance}}

                Isi saldo atau bayar tagihan dengan metode lain sebelum {{expiresAt}} agar server tetap berjalan:
                {{link}}""" + SIGN_ID);
        text(VPS_AUTO_RENEW_FAILED, EMAIL, "en", "Auto-renewal of VPS {{hostname}} failed", """
                Hello {{name}},

                Renewal invoice {{invoiceNumber}} of {{amount}} for VPS {{hostname}} could not be paid automatically from your balance.
                Balance now: {{balance}}

                Top up your balance or pay the invoice another way before {{expiresAt}} so that the server keeps running:
                {{link}}""" + SIGN_EN);
        text(VPS_AUTO_RENEW_FAILED, TELEGRAM, "id", "",
                "⚠️ Perpanjangan otomatis VPS {{hostname}} gagal (saldo {{balance}}). Bayar tagihan {{invoiceNumber}} ({{amount}}) sebelum {{expiresAt}} di {{link}}");
        text(VPS_AUTO_RENEW_FAILED, TELEGRAM, "en", "",
                "⚠️ Auto-renewal of VPS {{hostname}} failed (balance {{balance}}). Pay invoice {{invoiceNumber}} ({{amount}}) before {{expiresAt}} at {{link}}");
        text(VPS_AUTO_RENEW_FAILED, IN_APP, "id", "Perpanjangan otomatis gagal",
                "Tagihan {{invoiceNumber}} ({{amount}}) untuk {{hostname}} tidak dapat dibayar dari saldo; bayar sebelum {{expiresAt}} agar server tetap berjalan.");
        text(VPS_AUTO_RENEW_FAILED, IN_APP, "en", "Auto-renewal failed",
                "Invoice {{invoiceNumber}} ({{amount}}) for {{hostname}} could not be paid from your balance; pay it before {{expiresAt}} to keep the server running.");

        define(VPS_RENEWED, "A server's renewal was paid: its new expiry",
                List.of("name", "hostname", "expiresAt", "invoiceNumber", "amount", "paidWith"), true, false,
                EMAIL, TELEGRAM, IN_APP);
        text(VPS_RENEWED, EMAIL, "id", "VPS {{hostname}} diperpanjang sampai {{expiresAt}}", """
                Halo {{name}},

                Pembayaran sebesar {{amount}} untuk tagihan {{invoiceNumber}} telah kami terima.
                Metode pembayaran: {{paidWith}}

                Masa aktif VPS {{hostname}} kini berlaku sampai {{expiresAt}}. Terima kasih telah tetap bersama WeBrana Cloud.""" + SIGN_ID);
        text(VPS_RENEWED, EMAIL, "en", "VPS {{hostname}} renewed until {{expiresAt}}", """
                Hello {{name}},

                We have received your payment of {{amount}} for invoice {{invoiceNumber}}.
                Payment method: {{paidWith}}

                VPS {{hostname}} now runs until {{expiresAt}}. Thank you for staying with WeBrana Cloud.""" + SIGN_EN);
        text(VPS_RENEWED, TELEGRAM, "id", "",
                "✅ VPS {{hostname}} diperpanjang sampai {{expiresAt}}. Pembayaran {{amount}} diterima.");
        text(VPS_RENEWED, TELEGRAM, "en", "",
                "✅ VPS {{hostname}} renewed until {{expiresAt}}. Payment of {{amount}} received.");
        text(VPS_RENEWED, IN_APP, "id", "VPS {{hostname}} diperpanjang",
                "Pembayaran {{amount}} untuk {{invoiceNumber}} diterima; masa aktif berlaku sampai {{expiresAt}}.");
        text(VPS_RENEWED, IN_APP, "en", "VPS {{hostname}} renewed",
                "The payment of {{amount}} for {{invoiceNumber}} was received; the server runs until {{expiresAt}}.");

        define(VPS_EXPIRED, "A server expired and is in its grace period (also the final warning before suspension)",
                List.of("name", "hostname", "expiresAt", "suspendAt", "invoiceNumber", "amount", "link"), true, false,
                EMAIL, TELEGRAM, IN_APP);
        text(VPS_EXPIRED, EMAIL, "id", "VPS {{hostname}} telah berakhir: bayar sebelum {{suspendAt}}", """
                Halo {{name}},

                Masa aktif VPS {{hostname}} berakhir pada {{expiresAt}}. Server masih berjalan selama masa tenggang, tetapi akan dinonaktifkan pada {{suspendAt}} jika tagihan {{invoiceNumber}} sebesar {{amount}} belum dibayar.

                Bayar sekarang agar server tetap berjalan:
                {{link}}""" + SIGN_ID);
        text(VPS_EXPIRED, EMAIL, "en", "VPS {{hostname}} has expired: pay before {{suspendAt}}", """
                Hello {{name}},

                VPS {{hostname}} expired on {{expiresAt}}. The server keeps running during a grace period, but it will be suspended on {{suspendAt}} unless invoice {{invoiceNumber}} of {{amount}} is paid.

                Pay now to keep the server running:
                {{link}}""" + SIGN_EN);
        text(VPS_EXPIRED, TELEGRAM, "id", "",
                "⌛ VPS {{hostname}} telah berakhir dan akan dinonaktifkan pada {{suspendAt}}. Bayar tagihan {{invoiceNumber}} ({{amount}}) di {{link}}");
        text(VPS_EXPIRED, TELEGRAM, "en", "",
                "⌛ VPS {{hostname}} has expired and will be suspended on {{suspendAt}}. Pay invoice {{invoiceNumber}} ({{amount}}) at {{link}}");
        text(VPS_EXPIRED, IN_APP, "id", "VPS {{hostname}} telah berakhir",
                "Server akan dinonaktifkan pada {{suspendAt}} jika tagihan {{invoiceNumber}} ({{amount}}) belum dibayar.");
        text(VPS_EXPIRED, IN_APP, "en", "VPS {{hostname}} has expired",
                "The server will be suspended on {{suspendAt}} unless invoice {{invoiceNumber}} ({{amount}}) is paid.");

        define(VPS_SUSPENDED, "A server was suspended (powered off, actions locked): why, and how to resume it",
                List.of("name", "hostname", "reason", "terminateAt", "invoiceNumber", "amount", "link"), true, false,
                EMAIL, TELEGRAM, IN_APP);
        text(VPS_SUSPENDED, EMAIL, "id", "VPS {{hostname}} dinonaktifkan", """
                Halo {{name}},

                VPS {{hostname}} telah dinonaktifkan: server dimatikan dan tindakan pada server dikunci.
                Alasan: {{reason}}

                Untuk mengaktifkannya kembali, bayar tagihan {{invoiceNumber}} sebesar {{amount}}:
                {{link}}

                Jika tidak dibayar, server dan datanya dihapus permanen pada {{terminateAt}}.""" + SIGN_ID);
        text(VPS_SUSPENDED, EMAIL, "en", "VPS {{hostname}} suspended", """
                Hello {{name}},

                VPS {{hostname}} has been suspended: the server is powered off and its actions are locked.
                Reason: {{reason}}

                To resume it, pay invoice {{invoiceNumber}} of {{amount}}:
                {{link}}

                If it is not paid, the server and its data are deleted permanently on {{terminateAt}}.""" + SIGN_EN);
        text(VPS_SUSPENDED, TELEGRAM, "id", "",
                "⛔ VPS {{hostname}} dinonaktifkan: {{reason}}. Bayar tagihan {{invoiceNumber}} ({{amount}}) di {{link}} untuk mengaktifkannya kembali; jika tidak, server dihapus pada {{terminateAt}}.");
        text(VPS_SUSPENDED, TELEGRAM, "en", "",
                "⛔ VPS {{hostname}} suspended: {{reason}}. Pay invoice {{invoiceNumber}} ({{amount}}) at {{link}} to resume it; otherwise the server is deleted on {{terminateAt}}.");
        text(VPS_SUSPENDED, IN_APP, "id", "VPS {{hostname}} dinonaktifkan",
                "Server dinonaktifkan ({{reason}}); bayar tagihan {{invoiceNumber}} ({{amount}}) untuk mengaktifkannya kembali.");
        text(VPS_SUSPENDED, IN_APP, "en", "VPS {{hostname}} suspended",
                "The server was suspended ({{reason}}); pay invoice {{invoiceNumber}} ({{amount}}) to resume it.");

        define(VPS_SUSPENDED_BY_OPERATOR, "An operator suspended a server: why, and whom to contact",
                List.of("name", "hostname", "reason"), true, false, EMAIL, TELEGRAM, IN_APP);
        text(VPS_SUSPENDED_BY_OPERATOR, EMAIL, "id", "VPS {{hostname}} dinonaktifkan oleh tim kami", """
                Halo {{name}},

                Tim kami menonaktifkan VPS {{hostname}}: server dimatikan dan tindakan pada server dikunci.
                Alasan: {{reason}}

                Data Anda tetap tersimpan. Balas email ini atau hubungi tim dukungan kami untuk menyelesaikannya.""" + SIGN_ID);
        text(VPS_SUSPENDED_BY_OPERATOR, EMAIL, "en", "VPS {{hostname}} suspended by our team", """
                Hello {{name}},

                Our team suspended VPS {{hostname}}: the server is powered off and its actions are locked.
                Reason: {{reason}}

                Your data is kept. Reply to this email or contact our support team to resolve it.""" + SIGN_EN);
        text(VPS_SUSPENDED_BY_OPERATOR, TELEGRAM, "id", "",
                "⛔ VPS {{hostname}} dinonaktifkan oleh tim kami: {{reason}}. Hubungi tim dukungan untuk menyelesaikannya.");
        text(VPS_SUSPENDED_BY_OPERATOR, TELEGRAM, "en", "",
                "⛔ VPS {{hostname}} was suspended by our team: {{reason}}. Contact support to resolve it.");
        text(VPS_SUSPENDED_BY_OPERATOR, IN_APP, "id", "VPS {{hostname}} dinonaktifkan oleh tim kami",
                "Server dinonaktifkan oleh tim kami ({{reason}}); hubungi tim dukungan untuk menyelesaikannya.");
        text(VPS_SUSPENDED_BY_OPERATOR, IN_APP, "en", "VPS {{hostname}} suspended by our team",
                "The server was suspended by our team ({{reason}}); contact support to resolve it.");

        define(VPS_UNSUSPENDED, "A suspended server runs again",
                List.of("name", "hostname", "expiresAt"), true, false, EMAIL, TELEGRAM, IN_APP);
        text(VPS_UNSUSPENDED, EMAIL, "id", "VPS {{hostname}} aktif kembali", """
                Halo {{name}},

                VPS {{hostname}} sudah aktif kembali dan dapat digunakan seperti biasa. Masa aktifnya berlaku sampai {{expiresAt}}.""" + SIGN_ID);
        text(VPS_UNSUSPENDED, EMAIL, "en", "VPS {{hostname}} is running again", """
                Hello {{name}},

                VPS {{hostname}} is running again and can be used as usual. It runs until {{expiresAt}}.""" + SIGN_EN);
        text(VPS_UNSUSPENDED, TELEGRAM, "id", "",
                "▶️ VPS {{hostname}} aktif kembali, berlaku sampai {{expiresAt}}.");
        text(VPS_UNSUSPENDED, TELEGRAM, "en", "",
                "▶️ VPS {{hostname}} is running again, until {{expiresAt}}.");
        text(VPS_UNSUSPENDED, IN_APP, "id", "VPS {{hostname}} aktif kembali",
                "Server dapat digunakan lagi dan berlaku sampai {{expiresAt}}.");
        text(VPS_UNSUSPENDED, IN_APP, "en", "VPS {{hostname}} is running again",
                "The server can be used again and runs until {{expiresAt}}.");

        define(VPS_TERMINATED, "A server was destroyed",
                List.of("name", "hostname", "reason", "terminatedAt"), true, false, EMAIL, TELEGRAM, IN_APP);
        text(VPS_TERMINATED, EMAIL, "id", "VPS {{hostname}} telah dihapus", """
                Halo {{name}},

                VPS {{hostname}} telah dihapus pada {{terminatedAt}} beserta data di dalamnya.
                Alasan: {{reason}}

                Anda dapat memesan server baru kapan saja dari portal WeBrana Cloud. Jika ada pertanyaan, hubungi tim dukungan kami.""" + SIGN_ID);
        text(VPS_TERMINATED, EMAIL, "en", "VPS {{hostname}} has been deleted", """
                Hello {{name}},

                VPS {{hostname}} was deleted on {{terminatedAt}} together with its data.
                Reason: {{reason}}

                You can order a new server from the WeBrana Cloud portal at any time. If you have questions, contact our support team.""" + SIGN_EN);
        text(VPS_TERMINATED, TELEGRAM, "id", "",
                "🗑️ VPS {{hostname}} telah dihapus pada {{terminatedAt}}: {{reason}}.");
        text(VPS_TERMINATED, TELEGRAM, "en", "",
                "🗑️ VPS {{hostname}} was deleted on {{terminatedAt}}: {{reason}}.");
        text(VPS_TERMINATED, IN_APP, "id", "VPS {{hostname}} dihapus",
                "Server dan datanya dihapus pada {{terminatedAt}} ({{reason}}).");
        text(VPS_TERMINATED, IN_APP, "en", "VPS {{hostname}} deleted",
                "The server and its data were deleted on {{terminatedAt}} ({{reason}}).");

        define(VPS_PASSWORD_RESET,
                "Security notice: a server's root password was changed in the portal (never the password itself)",
                List.of("name", "hostname", "at"), true, true, EMAIL, IN_APP);
        text(VPS_PASSWORD_RESET, EMAIL, "id", "Kata sandi root VPS {{hostname}} diubah", """
                Halo {{name}},

                Kata sandi root VPS {{hostname}} telah diubah melalui portal WeBrana Cloud pada {{at}}. Demi keamanan, kata sandi tidak pernah kami kirim lewat email.

                Jika bukan Anda yang mengubahnya, segera ganti kata sandi akun WeBrana Cloud Anda dan hubungi tim dukungan kami.""" + SIGN_ID);
        text(VPS_PASSWORD_RESET, EMAIL, "en", "Root password of VPS {{hostname}} changed", """
                Hello {{name}},

                The root password of VPS {{hostname}} was changed through the WeBrana Cloud portal on {{at}}. For your security, we never send passwords by email.

                If you did not change it, change your WeBrana Cloud account password right away and contact our support team.""" + SIGN_EN);
        text(VPS_PASSWORD_RESET, IN_APP, "id", "Kata sandi root {{hostname}} diubah",
                "Kata sandi root diubah melalui portal pada {{at}}; jika bukan Anda, segera hubungi tim dukungan kami.");
        text(VPS_PASSWORD_RESET, IN_APP, "en", "Root password of {{hostname}} changed",
                "The root password was changed through the portal on {{at}}; if this was not you, contact our support team right away.");

        // ---------------------------------------------------------------- operator alerts
        define(PAYMENT_CALLBACK_REFUSED, "Operators: a payment callback was refused",
                List.of("subject", "message"), false, true, OPERATOR);
        text(PAYMENT_CALLBACK_REFUSED, OPERATOR, "id", "Callback pembayaran ditolak: {{subject}}", "{{message}}");
        text(PAYMENT_CALLBACK_REFUSED, OPERATOR, "en", "Payment callback refused: {{subject}}", "{{message}}");

        define(PAYMENT_AMOUNT_MISMATCH, "Operators: a payment's amount does not match its invoice",
                List.of("subject", "message"), false, true, OPERATOR);
        text(PAYMENT_AMOUNT_MISMATCH, OPERATOR, "id", "Jumlah pembayaran tidak cocok: {{subject}}", "{{message}}");
        text(PAYMENT_AMOUNT_MISMATCH, OPERATOR, "en", "Payment amount mismatch: {{subject}}", "{{message}}");

        define(PROVIDER_UNREACHABLE, "Operators: the cloud provider cannot be reached",
                List.of("subject", "message"), false, true, OPERATOR);
        text(PROVIDER_UNREACHABLE, OPERATOR, "id", "Penyedia cloud tidak dapat dihubungi: {{subject}}", "{{message}}");
        text(PROVIDER_UNREACHABLE, OPERATOR, "en", "Cloud provider unreachable: {{subject}}", "{{message}}");

        define(PAYMENT_REFUNDED_AT_GATEWAY, "Operators: the payment gateway reports a refund to review",
                List.of("subject", "message"), false, true, OPERATOR);
        text(PAYMENT_REFUNDED_AT_GATEWAY, OPERATOR, "id", "Refund dilaporkan oleh gateway: {{subject}}", "{{message}}");
        text(PAYMENT_REFUNDED_AT_GATEWAY, OPERATOR, "en", "Refund reported by the gateway: {{subject}}", "{{message}}");

        // ---------------------------------------------------------------- Telegram linking and operators' messages
        define(TELEGRAM_LINKED, "Confirms in the chat that it is now linked", List.of("name"), false, true, TELEGRAM);
        text(TELEGRAM_LINKED, TELEGRAM, "id", "",
                "✅ Halo {{name}}, chat Telegram ini sekarang terhubung dengan akun WeBrana Cloud Anda. Notifikasi akan kami kirim ke sini.");
        text(TELEGRAM_LINKED, TELEGRAM, "en", "",
                "✅ Hello {{name}}, this Telegram chat is now linked to your WeBrana Cloud account. We will send notifications here.");

        define(TELEGRAM_LINK_INVALID, "Answers a /start with an unknown or expired code", List.of(), false, true,
                TELEGRAM);
        text(TELEGRAM_LINK_INVALID, TELEGRAM, "id", "",
                "Tautan ini tidak valid atau sudah kedaluwarsa. Buka halaman profil di portal WeBrana Cloud untuk membuat tautan baru.");
        text(TELEGRAM_LINK_INVALID, TELEGRAM, "en", "",
                "This link is invalid or has expired. Open your profile in the WeBrana Cloud portal to create a new one.");

        define(TELEGRAM_UNLINKED, "Tells a customer in-app that their Telegram chat was unlinked (bot blocked)",
                List.of("name"), false, true, IN_APP);
        text(TELEGRAM_UNLINKED, IN_APP, "id", "Telegram terputus",
                "Kami tidak dapat lagi mengirim pesan ke Telegram Anda (bot diblokir atau chat dihapus), jadi tautannya kami lepas. Hubungkan lagi dari halaman profil bila ingin menerima notifikasi di Telegram.");
        text(TELEGRAM_UNLINKED, IN_APP, "en", "Telegram disconnected",
                "We can no longer send messages to your Telegram (the bot was blocked or the chat deleted), so we removed the link. Link it again from your profile to get notifications on Telegram.");

        define(ADMIN_MESSAGE, "A message an operator sends to a customer", List.of("name", "subject", "message"),
                false, true, EMAIL, TELEGRAM, IN_APP);
        text(ADMIN_MESSAGE, EMAIL, "id", "{{subject}}", "Halo {{name}},\n\n{{message}}" + SIGN_ID);
        text(ADMIN_MESSAGE, EMAIL, "en", "{{subject}}", "Hello {{name}},\n\n{{message}}" + SIGN_EN);
        text(ADMIN_MESSAGE, TELEGRAM, "id", "{{subject}}", "{{message}}");
        text(ADMIN_MESSAGE, TELEGRAM, "en", "{{subject}}", "{{message}}");
        text(ADMIN_MESSAGE, IN_APP, "id", "{{subject}}", "{{message}}");
        text(ADMIN_MESSAGE, IN_APP, "en", "{{subject}}", "{{message}}");

        requireComplete();
    }
}
