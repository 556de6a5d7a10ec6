package id.webrana.cloud.adapter.out.tripay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.application.port.out.PaymentGateway.PaymentCallback;
import id.webrana.cloud.application.port.out.PaymentGatewayException;
import id.webrana.cloud.application.port.out.PaymentGatewayException.Kind;
import id.webrana.cloud.domain.shared.Money;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Callback authentication and parsing: local work, no request to Tripay. */
class TripayCallbackTest {

    private static final String PRIVATE_KEY = "AbCdE-12345-fGhIj-67890-KlMnO";
    private static final byte[] BODY = ("{\"reference\":\"DEV-T12345000124FGHIJ\",\"merchant_ref\":\"VPS-2025-000124\","
            + "\"payment_method\":\"BRI Virtual Account\",\"payment_method_code\":\"BRIVA\",\"total_amount\":85000,"
            + "\"fee_merchant\":4250,\"fee_customer\":0,\"total_fee\":4250,\"amount_received\":80750,"
            + "\"is_closed_payment\":1,\"status\":\"PAID\",\"paid_at\":1735689600,\"note\":null}").getBytes(UTF_8);

    private final TripayPaymentGateway gateway = new TripayPaymentGateway(
            TripaySettings.of("http://127.0.0.1:9", "DEV-key", PRIVATE_KEY, "T12345"));

    @AfterEach
    void close() {
        gateway.close();
    }

    private static String sign(byte[] body) {
        return TripaySignatures.callback(PRIVATE_KEY, body);
    }

    private PaymentGatewayException parseFailure(String body) {
        return catchThrowableOfType(PaymentGatewayException.class, () -> gateway.parseCallback(body.getBytes(UTF_8)));
    }

    // ------------------------------------------------------------------ authenticity

    @Test
    void a_callback_signed_with_the_private_key_is_authentic() {
        assertThat(gateway.isAuthenticCallback(BODY, sign(BODY))).isTrue();
    }

    @Test
    void surrounding_whitespace_in_the_header_is_tolerated() {
        assertThat(gateway.isAuthenticCallback(BODY, " " + sign(BODY) + "\r\n")).isTrue();
    }

    @Test
    void a_tampered_body_is_not_authentic() {
        String signature = sign(BODY);
        byte[] tampered = new String(BODY, UTF_8).replace("\"total_amount\":85000", "\"total_amount\":8500")
                .getBytes(UTF_8);

        assertThat(gateway.isAuthenticCallback(tampered, signature)).isFalse();
    }

    @Test
    void a_single_flipped_byte_is_not_authentic() {
        String signature = sign(BODY);
        byte[] flipped = BODY.clone();
        flipped[flipped.length - 2] ^= 1;

        assertThat(gateway.isAuthenticCallback(flipped, signature)).isFalse();
    }

    @Test
    void a_body_signed_with_another_key_is_not_authentic() {
        String signatureWithOtherKey = TripaySignatures.callback("ytf6ooi2gmlNPfpchd94jDOk8hRWOu", BODY);

        assertThat(gateway.isAuthenticCallback(BODY, signatureWithOtherKey)).isFalse();
    }

