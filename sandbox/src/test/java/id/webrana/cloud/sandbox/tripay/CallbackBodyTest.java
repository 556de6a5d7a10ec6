package id.webrana.cloud.sandbox.tripay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CallbackBodyTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private static Transaction transaction(String channelCode, String merchantRef, long amount) {
        ChannelSpec channel = Channels.builtIn().find(channelCode).orElseThrow();
        return new Transaction("DEV-T26000000001ABCDE", merchantRef, channel, "Budi", "budi@example.co.id", null,
                null, null, amount, channel.fees(amount), "2621512345000001", null,
                List.of(new OrderItem(null, "VPS", amount, 1, null, null)), TransactionStatus.UNPAID, CREATED,
                CREATED.plusSeconds(3600), null, null);
    }

    @Test
    void a_paid_callback_is_compact_json_in_the_documented_field_order_with_an_integer_paid_at() {
        Transaction paid = transaction("BRIVA", "VPS-2025-000123", 85_000)
                .settle(TransactionStatus.PAID, Instant.ofEpochSecond(1_735_689_600));

        String body = new String(CallbackBody.of(paid), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"reference\":\"DEV-T26000000001ABCDE\",\"merchant_ref\":\"VPS-2025-000123\","
                + "\"payment_method\":\"BRI Virtual Account\",\"payment_method_code\":\"BRIVA\",\"total_amount\":89250,"
                + "\"fee_merchant\":0,\"fee_customer\":4250,\"total_fee\":4250,\"amount_received\":85000,"
                + "\"is_closed_payment\":1,\"status\":\"PAID\",\"paid_at\":1735689600,\"note\":null}");
    }

    @Test
    void when_the_merchant_bears_the_fee_total_amount_is_the_amount_and_the_fee_is_deducted() {
        Transaction paid = transaction("BCAVA", "INV-1", 200_000).settle(TransactionStatus.PAID, CREATED);

        String body = new String(CallbackBody.of(paid), StandardCharsets.UTF_8);

        assertThat(body).contains("\"total_amount\":200000,\"fee_merchant\":5500,\"fee_customer\":0,"
                + "\"total_fee\":5500,\"amount_received\":194500");
    }

    @Test
    void an_expired_callback_has_a_null_paid_at() {
        Transaction expired = transaction("QRIS", "INV-2", 85_000).settle(TransactionStatus.EXPIRED, CREATED);

        assertThat(new String(CallbackBody.of(expired), StandardCharsets.UTF_8))
                .contains("\"status\":\"EXPIRED\",\"paid_at\":null,\"note\":null}");
    }

    @Test
    void slashes_and_non_ascii_are_escaped_the_way_php_json_encode_does() {
        Transaction paid = transaction("BRIVA", "INV/2025/01 – é", 85_000).settle(TransactionStatus.PAID, CREATED);

        assertThat(new String(CallbackBody.of(paid), StandardCharsets.UTF_8))
                .contains("\"merchant_ref\":\"INV\\/2025\\/01 \\u2013 \\u00e9\"");
    }

    @Test
    void php_json_writes_quotes_backslashes_and_control_characters_as_escapes() {
        String json = PhpJson.object().put("a", "x\"y\\z\n\t\u0001").put("n", (Long) null).put("i", 7L).build();

        assertThat(json).isEqualTo("{\"a\":\"x\\\"y\\\\z\\n\\t\\u0001\",\"n\":null,\"i\":7}");
    }

    @Test
    void fees_follow_the_channel_table() {
        Channels channels = Channels.builtIn();

        assertThat(channels.find("QRIS").orElseThrow().totalFee(100_000)).isEqualTo(1_450);
        assertThat(channels.find("QRIS").orElseThrow().totalFee(85_000)).isEqualTo(750 + 595);
        assertThat(channels.find("OVO").orElseThrow().totalFee(10_000)).as("3 percent with a Rp 1.000 minimum")
                .isEqualTo(1_000);
        assertThat(channels.find("DANA").orElseThrow().totalFee(100_001)).as("3 percent rounded up").isEqualTo(3_001);
        assertThat(channels.find("BCAVA").orElseThrow().fees(85_000)).isEqualTo(new Fees(5_500, 0));
        assertThat(channels.find("BRIVA").orElseThrow().fees(85_000)).isEqualTo(new Fees(0, 4_250));
        assertThat(channels.find("OVO").orElseThrow().percentFee()).isEqualByComparingTo(new BigDecimal("3"));
    }

    @Test
    void the_built_in_channels_are_the_common_indonesian_ones() {
        assertThat(Channels.builtIn().all()).extracting(ChannelSpec::code).containsExactly("BRIVA", "BNIVA",
                "MANDIRIVA", "BCAVA", "PERMATAVA", "QRIS", "ALFAMART", "INDOMARET", "OVO", "DANA", "SHOPEEPAY");
        assertThat(Channels.builtIn().find("briva")).as("codes are exact, as Tripay spells them").isEmpty();
    }

    @Test
    void rupiah_amounts_use_dots_between_thousands() {
        assertThat(Rupiah.format(1_500_000)).isEqualTo("Rp 1.500.000");
        assertThat(Rupiah.format(85_000)).isEqualTo("Rp 85.000");
        assertThat(Rupiah.format(999)).isEqualTo("Rp 999");
        assertThat(Rupiah.format(0)).isEqualTo("Rp 0");
        assertThat(Rupiah.format(12_345_678_901L)).isEqualTo("Rp 12.345.678.901");
    }
}
