package id.webrana.cloud.sandbox.tripay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Vectors from the shared Tripay contract ({@code shared/contracts/tripay/vectors.json}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TripaySignaturesTest {

    private static final String DOC_KEY = "ytf6ooi2gmlNPfpchd94jDOk8hRWOu";
    private static final String SYNTHETIC_KEY = "AbCdE-12345-fGhIj-67890-KlMnO";

    @Test
    void the_official_doc_example_signs_merchant_code_merchant_ref_and_amount() {
        TripayCredentials doc = new TripayCredentials("T0001", "DEV-unused", DOC_KEY);

        assertThat(TripaySignatures.transaction(doc, "INV55567", 1_500_000))
                .isEqualTo("9f167eba844d1fcb369404e2bda53702e2f78f7aa12e91da6715414e65b8c86a");
    }

    @Test
    void the_synthetic_vps_order_vectors_match() {
        TripayCredentials merchant = new TripayCredentials("T12345", "DEV-unused", SYNTHETIC_KEY);

        assertThat(TripaySignatures.transaction(merchant, "VPS-2025-000123", 85_000))
                .isEqualTo("15d0c607717713cd4ac4341fb26363318a5cb6934cf8239b04fa950e0313f222");
        assertThat(TripaySignatures.transaction(merchant, "ORD-7f3c9a1e", 12_500_000))
                .isEqualTo("d882a10aa33705bb4941526eda7385ccc9508b889a0b2ea8dc110d17550a7ef5");
    }

    @Test
    void a_callback_signature_covers_the_exact_raw_bytes_so_pretty_printing_changes_it() {
        byte[] compact = Base64.getDecoder().decode("eyJyZWZlcmVuY2UiOiJUMDAwMTAwMDAyMzAwMFhYWFhYIiwibWVyY2hhbnRfcmVmIjoiSU5WMTIzNDU2IiwicGF5bWVudF9tZXRob2QiOiJCQ0EgVmlydHVhbCBBY2NvdW50IiwicGF5bWVudF9tZXRob2RfY29kZSI6IkJDQVZBIiwidG90YWxfYW1vdW50IjoyMDAwMDAsImZlZV9tZXJjaGFudCI6MjAwMCwiZmVlX2N1c3RvbWVyIjowLCJ0b3RhbF9mZWUiOjIwMDAsImFtb3VudF9yZWNlaXZlZCI6MTk4MDAwLCJpc19jbG9zZWRfcGF5bWVudCI6MSwic3RhdHVzIjoiUEFJRCIsInBhaWRfYXQiOjE2MDgxMzMwMTcsIm5vdGUiOm51bGx9");
        byte[] pretty = Base64.getDecoder().decode("ewogICAgInJlZmVyZW5jZSI6ICJUMDAwMTAwMDAyMzAwMFhYWFhYIiwKICAgICJtZXJjaGFudF9yZWYiOiAiSU5WMTIzNDU2IiwKICAgICJwYXltZW50X21ldGhvZCI6ICJCQ0EgVmlydHVhbCBBY2NvdW50IiwKICAgICJwYXltZW50X21ldGhvZF9jb2RlIjogIkJDQVZBIiwKICAgICJ0b3RhbF9hbW91bnQiOiAyMDAwMDAsCiAgICAiZmVlX21lcmNoYW50IjogMjAwMCwKICAgICJmZWVfY3VzdG9tZXIiOiAwLAogICAgInRvdGFsX2ZlZSI6IDIwMDAsCiAgICAiYW1vdW50X3JlY2VpdmVkIjogMTk4MDAwLAogICAgImlzX2Nsb3NlZF9wYXltZW50IjogMSwKICAgICJzdGF0dXMiOiAiUEFJRCIsCiAgICAicGFpZF9hdCI6IDE2MDgxMzMwMTcsCiAgICAibm90ZSI6IG51bGwKfQ==");

        assertThat(TripaySignatures.callback(DOC_KEY, compact))
                .isEqualTo("e121a11a737e7828da392bee3767ebd61ffbe268cc09b31580a61274316a6e60");
        assertThat(TripaySignatures.callback(DOC_KEY, pretty))
                .isEqualTo("f48c033f80f370b6405f0112c279a7995386ff9b9b26bc64864dc72ea97b076e");
    }

    @Test
    void the_php_escaped_slash_vector_is_signed_over_the_backslash_bytes() {
        String raw = "{\"reference\":\"DEV-T12345000124FGHIJ\",\"merchant_ref\":\"VPS-2025-000124\",\"payment_method\":"
                + "\"BRI Virtual Account\",\"payment_method_code\":\"BRIVA\",\"total_amount\":85000,\"fee_merchant\":4250,"
                + "\"fee_customer\":0,\"total_fee\":4250,\"amount_received\":80750,\"is_closed_payment\":1,"
                + "\"status\":\"PAID\",\"paid_at\":1735689600,\"note\":\"Lunas via BRImo 01\\/01\\/2025\"}";

        assertThat(raw.getBytes(StandardCharsets.UTF_8)).hasSize(335);
        assertThat(TripaySignatures.callback(SYNTHETIC_KEY, raw.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("0b1147088a5fcfbd046b589102e2c27072f7eca5996049ac5ec2f474062917ed");
    }

    @Test
    void matching_is_case_sensitive_like_hash_equals_and_rejects_null() {
        String right = "9f167eba844d1fcb369404e2bda53702e2f78f7aa12e91da6715414e65b8c86a";

        assertThat(TripaySignatures.matches(right, right)).isTrue();
        assertThat(TripaySignatures.matches(right, right.toUpperCase())).isFalse();
        assertThat(TripaySignatures.matches(right, "ab805cf82c5bb1032517c7cd5a777d6eb4bf7d24f8778f6a6f4f29acfe958375"))
                .isFalse();
        assertThat(TripaySignatures.matches(right, null)).isFalse();
    }
}
