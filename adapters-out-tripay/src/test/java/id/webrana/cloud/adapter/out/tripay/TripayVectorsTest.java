package id.webrana.cloud.adapter.out.tripay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.application.port.out.PaymentGateway.PaymentCallback;
import id.webrana.cloud.domain.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of {@code tripay-vectors.json} (a copy of {@code shared/contracts/tripay/vectors.json}) against
 * {@link TripaySignatures} and the gateway's callback methods. The file is read as it is, so a vector added to it is
 * tested without touching this class, and a new section fails {@link #the_file_has_no_section_this_test_ignores()}.
 */
class TripayVectorsTest {

    private static final JsonObject VECTORS = load();

    private static JsonObject load() {
        try (InputStream in = TripayVectorsTest.class.getResourceAsStream("/tripay-vectors.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Arguments> section(String name) {
        return VECTORS.getJsonArray(name).getValuesAs(JsonObject.class).stream()
                .map(v -> Arguments.of(v.getString("id"), v));
    }

    static Stream<Arguments> closedPayments() {
        return section("closed_payment_create");
    }

    static Stream<Arguments> openPayments() {
        return section("open_payment_create");
    }

    static Stream<Arguments> callbacks() {
        return section("callback");
    }

    static Stream<Arguments> negatives() {
        return section("negative");
    }

    private static JsonObject vector(String section, String id) {
        return VECTORS.getJsonArray(section).getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no vector " + id));
    }

    private static byte[] rawBody(JsonObject callback) {
        return callback.getString("raw_body").getBytes(UTF_8);
    }

    private static final Map<String, TripayPaymentGateway> GATEWAYS = new ConcurrentHashMap<>();

    /** A gateway holding {@code privateKey}; no request is sent, the callback methods are local. */
    private static TripayPaymentGateway gatewayWithKey(String privateKey) {
        return GATEWAYS.computeIfAbsent(privateKey, key -> new TripayPaymentGateway(
                TripaySettings.of("http://127.0.0.1:9", "DEV-test", key, "T0001")));
    }

    @AfterAll
    static void closeGateways() {
        GATEWAYS.values().forEach(TripayPaymentGateway::close);
    }

    private static byte[] compactReserialization(byte[] raw) {
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(new String(raw, UTF_8)))) {
            parsed = reader.readValue();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.write(parsed);
        }
        return out.toByteArray();
    }

    private static String sha256Hex(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ------------------------------------------------------------------ coverage of the file

    @Test
    void the_file_has_no_section_this_test_ignores() {
        Set<String> sections = VECTORS.entrySet().stream()
                .filter(e -> e.getValue().getValueType() == JsonValue.ValueType.ARRAY)
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertThat(sections).containsExactlyInAnyOrder("closed_payment_create", "open_payment_create", "callback",
                "negative");
        assertThat(VECTORS.getJsonArray("closed_payment_create")).isNotEmpty();
        assertThat(VECTORS.getJsonArray("callback")).isNotEmpty();
    }

    // ------------------------------------------------------------------ closed payment

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedPayments")
    void a_closed_payment_signature_matches_the_vector(String id, JsonObject v) {
        String merchantCode = v.getString("merchant_code");
        String merchantRef = v.getString("merchant_ref");
        long amount = v.getJsonNumber("amount").longValueExact();
        String key = v.getString("private_key");

        assertThat(merchantCode + merchantRef + amount).isEqualTo(v.getString("string_to_sign"));
        assertThat(TripaySignatures.closedTransaction(key, merchantCode, merchantRef, amount))
                .isEqualTo(v.getString("expected_signature"));
        assertThat(TripaySignatures.hmacSha256Hex(key, v.getString("string_to_sign").getBytes(UTF_8)))
                .isEqualTo(v.getString("expected_signature"));
    }

    @Test
    void the_official_example_is_among_the_closed_payment_vectors() {
        JsonObject official = vector("closed_payment_create", "official-doc-example");

        assertThat(TripaySignatures.closedTransaction("ytf6ooi2gmlNPfpchd94jDOk8hRWOu", "T0001", "INV55567",
                1_500_000L)).isEqualTo(official.getString("expected_signature"))
                .isEqualTo("9f167eba844d1fcb369404e2bda53702e2f78f7aa12e91da6715414e65b8c86a");
    }

    // ------------------------------------------------------------------ open payment

    @ParameterizedTest(name = "{0}")
    @MethodSource("openPayments")
    void an_open_payment_signature_matches_the_vector(String id, JsonObject v) {
        String merchantCode = v.getString("merchant_code");
        String method = v.getString("method");
        String merchantRef = v.getString("merchant_ref");

        assertThat(merchantCode + method + merchantRef).isEqualTo(v.getString("string_to_sign"));
        assertThat(TripaySignatures.openPayment(v.getString("private_key"), merchantCode, method, merchantRef))
                .isEqualTo(v.getString("expected_signature"));
    }

    // ------------------------------------------------------------------ callbacks

    @ParameterizedTest(name = "{0}")
    @MethodSource("callbacks")
    void the_raw_body_of_a_callback_vector_is_exactly_the_bytes_described(String id, JsonObject v)
            throws NoSuchAlgorithmException {
        byte[] raw = rawBody(v);

        assertThat(Base64.getDecoder().decode(v.getString("raw_body_base64"))).isEqualTo(raw);
        assertThat(raw).hasSize(v.getInt("raw_body_length"));
        assertThat(sha256Hex(raw)).isEqualTo(v.getString("raw_body_sha256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callbacks")
    void a_callback_signature_is_the_hmac_of_the_raw_body(String id, JsonObject v) {
        byte[] raw = rawBody(v);
        String expected = v.getString("expected_signature");
        String header = v.getJsonObject("headers").getString("X-Callback-Signature");

        assertThat(header).isEqualTo(expected);
        assertThat(TripaySignatures.callback(v.getString("private_key"), raw)).isEqualTo(expected);
        assertThat(gatewayWithKey(v.getString("private_key")).isAuthenticCallback(raw, header)).isTrue();
        assertThat(v.getJsonObject("headers").getString("X-Callback-Event"))
                .isEqualTo(TripayPaymentGateway.PAYMENT_STATUS_EVENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callbacks")
    void a_callback_vector_parses_into_the_fields_of_its_body(String id, JsonObject v) {
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(v.getString("raw_body")))) {
            body = reader.readObject();
        }

        PaymentCallback callback = gatewayWithKey(v.getString("private_key")).parseCallback(rawBody(v));

        assertThat(callback.reference()).isEqualTo(body.getString("reference"));
        assertThat(callback.merchantRef()).isEqualTo(body.getString("merchant_ref"));
        assertThat(callback.methodCode()).isEqualTo(body.getString("payment_method_code"));
        assertThat(callback.methodName()).isEqualTo(body.getString("payment_method"));
        assertThat(callback.totalAmount()).isEqualTo(Money.rupiah(body.getJsonNumber("total_amount").longValue()));
        assertThat(callback.feeMerchant()).isEqualTo(Money.rupiah(body.getJsonNumber("fee_merchant").longValue()));
        assertThat(callback.feeCustomer()).isEqualTo(Money.rupiah(body.getJsonNumber("fee_customer").longValue()));
        assertThat(callback.amountReceived())
                .isEqualTo(Money.rupiah(body.getJsonNumber("amount_received").longValue()));
        assertThat(callback.closedPayment()).isEqualTo(body.getInt("is_closed_payment") == 1);
        assertThat(callback.status())
                .isEqualTo(GatewayStatus.valueOf(body.getString("status").toUpperCase(Locale.ROOT)));
        JsonValue paidAt = body.get("paid_at");
        assertThat(callback.paidAt()).isEqualTo(paidAt instanceof JsonNumber n
                ? Instant.ofEpochSecond(n.longValueExact()) : null);
        JsonValue note = body.get("note");
        assertThat(callback.note()).isEqualTo(note instanceof JsonString s ? s.getString() : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callbacks")
    void a_re_serialized_callback_is_authentic_only_if_it_reproduces_the_raw_bytes(String id, JsonObject v) {
        byte[] raw = rawBody(v);
        byte[] reserialized = compactReserialization(raw);
        TripayPaymentGateway gateway = gatewayWithKey(v.getString("private_key"));

        assertThat(gateway.isAuthenticCallback(reserialized, v.getString("expected_signature")))
                .isEqualTo(Arrays.equals(reserialized, raw));
    }

    @Test
    void re_serializing_a_pretty_printed_callback_breaks_its_signature() {
        JsonObject pretty = vector("callback", "callback-doc-example-pretty");
        byte[] raw = rawBody(pretty);
        byte[] reserialized = compactReserialization(raw);
        TripayPaymentGateway gateway = gatewayWithKey(pretty.getString("private_key"));

        assertThat(reserialized).isNotEqualTo(raw);
        assertThat(gateway.isAuthenticCallback(raw, pretty.getString("expected_signature"))).isTrue();
        assertThat(gateway.isAuthenticCallback(reserialized, pretty.getString("expected_signature"))).isFalse();
    }

    @Test
    void re_serializing_php_escaped_slashes_breaks_the_signature() {
        JsonObject escaped = vector("callback", "callback-paid-php-escaped-slashes");
        byte[] raw = rawBody(escaped);
        byte[] reserialized = compactReserialization(raw);
        TripayPaymentGateway gateway = gatewayWithKey(escaped.getString("private_key"));

        assertThat(new String(raw, UTF_8)).contains("01\\/01\\/2025");
        assertThat(new String(reserialized, UTF_8)).contains("01/01/2025").doesNotContain("\\/");
        assertThat(gateway.isAuthenticCallback(raw, escaped.getString("expected_signature"))).isTrue();
        assertThat(gateway.isAuthenticCallback(reserialized, escaped.getString("expected_signature"))).isFalse();
        assertThat(gateway.parseCallback(raw).note()).isEqualTo("Lunas via BRImo 01/01/2025");
    }

    @Test
    void the_compact_and_pretty_doc_examples_say_the_same_thing_under_different_signatures() {
        JsonObject compact = vector("callback", "callback-doc-example-compact");
        JsonObject pretty = vector("callback", "callback-doc-example-pretty");
        TripayPaymentGateway gateway = gatewayWithKey(compact.getString("private_key"));

        assertThat(gateway.parseCallback(rawBody(compact))).isEqualTo(gateway.parseCallback(rawBody(pretty)));
        assertThat(compact.getString("expected_signature")).isNotEqualTo(pretty.getString("expected_signature"));
        assertThat(gateway.isAuthenticCallback(rawBody(compact), pretty.getString("expected_signature"))).isFalse();
        assertThat(gateway.isAuthenticCallback(rawBody(pretty), compact.getString("expected_signature"))).isFalse();
    }

    // ------------------------------------------------------------------ negative vectors

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void a_negative_vector_shows_a_mistake_that_gives_a_different_signature(String id, JsonObject v) {
        String wrong = v.getString("wrong_signature");
        String correct = v.getString("correct_signature");
        JsonObject official = vector("closed_payment_create", "official-doc-example");
        String ours = TripaySignatures.closedTransaction(official.getString("private_key"),
                official.getString("merchant_code"), official.getString("merchant_ref"),
                official.getJsonNumber("amount").longValueExact());

        assertThat(ours).isEqualTo(correct).isNotEqualTo(wrong);
        if (v.containsKey("string_to_sign")) {
            // the mistake reproduced: signing the wrong string gives the wrong signature
            assertThat(TripaySignatures.hmacSha256Hex(v.getString("private_key"),
                    v.getString("string_to_sign").getBytes(UTF_8))).isEqualTo(wrong);
        } else {
            // uppercase hex: the same digest, but not what Tripay sends, and not accepted as a callback signature
            assertThat(wrong).isEqualToIgnoringCase(correct);
            JsonObject callback = vector("callback", "callback-doc-example-compact");
            String upper = callback.getString("expected_signature").toUpperCase(Locale.ROOT);
            assertThat(gatewayWithKey(callback.getString("private_key"))
                    .isAuthenticCallback(rawBody(callback), upper)).isFalse();
        }
    }

    @Test
    void every_vector_id_is_unique() {
        List<String> ids = Stream.of("closed_payment_create", "open_payment_create", "callback", "negative")
                .flatMap(s -> VECTORS.getJsonArray(s).getValuesAs(JsonObject.class).stream())
                .map(v -> v.getString("id")).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }
}
