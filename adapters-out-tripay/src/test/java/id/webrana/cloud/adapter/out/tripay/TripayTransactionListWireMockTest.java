package id.webrana.cloud.adapter.out.tripay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import id.webrana.cloud.adapter.out.tripay.TripayFixtures.MutableClock;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayTransaction;
import id.webrana.cloud.application.port.out.PaymentGatewayException;
import id.webrana.cloud.application.port.out.PaymentGatewayException.Kind;
import id.webrana.cloud.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TripayPaymentGateway#findByMerchantRef} against WireMock: {@code GET merchant/transactions?merchant_ref=}
 * (a paginated list), lenient items, an empty list as "none", refusals and server errors.
 */
class TripayTransactionListWireMockTest {

    private static final String BASE_PATH = "/api-sandbox";
    private static final String LIST = BASE_PATH + "/merchant/transactions";
    private static final String MERCHANT_REF = "INV-2025-05-000001-1";

    private static WireMockServer wireMock;

    private TripayPaymentGateway gateway;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void setUp() {
        wireMock.resetAll();
        TripaySettings settings = TripaySettings.of(wireMock.baseUrl() + BASE_PATH, "DEV-test-api-key",
                        "AbCdE-12345-fGhIj-67890-KlMnO", "T12345")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withReadRetries(2, Duration.ofMillis(5));
        gateway = new TripayPaymentGateway(settings, new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A list item as in Tripay's {@code merchant/transactions} example: {@code pay_code} is a number. */
    private static String item(String reference, String merchantRef, String status, String paidAt) {
        return """
                {
                  "reference": "%s",
                  "merchant_ref": "%s",
                  "payment_selection_type": "static",
                  "payment_method": "BRIVA",
                  "payment_name": "BRI Virtual Account",
                  "customer_name": "Budi Santoso",
                  "customer_email": "budi@example.id",
                  "customer_phone": null,
                  "callback_url": null,
                  "return_url": null,
                  "amount": 154250,
                  "fee_merchant": 0,
                  "fee_customer": 4250,
                  "total_fee": 4250,
                  "amount_received": 150000,
                  "pay_code": 57585748548596587,
                  "pay_url": null,
                  "checkout_url": "https://tripay.co.id/checkout/%s",
                  "order_items": [{"sku": "basic", "name": "Basic 1GB", "price": 150000, "quantity": 1,
                                   "subtotal": 150000, "product_url": null, "image_url": null}],
                  "status": "%s",
                  "note": null,
                  "created_at": 1740830400,
                  "expired_at": 1740916800,
                  "expired_time": 1740916800,
                  "paid_at": %s
                }""".formatted(reference, merchantRef, reference, status, paidAt);
    }

    private static String page(String... items) {
        return """
                {
                  "success": true,
                  "message": "Success",
                  "data": [%s],
                  "pagination": {"sort": "desc", "offset": {"from": %d, "to": %d}, "current_page": 1,
                                 "previous_page": null, "next_page": null, "last_page": 1, "per_page": 50,
                                 "total_records": %d}
                }""".formatted(String.join(",", items), items.length == 0 ? 0 : 1, items.length, items.length);
    }

    @Test
    void a_listed_transaction_is_found_by_its_merchant_reference_with_a_numeric_pay_code() {
        wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(200,
                page(item("DEV-T12345000123ABCDE", MERCHANT_REF, "PAID", "1740831000")))));

        Optional<GatewayTransaction> found = gateway.findByMerchantRef(MERCHANT_REF);

        assertThat(found).hasValueSatisfying(t -> {
            assertThat(t.reference()).isEqualTo("DEV-T12345000123ABCDE");
            assertThat(t.merchantRef()).isEqualTo(MERCHANT_REF);
            assertThat(t.payCode()).isEqualTo("57585748548596587");
            assertThat(t.status()).isEqualTo(GatewayStatus.PAID);
            assertThat(t.paidAt()).isEqualTo(Instant.ofEpochSecond(1740831000));
            assertThat(t.amount()).isEqualTo(Money.rupiah(150_000));
            assertThat(t.totalAmount()).isEqualTo(Money.rupiah(154_250));
            assertThat(t.checkoutUrl()).isEqualTo("https://tripay.co.id/checkout/DEV-T12345000123ABCDE");
        });
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST))
                .withQueryParam("merchant_ref", equalTo(MERCHANT_REF))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("per_page", equalTo("50"))
                .withHeader("Authorization", equalTo("Bearer DEV-test-api-key")));
    }

    @Test
    void an_empty_list_means_the_gateway_has_no_such_transaction() {
        wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(200, page())));

        assertThat(gateway.findByMerchantRef(MERCHANT_REF)).isEmpty();
    }

    @Test
    void items_of_another_merchant_reference_are_ignored() {
        wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(200,
                page(item("DEV-T999", "INV-2025-05-000001-10", "PAID", "1740831000")))));

        assertThat(gateway.findByMerchantRef(MERCHANT_REF)).isEmpty();
    }

    @Test
    void success_false_is_a_rejection_and_not_retried() {
        wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(200,
                "{\"success\": false, \"message\": \"Invalid API Key\"}")));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.findByMerchantRef(MERCHANT_REF));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e).hasMessageContaining("Invalid API Key");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void a_server_error_is_unavailable_after_the_read_retries() {
        wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(503,
                "{\"success\": false, \"message\": \"Sedang dalam pemeliharaan\"}")));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.findByMerchantRef(MERCHANT_REF));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("Sedang dalam pemeliharaan");
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void a_list_that_is_not_a_list_is_an_unusable_answer() {
        wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(200,
                "{\"success\": true, \"message\": \"\", \"data\": {\"reference\": \"DEV-T1\"}}")));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.findByMerchantRef(MERCHANT_REF));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    }
}
