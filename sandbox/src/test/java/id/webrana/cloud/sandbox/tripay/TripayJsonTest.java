package id.webrana.cloud.sandbox.tripay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TripayJsonTest {

    private static final TripayUrls URLS = new TripayUrls("http://localhost:9080/sandbox");
    private static final Instant CREATED = Instant.parse("2026-03-01T03:00:00Z");
    private final Channels channels = Channels.builtIn();

    private Transaction transaction(String code, long amount) {
        ChannelSpec c = channels.find(code).orElseThrow();
        return new Transaction("DEV-T26000000001ABCDE", "INV-1", c, "Budi", "budi@example.co.id", null, null,
                "https://webrana.id/back", amount, c.fees(amount), c.payCodePrefix() == null ? null : "2621500000000001",
                code.equals("QRIS") ? Qris.payload("DEV-T26000000001ABCDE", amount) : null,
                List.of(new OrderItem(null, "VPS", amount, 1, null, null)), TransactionStatus.UNPAID, CREATED,
                CREATED.plusSeconds(3600), null, null);
    }

    @Test
    void a_channel_has_the_documented_fields_and_type_quirks() {
        JsonObject qris = TripayJson.channel(channels.find("QRIS").orElseThrow(), true, URLS);

        assertThat(qris.keySet()).containsExactly("group", "code", "name", "type", "fee_merchant", "fee_customer",
                "total_fee", "minimum_fee", "maximum_fee", "minimum_amount", "maximum_amount", "icon_url", "active");
        assertThat(qris.getString("group")).isEqualTo("E-Wallet");
        assertThat(qris.getJsonObject("fee_customer").toString()).isEqualTo("{\"flat\":750,\"percent\":0.7}");
        assertThat(qris.getJsonObject("fee_merchant").toString()).isEqualTo("{\"flat\":0,\"percent\":0}");
        assertThat(qris.getJsonObject("total_fee").toString()).isEqualTo("{\"flat\":750,\"percent\":\"0.70\"}");
        assertThat(qris.get("minimum_fee")).isEqualTo(JsonValue.NULL);
        assertThat(qris.getString("icon_url")).isEqualTo("http://localhost:9080/sandbox/tripay/icons/QRIS.svg");

        JsonObject ovo = TripayJson.channel(channels.find("OVO").orElseThrow(), false, URLS);
        assertThat(ovo.getString("type")).isEqualTo("redirect");
        assertThat(ovo.getJsonObject("fee_customer").toString()).isEqualTo("{\"flat\":0,\"percent\":3}");
        assertThat(ovo.getInt("minimum_fee")).isEqualTo(1000);
        assertThat(ovo.getBoolean("active")).isFalse();
    }

    @Test
    void the_fee_calculator_reproduces_the_doc_example_for_qris() {
        JsonObject fee = TripayJson.feeCalculation(channels.find("QRIS").orElseThrow(), 100_000);

        assertThat(fee.toString()).isEqualTo("{\"code\":\"QRIS\",\"name\":\"QRIS\",\"fee\":{\"flat\":750,"
                + "\"percent\":\"0.70\",\"min\":null,\"max\":null},\"total_fee\":{\"merchant\":0,\"customer\":1450}}");
    }

    @Test
    void a_transaction_amount_includes_the_customer_fee_and_detail_adds_paid_at_as_a_string() {
        Transaction paid = transaction("BRIVA", 85_000).settle(TransactionStatus.PAID, Instant.ofEpochSecond(1_772_334_000));

        JsonObject created = TripayJson.transaction(transaction("BRIVA", 85_000), URLS, false);
        JsonObject detail = TripayJson.transaction(paid, URLS, true);

        assertThat(created.keySet()).containsExactly("reference", "merchant_ref", "payment_selection_type",
                "payment_method", "payment_name", "customer_name", "customer_email", "customer_phone", "callback_url",
                "return_url", "amount", "fee_merchant", "fee_customer", "total_fee", "amount_received", "pay_code",
                "pay_url", "checkout_url", "status", "expired_time", "order_items", "instructions", "qr_string",
                "qr_url");
        assertThat(created.getInt("amount")).isEqualTo(89_250);
        assertThat(created.getInt("amount_received")).isEqualTo(85_000);
        assertThat(created.get("pay_code").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        assertThat(created.get("pay_url")).isEqualTo(JsonValue.NULL);
        assertThat(created.getString("checkout_url"))
                .isEqualTo("http://localhost:9080/sandbox/tripay/checkout/DEV-T26000000001ABCDE");
        assertThat(created.getJsonArray("instructions").getJsonObject(0).getJsonArray("steps").getString(2))
                .contains("<b>2621500000000001</b>");
        assertThat(detail.getString("paid_at")).isEqualTo("1772334000");
        assertThat(detail.getString("status")).isEqualTo("PAID");
        assertThat(detail.getJsonArray("order_items").getJsonObject(0).keySet()).containsExactly("sku", "name",
                "price", "quantity", "subtotal", "product_url", "image_url");
    }

    @Test
    void qris_has_a_qr_string_and_url_and_redirect_wallets_a_pay_url() {
        JsonObject qris = TripayJson.transaction(transaction("QRIS", 85_000), URLS, false);
        JsonObject dana = TripayJson.transaction(transaction("DANA", 85_000), URLS, false);

        assertThat(qris.getString("qr_string")).startsWith("000201");
        assertThat(qris.getString("qr_url")).isEqualTo("http://localhost:9080/sandbox/tripay/qr/DEV-T26000000001ABCDE");
        assertThat(qris.get("pay_code")).isEqualTo(JsonValue.NULL);
        assertThat(dana.getString("pay_url")).isEqualTo(dana.getString("checkout_url"));
        assertThat(dana.get("qr_url")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void a_create_body_is_read_from_json_with_integers_as_numbers_or_digit_strings() {
        CreateTransactionRequest r = TripayJson.parseCreate("""
                {"method":"BRIVA","merchant_ref":"INV-1","amount":"85000","customer_name":"Budi",
                 "customer_email":"b@x.id","order_items":[{"sku":"s","name":"VPS","price":85000,"quantity":1,
                 "product_url":"https://p"}],"expired_time":1772340000,"signature":"abc"}""", "application/json");

        assertThat(r.amount()).isEqualTo(85_000L);
        assertThat(r.orderItems()).containsExactly(new OrderItem("s", "VPS", 85_000, 1, "https://p", null));
        assertThat(r.expiredTime()).isEqualTo(1_772_340_000L);
        assertThat(r.callbackUrl()).isNull();
    }

    @Test
    void a_create_body_is_read_from_a_php_style_form() {
        CreateTransactionRequest r = TripayJson.parseCreate("method=QRIS&merchant_ref=INV%2F1&amount=85000"
                + "&customer_name=Budi+S&customer_email=b%40x.id&order_items%5B1%5D%5Bname%5D=Backup"
                + "&order_items%5B1%5D%5Bprice%5D=5000&order_items%5B1%5D%5Bquantity%5D=1"
                + "&order_items%5B0%5D%5Bname%5D=VPS&order_items%5B0%5D%5Bprice%5D=40000"
                + "&order_items%5B0%5D%5Bquantity%5D=2&signature=abc", "application/x-www-form-urlencoded");

        assertThat(r.merchantRef()).isEqualTo("INV/1");
        assertThat(r.customerName()).isEqualTo("Budi S");
        assertThat(r.orderItems()).extracting(OrderItem::name).containsExactly("VPS", "Backup");
        assertThat(r.orderItems()).extracting(OrderItem::subtotal).containsExactly(80_000L, 5_000L);
    }

    @Test
    void malformed_bodies_and_wrong_types_are_refused_with_success_false_semantics() {
        for (String body : List.of("{not json", "[1]", "{\"amount\":85000.5}", "{\"amount\":true}",
                "{\"order_items\":{}}", "{\"order_items\":[{\"name\":\"x\",\"quantity\":1}]}")) {
            assertThatThrownBy(() -> TripayJson.parseCreate(body, null)).as(body)
                    .isInstanceOfSatisfying(TripayException.class, e -> assertThat(e.status()).isEqualTo(200));
        }
    }

    @Test
    void a_partial_config_update_changes_only_the_given_fields_and_rejects_unknown_ones() {
        TripaySettings current = TripaySettings.defaults();

        TripaySettings merged = TripayJson.mergeSettings(current,
                "{\"callbackRetrySeconds\":1,\"dropCallbacks\":true,\"inactiveChannels\":[\"OVO\"]}", channels);

        assertThat(merged).isEqualTo(new TripaySettings(0, 0.0, 1, true, null, Set.of("OVO")));
        assertThat(TripayJson.settings(merged).toString()).isEqualTo("{\"latencyMillis\":0,\"errorRate\":0.0,"
                + "\"callbackRetrySeconds\":1,\"dropCallbacks\":true,\"defaultCallbackUrl\":null,"
                + "\"inactiveChannels\":[\"OVO\"]}");
        for (String bad : List.of("{\"retry\":1}", "{\"errorRate\":2}", "{\"dropCallbacks\":\"yes\"}",
                "{\"latencyMillis\":1.5}", "{\"callbackRetrySeconds\":-1}", "{\"inactiveChannels\":[\"GOPAY\"]}",
                "{\"defaultCallbackUrl\":\"mailto:x\"}", "nope")) {
            assertThatThrownBy(() -> TripayJson.mergeSettings(current, bad, channels)).as(bad)
                    .isInstanceOfSatisfying(TripayException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
