package id.webrana.cloud.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications on the running server with its embedded defaults (no SMTP, no Telegram bot): the dispatcher
 * delivers the outbox to the portal bell and to the local mailbox, in Bahasa Indonesia unless the customer chose
 * English; operators edit templates, read the history and the mailbox, and send messages under /internal.
 */
class NotificationsApiIT {

    static final String PLAN = OrderJourneyIT.PLAN;
    static final String IMAGE = OrderJourneyIT.IMAGE;
    /** The dispatcher delivers from the outbox in the background. */
    static final Duration DELIVERY = Duration.ofSeconds(10);

    // ------------------------------------------------------------------ helpers

    record Customer(String email, String token, String userId) {
    }

    static Customer newCustomer(String prefix) {
        String email = prefix + "-" + System.nanoTime() + "@example.id";
        Api.Reply reg = Api.post("/api/v1/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"Rahasia123\",\"fullName\":\"Budi Santoso\",\"phone\":\"+6281234567890\"}");
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        Api.Reply login = Api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Rahasia123\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = login.json().getString("accessToken");
        return new Customer(email, token, BillingIT.userIdOf(token));
    }

    static String placeOrder(Customer c, String hostname) {
        Api.Reply created = Api.post("/api/v1/orders", "{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"hostname\":\"" + hostname + "\"}", Api.bearer(c.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getString("id");
    }

    static JsonObject inbox(Customer c) {
        Api.Reply r = Api.get("/api/v1/notifications?size=100", Api.bearer(c.token()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<JsonObject> items(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** The bell's message about {@code event} whose title mentions {@code hostname}, once it has arrived. */
    static JsonObject awaitInApp(Customer c, String event, String hostname) throws InterruptedException {
        return await(() -> items(inbox(c)).stream()
                        .filter(n -> n.getString("event").equals(event) && n.getString("title").contains(hostname))
                        .findFirst().orElse(null),
                n -> n != null, event + " for " + hostname + " in the bell of " + c.email());
    }

    static <T> T await(Supplier<T> read, Predicate<T> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within " + DELIVERY + "; last seen: " + last);
            }
            Thread.sleep(250);
            last = read.get();
        }
        return last;
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonObject template(String event, String channel, String language) {
        Api.Reply r = Api.get("/internal/notifications/templates?event=" + event + "&channel=" + channel
                + "&language=" + language, Api.apiKey());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonArray list = (JsonArray) r.parse();
        assertThat(list).as(event + "/" + channel + "/" + language).hasSize(1);
        return list.getJsonObject(0);
    }

    static Api.Reply putTemplate(String id, String subject, String body) {
        return Api.send("PUT", "/internal/notifications/templates/" + id, "{\"subject\":" + json(subject)
                + ",\"body\":" + json(body) + "}", Api.apiKey());
    }

    static Api.Reply putVersioned(String id, String subject, String body, long version) {
        return Api.send("PUT", "/internal/notifications/templates/" + id, "{\"subject\":" + json(subject)
                + ",\"body\":" + json(body) + ",\"version\":" + version + "}", Api.apiKey());
    }

    static String json(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }

    static List<JsonObject> mailbox(String to) {
        Api.Reply r = Api.get("/internal/notifications/mailbox?size=100&to=" + q(to), Api.apiKey());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return items(r.json());
    }

    static List<JsonObject> history(String query) {
        Api.Reply r = Api.get("/internal/notifications/history?size=100&" + query, Api.apiKey());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return items(r.json());
    }

    // ------------------------------------------------------------------ the bell

    @Test
    void an_order_announces_itself_in_the_bell_in_bahasa_indonesia_and_reading_counts_down() throws Exception {
        Customer c = newCustomer("bell");
        JsonObject empty = inbox(c);
        assertThat(empty.getJsonNumber("unreadCount").longValue()).isZero();

        placeOrder(c, "web-bell-1");
        JsonObject first = awaitInApp(c, "ORDER_CREATED", "web-bell-1");
        assertThat(first.getString("title")).isEqualTo("Pesanan web-bell-1 menunggu pembayaran");
        assertThat(first.getString("body")).startsWith("Tagihan INV/").contains("sebesar Rp 90.000 menunggu pembayaran");
        assertThat(first.getBoolean("read")).isFalse();

        placeOrder(c, "web-bell-2");
        awaitInApp(c, "ORDER_CREATED", "web-bell-2");
        JsonObject two = inbox(c);
        assertThat(two.getJsonNumber("unreadCount").longValue()).isEqualTo(2);
        assertThat(two.getJsonNumber("total").longValue()).isEqualTo(2);
        assertThat(items(two).get(0).getString("title")).as("newest first").contains("web-bell-2");

        Api.Reply read = Api.post("/api/v1/notifications/" + first.getString("id") + "/read", null,
                Api.bearer(c.token()));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().getJsonNumber("unreadCount").longValue()).isEqualTo(1);
        Api.Reply again = Api.post("/api/v1/notifications/" + first.getString("id") + "/read", null,
                Api.bearer(c.token()));
        assertThat(again.json().getJsonNumber("unreadCount").longValue()).as("reading twice changes nothing")
                .isEqualTo(1);
        Api.Reply badge = Api.get("/api/v1/notifications/unread-count", Api.bearer(c.token()));
        assertThat(badge.json().getJsonNumber("unreadCount").longValue()).isEqualTo(1);

        Api.Reply all = Api.post("/api/v1/notifications/read-all", null, Api.bearer(c.token()));
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().getInt("marked")).isEqualTo(1);
        assertThat(all.json().getJsonNumber("unreadCount").longValue()).isZero();
        JsonObject after = inbox(c);
        assertThat(after.getJsonNumber("unreadCount").longValue()).isZero();
        assertThat(items(after)).allSatisfy(n -> {
            assertThat(n.getBoolean("read")).isTrue();
            assertThat(n.getString("readAt")).isNotBlank();
        });
    }

    @Test
    void a_message_that_is_not_mine_cannot_be_marked_read() throws Exception {
        Customer owner = newCustomer("owner");
        placeOrder(owner, "web-owned");
        JsonObject mine = awaitInApp(owner, "ORDER_CREATED", "web-owned");
        Customer stranger = newCustomer("stranger");

        Api.Reply foreign = Api.post("/api/v1/notifications/" + mine.getString("id") + "/read", null,
                Api.bearer(stranger.token()));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.errorCode()).isEqualTo("NOTIFICATION_NOT_FOUND");
        Api.Reply unknown = Api.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null,
                Api.bearer(owner.token()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOTIFICATION_NOT_FOUND");
        assertThat(Api.post("/api/v1/notifications/not-an-id/read", null, Api.bearer(owner.token())).status())
                .isEqualTo(404);
        assertThat(inbox(owner).getJsonNumber("unreadCount").longValue()).isEqualTo(1);
        assertThat(Api.get("/api/v1/notifications").status()).as("no token").isEqualTo(401);
    }

    // ------------------------------------------------------------------ preferences

    @Test
    void preferences_round_trip_and_an_unknown_language_or_channel_is_refused() {
        Customer c = newCustomer("prefs");
        Api.Reply defaults = Api.get("/api/v1/notifications/preferences", Api.bearer(c.token()));
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.json().getString("language")).isEqualTo("id");
        assertThat(defaults.json().getJsonArray("enabledChannels").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString)).containsExactly("EMAIL", "TELEGRAM");
        assertThat(defaults.json().getBoolean("telegramLinked")).isFalse();

        Api.Reply saved = Api.send("PUT", "/api/v1/notifications/preferences",
                "{\"language\":\"en\",\"enabledChannels\":[\"EMAIL\"]}", Api.bearer(c.token()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().getString("language")).isEqualTo("en");
        assertThat(saved.json().getJsonArray("enabledChannels").getString(0)).isEqualTo("EMAIL");
        assertThat(saved.json().getJsonArray("enabledChannels")).hasSize(1);
        Api.Reply read = Api.get("/api/v1/notifications/preferences", Api.bearer(c.token()));
        assertThat(read.json().getString("language")).isEqualTo("en");
        assertThat(read.json().getJsonArray("enabledChannels")).hasSize(1);

        Api.Reply french = Api.send("PUT", "/api/v1/notifications/preferences", "{\"language\":\"fr\"}",
                Api.bearer(c.token()));
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.errorCode()).isEqualTo("VALIDATION_ERROR");
        Api.Reply inApp = Api.send("PUT", "/api/v1/notifications/preferences",
                "{\"enabledChannels\":[\"IN_APP\"]}", Api.bearer(c.token()));
        assertThat(inApp.status()).as("in-app messages cannot be turned off").isEqualTo(400);
        Api.Reply unchanged = Api.get("/api/v1/notifications/preferences", Api.bearer(c.token()));
        assertThat(unchanged.json().getString("language")).isEqualTo("en");
        assertThat(unchanged.json().getJsonArray("enabledChannels")).hasSize(1);

        Api.Reply onlyLanguage = Api.send("PUT", "/api/v1/notifications/preferences", "{\"language\":\"id\"}",
                Api.bearer(c.token()));
        assertThat(onlyLanguage.json().getString("language")).isEqualTo("id");
        assertThat(onlyLanguage.json().getJsonArray("enabledChannels")).as("left out: kept").hasSize(1);
    }

    @Test
    void telegram_linking_gives_a_deep_link_when_a_bot_is_configured_and_says_so_when_not() {
        Customer c = newCustomer("tglink");
        boolean available = Api.get("/api/v1/notifications/preferences", Api.bearer(c.token())).json()
                .getBoolean("telegramAvailable");
        Api.Reply link = Api.post("/api/v1/notifications/telegram-link", null, Api.bearer(c.token()));
        if (available) {
            assertThat(link.status()).as(link.body()).isEqualTo(200);
            assertThat(link.json().getString("deepLink")).matches("https://t\\.me/[A-Za-z0-9_]+\\?start=[A-Za-z0-9_-]+");
            assertThat(link.json().getString("expiresAt")).isNotBlank();
        } else {
            assertThat(link.status()).as(link.body()).isEqualTo(400);
            assertThat(link.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(link.json().getJsonObject("error").getString("message")).contains("Telegram");
        }
        assertThat(Api.send("DELETE", "/api/v1/notifications/telegram-link", null, Api.bearer(c.token())).status())
                .isEqualTo(204);
    }

    // ------------------------------------------------------------------ templates

    @Test
    void operators_list_read_and_preview_templates_and_customers_are_kept_out() {
        Api.Reply all = Api.get("/internal/notifications/templates", Api.apiKey());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        List<JsonObject> templates = ((JsonArray) all.parse()).getValuesAs(JsonObject.class);
        assertThat(templates).hasSizeGreaterThan(20);
        assertThat(templates).anySatisfy(t -> {
            assertThat(t.getString("event")).isEqualTo("ORDER_CREATED");
            assertThat(t.getString("channel")).isEqualTo("EMAIL");
            assertThat(t.getString("language")).isEqualTo("id");
        });

        JsonObject orderCreated = template("ORDER_CREATED", "IN_APP", "id");
        assertThat(orderCreated.getJsonArray("variables").toString()).contains("\"total\"", "\"hostname\"");
        Api.Reply one = Api.get("/internal/notifications/templates/" + orderCreated.getString("id"), Api.apiKey());
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().getString("body")).isEqualTo(orderCreated.getString("body"));

        Api.Reply samples = Api.post("/internal/notifications/templates/" + orderCreated.getString("id")
                + "/preview", "{}", Api.apiKey());
        assertThat(samples.status()).as(samples.body()).isEqualTo(200);
        assertThat(samples.json().getString("subject")).doesNotContain("{{");
        assertThat(samples.json().getString("text")).containsPattern("Rp \\d{1,3}(\\.\\d{3})+");
        Api.Reply given = Api.post("/internal/notifications/templates/" + orderCreated.getString("id") + "/preview",
                "{\"subject\":\"Pesanan {{hostname}}\",\"body\":\"Bayar {{total}} <b>sekarang</b>\","
                        + "\"variables\":{\"hostname\":\"web-preview\",\"total\":\"90000\"}}", Api.apiKey());
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.json().getString("subject")).isEqualTo("Pesanan web-preview");
        assertThat(given.json().getString("text")).isEqualTo("Bayar Rp 90.000 <b>sekarang</b>");
        assertThat(given.json().getString("html")).contains("Bayar Rp 90.000 &lt;b&gt;sekarang&lt;/b&gt;");
        assertThat(Api.get("/internal/notifications/templates/" + orderCreated.getString("id"), Api.apiKey()).json()
                .getString("subject")).as("a preview saves nothing").isEqualTo(orderCreated.getString("subject"));

        Api.Reply missing = Api.get("/internal/notifications/templates/" + UUID.randomUUID(), Api.apiKey());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("TEMPLATE_NOT_FOUND");

        Customer customer = newCustomer("nosy");
        Api.Reply forbidden = Api.get("/internal/notifications/templates", Api.bearer(customer.token()));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.get("/internal/notifications/mailbox", Api.bearer(customer.token())).status()).isEqualTo(403);
        assertThat(Api.get("/internal/notifications/history").status()).isEqualTo(401);
    }

    @Test
    void an_edited_template_is_used_by_the_next_message_and_an_unknown_variable_is_refused() throws Exception {
        // the English text, so that other tests' (Indonesian) messages are not affected by the edit
        JsonObject original = template("ORDER_CREATED", "IN_APP", "en");
        String id = original.getString("id");
        String nonce = Long.toString(System.nanoTime());
        String subject = "Order {{hostname}}: edited " + nonce;
        String body = "Pay {{total}} for invoice {{invoiceNumber}} (edited " + nonce + ")";
        try {
            Api.Reply edited = putTemplate(id, subject, body);
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            assertThat(edited.json().getString("body")).isEqualTo(body);
            assertThat(edited.json().getString("subject")).isEqualTo(subject);
            assertThat(edited.json().getString("updatedBy")).isEqualTo("internal-api-key");
            long loaded = edited.json().getJsonNumber("version").longValue();

            Api.Reply unknown = putTemplate(id, subject, "Pay {{total}} {{unknownVariable}}");
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
            assertThat(unknown.errorCode()).isIn("VALIDATION_ERROR", "INVALID_TEMPLATE");
            assertThat(unknown.json().getJsonObject("error").getString("message")).contains("unknownVariable");
            Api.Reply malformed = putTemplate(id, subject, "Pay {{ total");
            assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
            JsonObject kept = Api.get("/internal/notifications/templates/" + id, Api.apiKey()).json();
            assertThat(kept.getString("body")).as("a refused edit changes nothing").isEqualTo(body);
            assertThat(kept.getString("subject")).isEqualTo(subject);

            Api.Reply current = putVersioned(id, subject, body, loaded);
            assertThat(current.status()).as(current.body()).isEqualTo(200);
            Api.Reply stale = putVersioned(id, subject, body, loaded);
            assertThat(stale.status()).as("edited from an old version: " + stale.body()).isEqualTo(409);
            assertThat(stale.errorCode()).isEqualTo("CONCURRENT_MODIFICATION");
            assertThat(Api.send("PUT", "/internal/notifications/templates/" + UUID.randomUUID(),
                    "{\"subject\":\"x\",\"body\":\"y\"}", Api.apiKey()).errorCode()).isEqualTo("TEMPLATE_NOT_FOUND");

            Customer c = newCustomer("edited");
            Api.Reply english = Api.send("PUT", "/api/v1/notifications/preferences", "{\"language\":\"en\"}",
                    Api.bearer(c.token()));
            assertThat(english.status()).as(english.body()).isEqualTo(200);
            placeOrder(c, "web-edited");
            JsonObject message = awaitInApp(c, "ORDER_CREATED", "web-edited");
            assertThat(message.getString("title")).isEqualTo("Order web-edited: edited " + nonce);
            assertThat(message.getString("body")).startsWith("Pay Rp 90.000 for invoice INV/")
                    .endsWith("(edited " + nonce + ")");
        } finally {
            Api.Reply restored = putTemplate(id, original.getString("subject"), original.getString("body"));
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------ mailbox, history, ad-hoc messages

    @Test
    void the_order_created_email_lands_in_the_local_mailbox_and_the_history_shows_it_sent() throws Exception {
        Customer c = newCustomer("mailbox");
        placeOrder(c, "web-mailbox");
        Supplier<List<JsonObject>> orderMails = () -> mailbox(c.email()).stream()
                .filter(m -> m.getString("subject").startsWith("Pesanan web-mailbox diterima: tagihan INV/"))
                .toList();
        JsonObject summary = await(orderMails, l -> l.size() == 1, "ORDER_CREATED email to " + c.email()).get(0);
        assertThat(summary.getString("channel")).isEqualTo("EMAIL");
        assertThat(summary.getString("to")).isEqualTo(c.email());

        Api.Reply mail = Api.get("/internal/notifications/mailbox/" + summary.getString("id"), Api.apiKey());
        assertThat(mail.status()).as(mail.body()).isEqualTo(200);
        assertThat(mail.json().getString("textBody")).startsWith("Halo Budi Santoso,")
                .contains("Server: web-mailbox", "Total: Rp 90.000", "Paket: ", "bulanan");
        assertThat(mail.json().getString("htmlBody")).contains("<html lang=\"id\">", "Total: Rp 90.000");
        assertThat(Api.get("/internal/notifications/mailbox/" + UUID.randomUUID(), Api.apiKey()).status())
                .isEqualTo(404);

        List<JsonObject> emailRows = await(() -> history("event=ORDER_CREATED&channel=EMAIL&status=SENT&recipient="
                + q(c.email())), l -> l.size() == 1, "SENT ORDER_CREATED email row");
        JsonObject row = emailRows.get(0);
        assertThat(row.getString("recipient")).isEqualTo(c.email());
        assertThat(row.getInt("attempts")).isGreaterThanOrEqualTo(1);
        assertThat(row.getString("sentAt")).isNotBlank();
        assertThat(row.getJsonObject("variables").getString("total")).isEqualTo("90000");
        await(() -> history("event=ORDER_CREATED&channel=IN_APP&status=SENT&recipient=" + c.userId()),
                l -> l.size() == 1, "SENT ORDER_CREATED in-app row");
        assertThat(history("event=ORDER_CREATED&status=FAILED&recipient=" + q(c.email()))).isEmpty();

        List<JsonObject> verification = history("event=ACCOUNT_EMAIL_VERIFICATION&recipient=" + q(c.email()));
        assertThat(verification).hasSize(1);
        assertThat(verification.get(0).getJsonObject("variables").getString("token"))
                .as("one-time tokens are not shown").isEqualTo("[redacted]");

        Api.Reply resend = Api.post("/internal/notifications/history/" + row.getString("id") + "/resend", null,
                Api.apiKey());
        assertThat(resend.status()).as(resend.body()).isEqualTo(202);
        await(orderMails, l -> l.size() == 2, "the resent ORDER_CREATED email");
        Api.Reply unknown = Api.post("/internal/notifications/history/" + UUID.randomUUID() + "/resend", null,
                Api.apiKey());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOTIFICATION_NOT_FOUND");

        Api.Reply badStatus = Api.get("/internal/notifications/history?status=LOST", Api.apiKey());
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(Api.get("/internal/notifications/history?from=yesterday", Api.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void an_operator_message_reaches_the_customers_bell_and_a_wrong_channel_is_refused() throws Exception {
        Customer c = newCustomer("adhoc");
        Api.Reply sent = Api.post("/internal/notifications/send", "{\"userId\":\"" + c.userId()
                + "\",\"channel\":\"IN_APP\",\"subject\":\"Pemeliharaan terjadwal\","
                + "\"message\":\"Server web-adhoc akan dipindahkan malam ini.\"}", Api.apiKey());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().getString("dedupeKey")).startsWith("ADMIN_MESSAGE:");

        JsonObject message = awaitInApp(c, "ADMIN_MESSAGE", "Pemeliharaan");
        assertThat(message.getString("title")).isEqualTo("Pemeliharaan terjadwal");
        assertThat(message.getString("body")).isEqualTo("Server web-adhoc akan dipindahkan malam ini.");

        Api.Reply operator = Api.post("/internal/notifications/send", "{\"userId\":\"" + c.userId()
                + "\",\"channel\":\"OPERATOR\",\"subject\":\"x\",\"message\":\"y\"}", Api.apiKey());
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.errorCode()).isEqualTo("VALIDATION_ERROR");
        Api.Reply nobody = Api.post("/internal/notifications/send", "{\"userId\":\"" + UUID.randomUUID()
                + "\",\"channel\":\"IN_APP\",\"subject\":\"x\",\"message\":\"y\"}", Api.apiKey());
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.errorCode()).isEqualTo("USER_NOT_FOUND");
    }
}
