package id.webrana.cloud.sandbox.tripay.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.webrana.cloud.sandbox.digitalocean.web.WebApplicationExceptionMapper;
import id.webrana.cloud.sandbox.tripay.CallbackDispatcher;
import id.webrana.cloud.sandbox.tripay.CallbackReceiver;
import id.webrana.cloud.sandbox.tripay.Channels;
import id.webrana.cloud.sandbox.tripay.Eventually;
import id.webrana.cloud.sandbox.tripay.Requests;
import id.webrana.cloud.sandbox.tripay.TripayCredentials;
import id.webrana.cloud.sandbox.tripay.TripaySandbox;
import id.webrana.cloud.sandbox.tripay.TripaySettings;
import id.webrana.cloud.sandbox.tripay.TripaySignatures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.jsonp.JsonProcessingFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Tripay simulator over real HTTP, in-process: Jersey on the JDK's HTTP server on 127.0.0.1 stands in for
 * Liberty's RESTEasy, with the same resources, filter and mappers the war deploys. The merchant uses the credentials
 * of the contract's synthetic vector {@code vps-order-idr}, so a signature copied from {@code vectors.json} must be
 * accepted as is.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TripayHttpTest {

    /** Merchant code and private key of the {@code vps-order-idr} vector. */
    private static final TripayCredentials MERCHANT =
            new TripayCredentials("T12345", "DEV-test-api-key", "AbCdE-12345-fGhIj-67890-KlMnO");
    private static final String KEY = "Bearer DEV-test-api-key";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Logger JERSEY_PROVIDERS_LOG = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TripaySandbox sandbox;
    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static ScheduledExecutorService background;
    private static CallbackReceiver receiver;
    private static String root;
    private static String api;

    @BeforeAll
    static void startServer() throws Exception {
        receiver = CallbackReceiver.start();
        background = Executors.newScheduledThreadPool(2);
        sandbox = new TripaySandbox(Clock.systemUTC(), Channels.builtIn(), MERCHANT, TripaySettings.withoutFaults(0, null),
                new Random(5), background, CallbackDispatcher.defaultHttpClient());
        TripayService service = new TripayService(sandbox);
        JERSEY_PROVIDERS_LOG.setLevel(Level.SEVERE);
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(JsonProcessingFeature.class)
                .register(new TripayApiResource(service))
                .register(new TripayCheckoutResource(service))
                .register(new TripayControlResource(service))
                .register(new TripayGate(service))
                .register(TripayExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class);
        JdkHttpHandlerContainer container = ContainerFactory.createContainer(JdkHttpHandlerContainer.class, config);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/sandbox", container);
        server.start();
        root = "http://127.0.0.1:" + server.getAddress().getPort() + "/sandbox/";
        api = root + "tripay/api-sandbox/";
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
        background.shutdownNow();
        receiver.close();
    }

    @BeforeEach
    void fresh() {
        sandbox.reset();
        sandbox.applySettings(TripaySettings.withoutFaults(0, null));
        receiver.clear();
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> send(String method, String url, String body, String contentType,
                                             String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send("GET", api + path, null, null, KEY);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", api + path, json, "application/json", KEY);
    }

    private static HttpResponse<String> control(String method, String path, String json) throws Exception {
        return send(method, root + "tripay/_control/" + path, json, json == null ? null : "application/json", null);
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static Requests order() {
        return Requests.valid(MERCHANT, sandbox.clock().instant()).callbackUrl(receiver.url());
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getBoolean("success")).as(response.body()).isTrue();
        return body.getJsonObject("data");
    }

    private static String createOrder(Requests request) throws Exception {
        return created(post("transaction/create", request.json())).getString("reference");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonObject body = json(response);
        assertThat(body.getBoolean("success")).isFalse();
        assertThat(body.getString("message")).contains(message);
    }

    // ------------------------------------------------------------------ tests

    @Nested
    class Merchant_endpoints {

        @Test
        void the_channel_list_has_the_eleven_channels_with_a_string_total_fee_percent_and_numeric_fee_percents()
                throws Exception {
            JsonObject answer = json(get("merchant/payment-channel"));

            assertThat(answer.getBoolean("success")).isTrue();
            List<JsonObject> data = answer.getJsonArray("data").getValuesAs(JsonObject.class);
            assertThat(data).extracting(c -> c.getString("code")).containsExactly("BRIVA", "BNIVA", "MANDIRIVA",
                    "BCAVA", "PERMATAVA", "QRIS", "ALFAMART", "INDOMARET", "OVO", "DANA", "SHOPEEPAY");
            JsonObject qris = data.get(5);
            assertThat(qris.getJsonObject("total_fee").get("percent").getValueType())
                    .isEqualTo(JsonValue.ValueType.STRING);
            assertThat(qris.getJsonObject("total_fee").getString("percent")).isEqualTo("0.70");
            assertThat(qris.getJsonObject("fee_merchant").get("percent").getValueType())
                    .isEqualTo(JsonValue.ValueType.NUMBER);
            assertThat(qris.getString("icon_url")).isEqualTo(root + "tripay/icons/QRIS.svg");
            assertThat(send("GET", qris.getString("icon_url"), null, null, null).body()).startsWith("<svg");
            assertThat(json(get("merchant/payment-channel?code=BCAVA")).getJsonArray("data")).hasSize(1);
        }

        @Test
        void a_channel_switched_off_by_the_control_api_is_listed_inactive_and_refused() throws Exception {
            assertThat(control("PUT", "config", "{\"inactiveChannels\":[\"OVO\"]}").statusCode()).isEqualTo(200);

            JsonObject ovo = json(get("merchant/payment-channel?code=OVO")).getJsonArray("data").getJsonObject(0);

            assertThat(ovo.getBoolean("active")).isFalse();
            assertRefused(post("transaction/create", order().method("OVO").json()), 200, "OVO is not active");
        }

        @Test
        void the_fee_calculator_answers_per_channel_and_refuses_a_missing_amount() throws Exception {
            JsonObject qris = json(get("merchant/fee-calculator?amount=100000&code=QRIS")).getJsonArray("data")
                    .getJsonObject(0);

            assertThat(qris.getJsonObject("total_fee").getInt("customer")).isEqualTo(1450);
            assertThat(json(get("merchant/fee-calculator?amount=85000")).getJsonArray("data")).hasSize(11);
            assertRefused(get("merchant/fee-calculator"), 200, "amount");
            assertRefused(get("merchant/fee-calculator?amount=1000&code=GOPAY"), 200, "GOPAY");
        }

        @Test
        void a_missing_or_wrong_api_key_answers_401_with_success_false() throws Exception {
            assertRefused(send("GET", api + "merchant/payment-channel", null, null, null), 401, "Invalid API Key");
            assertRefused(send("GET", api + "merchant/payment-channel", null, null, "Bearer DEV-webrana-sandbox"),
                    401, "Invalid API Key");
            assertRefused(send("POST", api + "transaction/create", order().json(), "application/json", "Bearer x"),
                    401, "Invalid API Key");
            assertThat(sandbox.transactions()).isEmpty();
        }

        @Test
        void an_unknown_api_path_answers_404_in_the_tripay_format() throws Exception {
            assertRefused(get("merchant/unknown"), 404, "Not Found");
        }
    }

    @Nested
    class Transactions {

        @Test
        void the_contract_vector_signature_is_accepted_as_is() throws Exception {
            String body = order().merchantRef("VPS-2025-000123").amountAndItem(85_000)
                    .signature("15d0c607717713cd4ac4341fb26363318a5cb6934cf8239b04fa950e0313f222").json();

            JsonObject data = created(post("transaction/create", body));

            assertThat(data.getString("merchant_ref")).isEqualTo("VPS-2025-000123");
            assertThat(data.getString("reference")).startsWith("DEV-T12345");
        }

        @Test
        void create_then_detail_round_trips_with_tripay_type_quirks() throws Exception {
            JsonObject data = created(post("transaction/create", order().callbackUrl(null).json()));
            String reference = data.getString("reference");

            assertThat(data.getString("status")).isEqualTo("UNPAID");
            assertThat(data.getInt("amount")).as("amount + fee_customer").isEqualTo(89_250);
            assertThat(data.getInt("fee_customer")).isEqualTo(4_250);
            assertThat(data.getInt("amount_received")).isEqualTo(85_000);
            assertThat(data.get("pay_code").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
            assertThat(data.getString("checkout_url")).isEqualTo(root + "tripay/checkout/" + reference);
            assertThat(data.containsKey("paid_at")).isFalse();

            JsonObject unpaid = json(get("transaction/detail?reference=" + reference)).getJsonObject("data");
            assertThat(unpaid.get("paid_at")).isEqualTo(JsonValue.NULL);
            assertThat(unpaid.getString("pay_code")).isEqualTo(data.getString("pay_code"));
            assertThat(json(get("transaction/check-status?reference=" + reference)).getString("message"))
                    .isEqualTo("Status transaksi saat ini UNPAID");

            assertThat(control("POST", "transactions/" + reference + "/pay", null).statusCode()).isEqualTo(200);

            JsonObject paid = json(get("transaction/detail?reference=" + reference)).getJsonObject("data");
            assertThat(paid.getString("status")).isEqualTo("PAID");
            assertThat(paid.get("paid_at").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
            assertThat(Long.parseLong(paid.getString("paid_at")))
                    .isCloseTo(sandbox.clock().instant().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
            assertThat(json(get("transaction/check-status?reference=" + reference)).getString("message"))
                    .isEqualTo("Status transaksi saat ini PAID");
        }

        @Test
        void a_form_encoded_create_like_the_php_samples_works_too() throws Exception {
            long expiry = sandbox.clock().instant().getEpochSecond() + 3600;
            String sig = TripaySignatures.transaction(MERCHANT, "INV-FORM-1", 85_000);
            String form = "method=BCAVA&merchant_ref=INV-FORM-1&amount=85000&customer_name=Budi"
                    + "&customer_email=budi%40example.co.id&order_items%5B0%5D%5Bname%5D=VPS"
                    + "&order_items%5B0%5D%5Bprice%5D=85000&order_items%5B0%5D%5Bquantity%5D=1"
                    + "&expired_time=" + expiry + "&signature=" + sig;

            JsonObject data = created(send("POST", api + "transaction/create", form,
                    "application/x-www-form-urlencoded", KEY));

            assertThat(data.getInt("amount")).isEqualTo(85_000);
            assertThat(data.getInt("fee_merchant")).isEqualTo(5_500);
            assertThat(data.getInt("amount_received")).isEqualTo(79_500);
        }

        @Test
        void a_bad_signature_is_refused_with_success_false() throws Exception {
            String docExampleSignature = "9f167eba844d1fcb369404e2bda53702e2f78f7aa12e91da6715414e65b8c86a";

            assertRefused(post("transaction/create", order().signature(docExampleSignature).json()), 200,
                    "Invalid signature");
            assertThat(sandbox.transactions()).isEmpty();
        }

        @Test
        void an_amount_that_differs_from_the_items_is_refused() throws Exception {
            assertRefused(post("transaction/create", order().amount(90_000L).json()), 200,
                    "does not match the total of order_items");
        }

        @Test
        void an_expiry_in_the_past_and_malformed_json_are_refused() throws Exception {
            assertRefused(post("transaction/create",
                    order().expiredTime(sandbox.clock().instant().getEpochSecond() - 10).json()), 200, "future");
            assertRefused(post("transaction/create", "{\"method\":"), 200, "not valid JSON");
        }

        @Test
        void the_transaction_list_finds_a_transaction_by_merchant_reference_with_pagination() throws Exception {
            String reference = createOrder(order().merchantRef("INV-LIST-1"));
            createOrder(order().merchantRef("INV-LIST-2"));

            JsonObject answer = json(get("merchant/transactions?merchant_ref=INV-LIST-1&page=1&per_page=50"));

            assertThat(answer.getBoolean("success")).isTrue();
            assertThat(answer.getJsonArray("data")).hasSize(1);
            JsonObject item = answer.getJsonArray("data").getJsonObject(0);
            assertThat(item.getString("reference")).isEqualTo(reference);
            assertThat(item.get("pay_code").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
            assertThat(answer.getJsonObject("pagination").getInt("total_records")).isEqualTo(1);
            assertThat(json(get("merchant/transactions?merchant_ref=INV-LIST-3")).getJsonArray("data")).isEmpty();
            assertRefused(get("merchant/transactions?per_page=51"), 200, "50");
        }

        @Test
        void an_unknown_reference_is_refused() throws Exception {
            assertRefused(get("transaction/detail?reference=DEV-T000"), 200, "Transaction not found");
            assertRefused(get("transaction/detail"), 200, "reference");
        }

        @Test
        void qris_has_a_qr_string_and_a_qr_url_serving_svg() throws Exception {
            JsonObject data = created(post("transaction/create", order().method("QRIS").json()));

            assertThat(data.getString("qr_string")).startsWith("000201010212");
            HttpResponse<String> qr = send("GET", data.getString("qr_url"), null, null, null);
            assertThat(qr.statusCode()).isEqualTo(200);
            assertThat(qr.headers().firstValue("content-type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("image/svg+xml"));
            assertThat(qr.body()).startsWith("<svg");
        }
    }

    @Nested
    class Checkout_page {

        @Test
        void the_page_shows_the_amount_in_rupiah_and_the_three_buttons() throws Exception {
            String reference = createOrder(order().method("BCAVA"));

            HttpResponse<String> page = send("GET", root + "tripay/checkout/" + reference, null, null, null);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("Rp 85.000", "id=\"pay\"", ">Bayar<", "id=\"expire\"", ">Kedaluwarsa<",
                    "id=\"fail\"", ">Gagal<", "id=\"pay-code\"");
        }

        @Test
        void pressing_bayar_redirects_back_pays_and_delivers_a_correctly_signed_callback() throws Exception {
            String reference = createOrder(order());

            HttpResponse<String> pressed = send("POST", root + "tripay/checkout/" + reference + "/pay", "",
                    "application/x-www-form-urlencoded", null);

            assertThat(pressed.statusCode()).isEqualTo(303);
            assertThat(pressed.headers().firstValue("location")).hasValue(root + "tripay/checkout/" + reference);
            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(1));
            CallbackReceiver.Received callback = receiver.received().get(0);
            assertThat(callback.header("X-Callback-Signature"))
                    .isEqualTo(TripaySignatures.callback(MERCHANT.privateKey(), callback.body()));
            assertThat(callback.header("X-Callback-Event")).isEqualTo("payment_status");
            JsonObject body = Json.createReader(new StringReader(callback.bodyText())).readObject();
            assertThat(body.getString("reference")).isEqualTo(reference);
            assertThat(body.getString("status")).isEqualTo("PAID");
            assertThat(body.getInt("total_amount")).isEqualTo(89_250);
            assertThat(body.get("paid_at").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
            String after = send("GET", root + "tripay/checkout/" + reference, null, null, null).body();
            assertThat(after).contains("data-status=\"PAID\"", "id=\"return\"").doesNotContain("id=\"pay\"");
        }

        @Test
        void pressing_a_button_twice_changes_nothing_and_unknown_references_get_404_pages() throws Exception {
            String reference = createOrder(order().callbackUrl(null));
            send("POST", root + "tripay/checkout/" + reference + "/fail", "", "application/x-www-form-urlencoded", null);

            HttpResponse<String> again = send("POST", root + "tripay/checkout/" + reference + "/pay", "",
                    "application/x-www-form-urlencoded", null);

            assertThat(again.statusCode()).isEqualTo(303);
            assertThat(sandbox.find(reference).orElseThrow().status().name()).isEqualTo("FAILED");
            HttpResponse<String> missing = send("GET", root + "tripay/checkout/DEV-T0", null, null, null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("Transaksi tidak ditemukan");
        }
    }

    @Nested
    class Control_api {

        @Test
        void config_reads_back_what_was_put_and_rejects_unknown_fields() throws Exception {
            HttpResponse<String> put = control("PUT", "config",
                    "{\"latencyMillis\":0,\"errorRate\":0.25,\"callbackRetrySeconds\":1,\"dropCallbacks\":false,"
                            + "\"defaultCallbackUrl\":\"" + receiver.url() + "\",\"inactiveChannels\":[]}");
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

            JsonObject config = json(control("GET", "config", null));
            assertThat(config.getJsonNumber("errorRate").doubleValue()).isEqualTo(0.25);
            assertThat(config.getInt("callbackRetrySeconds")).isEqualTo(1);
            assertThat(config.getString("defaultCallbackUrl")).isEqualTo(receiver.url());
            assertRefused(control("PUT", "config", "{\"retrySeconds\":1}"), 400, "Unknown config field");
        }

        @Test
        void the_transaction_view_has_the_callback_log_and_a_second_pay_conflicts() throws Exception {
            String reference = createOrder(order());
            control("POST", "transactions/" + reference + "/pay", null);
            Eventually.within(WAIT, () -> assertThat(json(control("GET", "transactions/" + reference, null))
                    .getJsonArray("callbacks").getJsonObject(0).getString("state")).isEqualTo("DELIVERED"));

            JsonObject view = json(control("GET", "transactions/" + reference, null));

            JsonObject delivery = view.getJsonArray("callbacks").getJsonObject(0);
            assertThat(view.getJsonObject("transaction").getString("status")).isEqualTo("PAID");
            assertThat(delivery.getInt("attempts")).isEqualTo(1);
            assertThat(delivery.getInt("lastStatus")).isEqualTo(200);
            assertThat(delivery.getString("lastReply")).isEqualTo("{\"success\":true}");
            assertThat(delivery.getString("signature"))
                    .isEqualTo(receiver.received().get(0).header("X-Callback-Signature"));
            assertThat(delivery.getString("body")).isEqualTo(receiver.received().get(0).bodyText());
            assertRefused(control("POST", "transactions/" + reference + "/pay", null), 409, "already PAID");
            assertRefused(control("POST", "transactions/DEV-T0/pay", null), 404, "not found");
            assertThat(json(control("GET", "transactions", null)).getInt("total")).isEqualTo(1);
        }

        @Test
        void resend_callback_delivers_the_same_callback_again() throws Exception {
            String reference = createOrder(order());
            control("POST", "transactions/" + reference + "/pay", null);
            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(1));

            HttpResponse<String> resent = control("POST", "transactions/" + reference + "/resend-callback", null);

            assertThat(resent.statusCode()).isEqualTo(202);
            assertThat(json(resent).getString("trigger")).isEqualTo("RESEND");
            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(2));
            assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
        }

        @Test
        void with_drop_callbacks_nothing_is_sent_but_detail_shows_the_payment() throws Exception {
            control("PUT", "config", "{\"dropCallbacks\":true}");
            String reference = createOrder(order());

            control("POST", "transactions/" + reference + "/pay", null);
            Thread.sleep(300);

            assertThat(receiver.received()).isEmpty();
            assertThat(json(get("transaction/detail?reference=" + reference)).getJsonObject("data")
                    .getString("status")).isEqualTo("PAID");
            assertThat(json(control("GET", "transactions/" + reference, null)).getJsonArray("callbacks")
                    .getJsonObject(0).getString("state")).isEqualTo("DROPPED");
        }

        @Test
        void retries_follow_the_configured_delay_and_stop_after_three() throws Exception {
            control("PUT", "config", "{\"callbackRetrySeconds\":1}");
            receiver.alwaysReply(200, "{\"success\":false}");
            String reference = createOrder(order());

            control("POST", "transactions/" + reference + "/expire", null);

            Eventually.within(WAIT, () -> assertThat(json(control("GET", "transactions/" + reference, null))
                    .getJsonArray("callbacks").getJsonObject(0).getString("state")).isEqualTo("GAVE_UP"));
            Thread.sleep(1500);
            assertThat(receiver.received()).hasSize(4);
            JsonObject delivery = json(control("GET", "transactions/" + reference, null)).getJsonArray("callbacks")
                    .getJsonObject(0);
            assertThat(delivery.getInt("attempts")).isEqualTo(4);
            assertThat(delivery.getString("lastReply")).isEqualTo("{\"success\":false}");
        }

        @Test
        void advancing_the_clock_past_the_expiry_expires_the_transaction_and_sends_the_callback() throws Exception {
            String reference = createOrder(order().method("QRIS")
                    .expiredTime(sandbox.clock().instant().getEpochSecond() + 15 * 60));

            HttpResponse<String> advanced = control("POST", "clock/advance", "{\"seconds\":901}");

            assertThat(json(advanced).getInt("offsetSeconds")).isEqualTo(901);
            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(1));
            assertThat(receiver.received().get(0).bodyText()).contains("\"status\":\"EXPIRED\"", reference);
            assertThat(json(get("transaction/check-status?reference=" + reference)).getString("message"))
                    .isEqualTo("Status transaksi saat ini EXPIRED");
            assertRefused(control("POST", "clock/advance", "{\"seconds\":-1}"), 400, "seconds");
        }

        @Test
        void an_error_rate_of_one_fails_the_api_with_500_but_not_the_control_api_or_the_checkout() throws Exception {
            String reference = createOrder(order());
            control("PUT", "config", "{\"errorRate\":1.0}");

            assertRefused(get("merchant/payment-channel"), 500, "fault injected");
            assertThat(control("GET", "config", null).statusCode()).isEqualTo(200);
            assertThat(send("GET", root + "tripay/checkout/" + reference, null, null, null).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void reset_forgets_transactions_and_faults() throws Exception {
            createOrder(order());
            control("PUT", "config", "{\"errorRate\":1.0,\"callbackRetrySeconds\":7}");

            assertThat(control("POST", "reset", null).statusCode()).isEqualTo(204);

            assertThat(json(control("GET", "transactions", null)).getInt("total")).isZero();
            JsonObject config = json(control("GET", "config", null));
            assertThat(config.getJsonNumber("errorRate").doubleValue()).isZero();
            assertThat(config.getInt("callbackRetrySeconds")).as("kept, like the DigitalOcean delays").isEqualTo(7);
        }
    }
}