    @ParameterizedTest(name = "header [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "sha256=", "not-a-signature", "0b1147088a5fcfbd046b589102e2c27072f7eca5",
            "zz1147088a5fcfbd046b589102e2c27072f7eca5996049ac5ec2f474062917ed"})
    void a_missing_or_malformed_header_is_not_authentic(String header) {
        assertThat(gateway.isAuthenticCallback(BODY, header)).isFalse();
    }

    @Test
    void the_right_signature_in_uppercase_or_with_a_prefix_is_not_accepted() {
        String signature = sign(BODY);

        assertThat(gateway.isAuthenticCallback(BODY, signature.toUpperCase(Locale.ROOT))).isFalse();
        assertThat(gateway.isAuthenticCallback(BODY, "sha256=" + signature)).isFalse();
        assertThat(gateway.isAuthenticCallback(BODY, signature + "00")).isFalse();
    }

    @Test
    void a_null_body_is_not_authentic() {
        assertThat(gateway.isAuthenticCallback(null, sign(BODY))).isFalse();
    }

    @Test
    void an_empty_body_is_authentic_only_with_its_own_signature() {
        byte[] empty = new byte[0];

        assertThat(gateway.isAuthenticCallback(empty, sign(empty))).isTrue();
        assertThat(gateway.isAuthenticCallback(empty, sign(BODY))).isFalse();
    }

    // ------------------------------------------------------------------ parsing

    @Test
    void a_paid_callback_is_read_field_by_field() {
        PaymentCallback callback = gateway.parseCallback(BODY);

        assertThat(callback.reference()).isEqualTo("DEV-T12345000124FGHIJ");
        assertThat(callback.merchantRef()).isEqualTo("VPS-2025-000124");
        assertThat(callback.methodCode()).isEqualTo("BRIVA");
        assertThat(callback.methodName()).isEqualTo("BRI Virtual Account");
        assertThat(callback.totalAmount()).isEqualTo(Money.rupiah(85_000));
        assertThat(callback.feeMerchant()).isEqualTo(Money.rupiah(4_250));
        assertThat(callback.feeCustomer()).isEqualTo(Money.ZERO);
        assertThat(callback.amountReceived()).isEqualTo(Money.rupiah(80_750));
        assertThat(callback.closedPayment()).isTrue();
        assertThat(callback.status()).isEqualTo(GatewayStatus.PAID);
        assertThat(callback.paidAt()).isEqualTo(Instant.ofEpochSecond(1735689600));
        assertThat(callback.note()).isNull();
    }

    @Test
    void lenient_types_in_a_callback_are_accepted() {
        PaymentCallback callback = gateway.parseCallback("""
                {"reference": "DEV-T1", "merchant_ref": null, "payment_method_code": "BCAVA",
                 "total_amount": "200000", "is_closed_payment": "0", "status": "refund", "paid_at": "1608133017",
                 "unknown_field": {"ignored": true}}""".getBytes(UTF_8));

        assertThat(callback.merchantRef()).isNull();
        assertThat(callback.totalAmount()).isEqualTo(Money.rupiah(200_000));
        assertThat(callback.closedPayment()).isFalse();
        assertThat(callback.status()).isEqualTo(GatewayStatus.REFUND);
        assertThat(callback.paidAt()).isEqualTo(Instant.ofEpochSecond(1608133017));
        assertThat(callback.feeMerchant()).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "",
            "not json",
            "{\"reference\": \"DEV-T1\", \"status\": \"PAID\", \"total_amount\": 1",
            "[{\"reference\": \"DEV-T1\"}]",
            "\"PAID\"",
            "{\"status\": \"PAID\", \"total_amount\": 1000}",
            "{\"reference\": \"  \", \"status\": \"PAID\", \"total_amount\": 1000}",
            "{\"reference\": \"DEV-T1\", \"total_amount\": 1000}",
            "{\"reference\": \"DEV-T1\", \"status\": \"SETTLED\", \"total_amount\": 1000}",
            "{\"reference\": \"DEV-T1\", \"status\": \"PAID\"}",
            "{\"reference\": \"DEV-T1\", \"status\": \"PAID\", \"total_amount\": \"banyak\"}",
            "{\"reference\": \"DEV-T1\", \"status\": \"PAID\", \"total_amount\": -1000}",
            "{\"reference\": \"DEV-T1\", \"status\": \"PAID\", \"total_amount\": 1000.5}",
            "{\"reference\": {\"id\": 1}, \"status\": \"PAID\", \"total_amount\": 1000}",
            "{\"reference\": \"DEV-T1\", \"status\": \"PAID\", \"total_amount\": 1000, \"paid_at\": \"yesterday\"}",
            "{\"reference\": \"DEV-T1\", \"status\": \"PAID\", \"total_amount\": 1000, \"is_closed_payment\": 2}"})
    void a_malformed_callback_is_rejected(String body) {
        PaymentGatewayException e = parseFailure(body);

        assertThat(e).isInstanceOf(TripayRejectedException.class).hasMessageContaining("callback is malformed");
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    }

    @Test
    void a_null_callback_body_is_rejected() {
        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.parseCallback(null));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    }
}
