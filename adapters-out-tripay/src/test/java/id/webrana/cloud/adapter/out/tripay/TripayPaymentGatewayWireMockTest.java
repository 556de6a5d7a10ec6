package id.webrana.cloud.adapter.out.tripay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static id.webrana.cloud.adapter.out.tripay.TripayFixtures.CHANNELS;
import static id.webrana.cloud.adapter.out.tripay.TripayFixtures.CHANNELS_ONLY_QRIS;
import static id.webrana.cloud.adapter.out.tripay.TripayFixtures.FEES;
import static id.webrana.cloud.adapter.out.tripay.TripayFixtures.ONE_ITEM;
import static id.webrana.cloud.adapter.out.tripay.TripayFixtures.UNPAID;
import static id.webrana.cloud.adapter.out.tripay.TripayFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import id.webrana.cloud.adapter.out.tripay.TripayFixtures.MutableClock;
import id.webrana.cloud.application.port.out.PaymentGateway.CreatePaymentRequest;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayTransaction;
import id.webrana.cloud.application.port.out.PaymentGateway.Instruction;
import id.webrana.cloud.application.port.out.PaymentGateway.Item;
import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.application.port.out.PaymentGatewayException;
import id.webrana.cloud.application.port.out.PaymentGatewayException.Kind;
import id.webrana.cloud.domain.shared.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TripayPaymentGateway} (without a container, so without Fault Tolerance) against WireMock: request shape,
 * lenient mapping, failure classification, read retries, and the channel cache.
 */
class TripayPaymentGatewayWireMockTest {

    private static final String API_KEY = "DEV-test-api-key";
    private static final String PRIVATE_KEY = "AbCdE-12345-fGhIj-67890-KlMnO";
    private static final String MERCHANT_CODE = "T12345";
    private static final String BASE_PATH = "/api-sandbox";
    private static final String JSON = "application/json";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static WireMockServer wireMock;

    private final List<TripayPaymentGateway> gateways = new ArrayList<>();
    private MutableClock clock;
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
        clock = new MutableClock(NOW);
        gateway = gateway(settings(wireMock.baseUrl()));
    }

    @AfterEach
    void closeGateways() {
        gateways.forEach(TripayPaymentGateway::close);
    }

    /** Short timeouts and near-zero backoff keep the suite fast; retries stay at the default count (2). */
    private static TripaySettings settings(String baseUrl) {
        return TripaySettings.of(baseUrl + BASE_PATH, API_KEY, PRIVATE_KEY, MERCHANT_CODE)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withReadRetries(2, Duration.ofMillis(5));
    }

    private TripayPaymentGateway gateway(TripaySettings settings) {
        TripayPaymentGateway created = new TripayPaymentGateway(settings, clock);
        gateways.add(created);
        return created;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
    }

    private static ResponseDefinitionBuilder html(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>" + status + " Bad Gateway</title></head><body><center><h1>" + status
                        + "</h1></center><hr><center>nginx</center></body></html>");
    }

    private static String path(String endpoint) {
        return BASE_PATH + "/" + endpoint;
    }

    private static CreatePaymentRequest createRequest() {
        return new CreatePaymentRequest("BRIVA", "VPS-2025-000123", Money.rupiah(85_000), "Budi Santoso",
                "budi@example.id", "+6281234567890",
                List.of(new Item("s-1vcpu-1gb", "VPS 1 vCPU / 1 GB - 1 bulan", 75_000, 1),
                        new Item("ipv4", "IPv4 tambahan", 5_000, 2)),
                "https://webrana.id/api/v1/payments/tripay/callback", "https://webrana.id/app/orders/42",
                Instant.parse("2026-03-02T12:00:00Z"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ channels

    @Test
    void channels_are_the_active_ones_with_the_customers_fee_and_limits() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(json(200, CHANNELS)));

        List<PaymentChannel> channels = gateway.channels();

        assertThat(channels).extracting(PaymentChannel::code).containsExactly("BRIVA", "QRIS", "OVO");
        PaymentChannel briva = channels.get(0);
        assertThat(briva.name()).isEqualTo("BRI Virtual Account");
        assertThat(briva.group()).isEqualTo("Virtual Account");
        assertThat(briva.redirect()).isFalse();
        assertThat(briva.feeFlat()).isEqualTo(Money.rupiah(4250));
        assertThat(briva.feePercent()).isEqualByComparingTo("0");
        assertThat(briva.minimumFee()).isEqualTo(Money.rupiah(4000));
        assertThat(briva.maximumFee()).isEqualTo(Money.rupiah(4500));
        assertThat(briva.minimumAmount()).isEqualTo(Money.rupiah(10_000));
        assertThat(briva.maximumAmount()).isEqualTo(Money.rupiah(10_000_000));
        assertThat(briva.iconUrl()).isEqualTo("https://tripay.co.id/images/payment_icon/briva.png");

        PaymentChannel qris = channels.get(1);
        assertThat(qris.feeFlat()).isEqualTo(Money.rupiah(750));
        assertThat(qris.feePercent()).isEqualByComparingTo(new BigDecimal("0.70")); // a string in the JSON
        assertThat(qris.minimumFee()).isNull();
        assertThat(qris.iconUrl()).isNull();
        assertThat(qris.customerFee(Money.rupiah(100_000))).isEqualTo(Money.rupiah(1450));

        PaymentChannel ovo = channels.get(2);
        assertThat(ovo.redirect()).isTrue();
        assertThat(ovo.feePercent()).isEqualByComparingTo("3");
        assertThat(ovo.customerFee(Money.rupiah(20_000))).isEqualTo(Money.rupiah(1000)); // minimum fee

        wireMock.verify(getRequestedFor(urlPathEqualTo(path("merchant/payment-channel")))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Accept", equalTo(JSON)));
    }

    @Test
    void an_active_channel_that_cannot_be_read_is_skipped_without_hiding_the_others() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(json(200, """
                {"success": true, "message": "", "data": [
                  {"code": "BRIVA", "name": "BRI Virtual Account", "type": "direct", "active": true,
                   "fee_customer": {"flat": "lots", "percent": 0}},
                  {"code": "QRIS", "name": "QRIS", "type": "direct", "active": true,
                   "fee_customer": {"flat": 750, "percent": "0.70"}}
                ]}""")));

        assertThat(gateway.channels()).extracting(PaymentChannel::code).containsExactly("QRIS");
    }

    @Test
    void the_channel_list_is_served_from_the_cache_while_it_is_fresh() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(json(200, CHANNELS)));

        List<PaymentChannel> first = gateway.channels();
        clock.advance(Duration.ofSeconds(299));
        List<PaymentChannel> second = gateway.channels();

        assertThat(second).isEqualTo(first);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(path("merchant/payment-channel"))));
    }

    @Test
    void an_expired_channel_list_is_fetched_again() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(json(200, CHANNELS)));
        gateway.channels();
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel")))
                .willReturn(json(200, CHANNELS_ONLY_QRIS)));

        clock.advance(Duration.ofSeconds(300));

        assertThat(gateway.channels()).extracting(PaymentChannel::code).containsExactly("QRIS");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(path("merchant/payment-channel"))));
    }

    @Test
    void the_stale_channel_list_is_served_while_tripay_is_down() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(json(200, CHANNELS)));
        List<PaymentChannel> before = gateway.channels();
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(html(502)));
        clock.advance(Duration.ofHours(2));

        List<PaymentChannel> during = gateway.channels();

        assertThat(during).isEqualTo(before);
        // it did try: one attempt and two retries
        wireMock.verify(1 + 3, getRequestedFor(urlPathEqualTo(path("merchant/payment-channel"))));
    }

    @Test
    void without_any_earlier_list_a_down_tripay_makes_channels_unavailable() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(html(503)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class, () -> gateway.channels());

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).isInstanceOf(TripayUnavailableException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void the_fault_tolerance_fallback_serves_the_last_channel_list() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(json(200, CHANNELS)));
        List<PaymentChannel> before = gateway.channels();
        wireMock.resetAll();

        // what Fault Tolerance calls after its timeout or with the circuit open: no request, the last list
        assertThat(gateway.channelsAfterFaultToleranceFailure()).isEqualTo(before);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a_refusal_is_not_hidden_behind_the_stale_channel_list() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(json(200, CHANNELS)));
        gateway.channels();
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel")))
                .willReturn(json(401, "{\"success\":false,\"message\":\"Invalid API Key\"}")));
        clock.advance(Duration.ofMinutes(6));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class, () -> gateway.channels());

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e).hasMessageContaining("Invalid API Key");
    }

    @Test
    void a_cache_lifetime_of_zero_asks_tripay_every_time_but_still_serves_the_stale_list_when_it_is_down() {
        TripayPaymentGateway uncached = gateway(settings(wireMock.baseUrl()).withChannelCacheTtl(Duration.ZERO));
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(json(200, CHANNELS)));
        uncached.channels();
        uncached.channels();
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(path("merchant/payment-channel"))));

        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).willReturn(html(500)));

        assertThat(uncached.channels()).extracting(PaymentChannel::code).containsExactly("BRIVA", "QRIS", "OVO");
    }

    // ------------------------------------------------------------------ create

    @Test
    void a_transaction_is_created_with_a_signed_json_body_and_the_bearer_key() {
        wireMock.stubFor(post(urlPathEqualTo(path("transaction/create"))).willReturn(json(200, UNPAID)));

        gateway.createTransaction(createRequest());

        String signature = TripaySignatures.closedTransaction(PRIVATE_KEY, MERCHANT_CODE, "VPS-2025-000123", 85_000);
        assertThat(signature).isEqualTo("15d0c607717713cd4ac4341fb26363318a5cb6934cf8239b04fa950e0313f222");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(path("transaction/create")))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", matchingRegex("application/json.*"))
                .withRequestBody(equalToJson("""
                        {
                          "method": "BRIVA",
                          "merchant_ref": "VPS-2025-000123",
                          "amount": 85000,
                          "customer_name": "Budi Santoso",
                          "customer_email": "budi@example.id",
                          "customer_phone": "+6281234567890",
                          "order_items": [
                            {"sku": "s-1vcpu-1gb", "name": "VPS 1 vCPU / 1 GB - 1 bulan", "price": 75000, "quantity": 1},
                            {"sku": "ipv4", "name": "IPv4 tambahan", "price": 5000, "quantity": 2}
                          ],
                          "callback_url": "https://webrana.id/api/v1/payments/tripay/callback",
                          "return_url": "https://webrana.id/app/orders/42",
                          "expired_time": %d,
                          "signature": "%s"
                        }""".formatted(Instant.parse("2026-03-02T12:00:00Z").getEpochSecond(), signature)))
                // integers, not strings or decimals: the signature signs "85000"
                .withRequestBody(matchingJsonPath("$.amount", equalTo("85000")))
                .withRequestBody(matchingJsonPath("$.expired_time", equalTo("1772452800"))));
    }

    @Test
    void optional_fields_left_empty_are_not_sent() {
        wireMock.stubFor(post(urlPathEqualTo(path("transaction/create"))).willReturn(json(200, UNPAID)));
        CreatePaymentRequest minimal = new CreatePaymentRequest("QRIS", "VPS-2025-000124", Money.rupiah(85_000),
                "Budi Santoso", "budi@example.id", null, List.of(new Item(null, "VPS", 85_000, 1)), null, null, null);

        gateway.createTransaction(minimal);

        wireMock.verify(postRequestedFor(urlPathEqualTo(path("transaction/create")))
                .withRequestBody(matchingJsonPath("$.customer_phone", absent()))
                .withRequestBody(matchingJsonPath("$.callback_url", absent()))
                .withRequestBody(matchingJsonPath("$.return_url", absent()))
                .withRequestBody(matchingJsonPath("$.expired_time", absent()))
                .withRequestBody(matchingJsonPath("$.order_items[0].sku", absent()))
                .withRequestBody(matchingJsonPath("$.order_items[0].name", equalTo("VPS"))));
    }

    @Test
    void the_created_transaction_is_mapped_from_tripays_answer() {
        wireMock.stubFor(post(urlPathEqualTo(path("transaction/create"))).willReturn(json(200, UNPAID)));

        GatewayTransaction transaction = gateway.createTransaction(createRequest());

        assertThat(transaction.reference()).isEqualTo("DEV-T12345000123ABCDE");
        assertThat(transaction.merchantRef()).isEqualTo("VPS-2025-000123");
        assertThat(transaction.method()).isEqualTo("BRIVA");
        assertThat(transaction.methodName()).isEqualTo("BRI Virtual Account");
        assertThat(transaction.amount()).isEqualTo(Money.rupiah(85_000));
        assertThat(transaction.customerFee()).isEqualTo(Money.ZERO);
        assertThat(transaction.totalAmount()).isEqualTo(Money.rupiah(85_000));
        assertThat(transaction.payCode()).isEqualTo("57585748548596587");
        assertThat(transaction.payUrl()).isNull();
        assertThat(transaction.checkoutUrl()).isEqualTo("https://tripay.co.id/checkout/DEV-T12345000123ABCDE");
        assertThat(transaction.qrString()).isNull();
        assertThat(transaction.status()).isEqualTo(GatewayStatus.UNPAID);
        assertThat(transaction.expiresAt()).isEqualTo(Instant.ofEpochSecond(1735776000));
        assertThat(transaction.paidAt()).isNull();
        assertThat(transaction.instructions()).extracting(Instruction::title).containsExactly("Aplikasi BRImo");
        assertThat(transaction.instructions().get(0).steps()).hasSize(2);
    }

    @Test
    void a_customer_fee_included_in_tripays_amount_is_told_apart_by_the_order_items() {
        // amount 86 500 = items 85 000 + customer fee 1 500
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail")))
                .willReturn(json(200, transaction("UNPAID", "\"1234\"", "null", 86_500, 1_500, ONE_ITEM))));

        GatewayTransaction transaction = gateway.transactionDetail("DEV-T12345000123ABCDE");

        assertThat(transaction.amount()).isEqualTo(Money.rupiah(85_000));
        assertThat(transaction.customerFee()).isEqualTo(Money.rupiah(1_500));
        assertThat(transaction.totalAmount()).isEqualTo(Money.rupiah(86_500));
    }

    @Test
    void a_customer_fee_on_top_of_tripays_amount_is_added_to_the_total() {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail")))
                .willReturn(json(200, transaction("UNPAID", "\"1234\"", "null", 85_000, 1_500, ONE_ITEM))));

        GatewayTransaction transaction = gateway.transactionDetail("DEV-T12345000123ABCDE");

        assertThat(transaction.amount()).isEqualTo(Money.rupiah(85_000));
        assertThat(transaction.totalAmount()).isEqualTo(Money.rupiah(86_500));
    }

    @Test
    void create_is_sent_exactly_once_when_tripay_answers_5xx() {
        wireMock.stubFor(post(urlPathEqualTo(path("transaction/create"))).willReturn(html(500)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.createTransaction(createRequest()));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(path("transaction/create"))));
    }

    @Test
    void create_is_sent_exactly_once_when_it_times_out() {
        TripayPaymentGateway impatient = gateway(settings(wireMock.baseUrl())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
        wireMock.stubFor(post(urlPathEqualTo(path("transaction/create")))
                .willReturn(json(200, UNPAID).withFixedDelay(1_500)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> impatient.createTransaction(createRequest()));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("timed out");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(path("transaction/create"))));
    }

    // ------------------------------------------------------------------ envelope, not status

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 400, 401, 403, 404, 422})
    void success_false_is_a_rejection_with_tripays_message_whatever_the_status(int status) {
        wireMock.stubFor(post(urlPathEqualTo(path("transaction/create"))).willReturn(json(status,
                "{\"success\": false, \"message\": \"Invalid signature\"}")));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.createTransaction(createRequest()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e).isInstanceOf(TripayRejectedException.class).hasMessageContaining("Invalid signature");
        assertThat(((TripayRejectedException) e).tripayMessage()).isEqualTo("Invalid signature");
        assertThat(((TripayRejectedException) e).httpStatus()).isEqualTo(status);
    }

    @Test
    void a_rejected_read_is_not_retried() {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).willReturn(json(200,
                "{\"success\": false, \"message\": \"Transaksi tidak ditemukan\"}")));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.transactionDetail("DEV-T0000"));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e).hasMessageContaining("Transaksi tidak ditemukan");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(path("transaction/detail"))));
    }

    @Test
    void success_true_with_an_error_status_is_still_an_answer() {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).willReturn(json(400, UNPAID)));

        assertThat(gateway.transactionDetail("DEV-T12345000123ABCDE").status()).isEqualTo(GatewayStatus.UNPAID);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void an_html_server_error_is_unavailable(int status) {
        wireMock.stubFor(post(urlPathEqualTo(path("transaction/create"))).willReturn(html(status)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.createTransaction(createRequest()));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).isInstanceOf(TripayUnavailableException.class).hasMessageContaining("HTTP " + status)
                .hasMessageContaining("nginx");
    }

    @Test
    void a_server_error_with_a_failure_envelope_is_unavailable_with_tripays_message_and_retried() {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).willReturn(json(503,
                "{\"success\": false, \"message\": \"Sedang dalam pemeliharaan\"}")));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.transactionDetail("DEV-T12345000123ABCDE"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("Sedang dalam pemeliharaan");
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(path("transaction/detail"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"success\": tru", "[1, 2, 3]", "{\"message\": \"no success field\"}",
            "{\"success\": \"true\", \"data\": {}}", ""})
    void an_answer_without_a_valid_envelope_is_unavailable(String body) {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).willReturn(json(200, body)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.transactionDetail("DEV-T12345000123ABCDE"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("without a Tripay envelope");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"success\": true, \"message\": \"\"}",
            "{\"success\": true, \"data\": {\"reference\": \"DEV-T1\", \"status\": \"UNPAID\"}}",
            "{\"success\": true, \"data\": {\"reference\": \"DEV-T1\", \"amount\": 1000, \"status\": \"LOST\"}}",
            "{\"success\": true, \"data\": {\"reference\": \"DEV-T1\", \"amount\": -5, \"status\": \"PAID\"}}",
            "{\"success\": true, \"data\": [\"not an object\"]}"})
    void success_with_data_that_cannot_be_read_is_unavailable_and_not_retried(String body) {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).willReturn(json(200, body)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.transactionDetail("DEV-T1"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("cannot be read");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(path("transaction/detail"))));
    }

    @Test
    void a_read_timeout_is_unavailable() {
        TripayPaymentGateway impatient = gateway(settings(wireMock.baseUrl())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)).withReadRetries(0, Duration.ZERO));
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail")))
                .willReturn(json(200, UNPAID).withFixedDelay(1_500)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> impatient.transactionDetail("DEV-T12345000123ABCDE"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("timed out");
        assertThat(((TripayUnavailableException) e).httpStatus()).isZero();
    }

    @Test
    void a_refused_connection_is_unavailable() throws IOException {
        TripayPaymentGateway nowhere = gateway(settings("http://127.0.0.1:" + freePort()));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> nowhere.createTransaction(createRequest()));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("could not connect");
    }

    @Test
    void a_client_error_page_without_an_envelope_is_unavailable_and_not_retried() {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).willReturn(html(404)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.transactionDetail("DEV-T12345000123ABCDE"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(((TripayUnavailableException) e).retryable()).isFalse();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(path("transaction/detail"))));
    }

    // ------------------------------------------------------------------ read retries

    @Test
    void a_read_is_retried_after_server_errors_and_succeeds() {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(html(502)).willSetStateTo("second"));
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).inScenario("flaky")
                .whenScenarioStateIs("second").willReturn(html(503)).willSetStateTo("third"));
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).inScenario("flaky")
                .whenScenarioStateIs("third").willReturn(json(200, UNPAID)));

        GatewayTransaction transaction = gateway.transactionDetail("DEV-T12345000123ABCDE");

        assertThat(transaction.reference()).isEqualTo("DEV-T12345000123ABCDE");
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(path("transaction/detail")))
                .withQueryParam("reference", equalTo("DEV-T12345000123ABCDE")));
    }

    @Test
    void a_read_gives_up_after_the_configured_retries() {
        TripayPaymentGateway oneRetry = gateway(settings(wireMock.baseUrl()).withReadRetries(1, Duration.ofMillis(5)));
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/fee-calculator"))).willReturn(html(500)));

        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> oneRetry.fees(Money.rupiah(100_000), "QRIS"));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(path("merchant/fee-calculator"))));
    }

    @Test
    void a_timed_out_read_is_retried() {
        TripayPaymentGateway impatient = gateway(settings(wireMock.baseUrl())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(200, CHANNELS).withFixedDelay(1_500))
                .willSetStateTo("fast"));
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/payment-channel"))).inScenario("slow")
                .whenScenarioStateIs("fast").willReturn(json(200, CHANNELS)));

        assertThat(impatient.channels()).hasSize(3);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(path("merchant/payment-channel"))));
    }

    // ------------------------------------------------------------------ quirky types

    @ParameterizedTest(name = "paid_at {0}")
    @CsvSource(delimiter = '|', value = {"\"1582856000\"|1582856000", "1582856000|1582856000", "null|",
            "\"\"|", "0|"})
    void paid_at_may_be_a_string_a_number_or_null(String paidAtJson, Long expectedSeconds) {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail")))
                .willReturn(json(200, transaction("PAID", "\"57585748548596587\"", paidAtJson, 85_000, 0, ONE_ITEM))));

        GatewayTransaction transaction = gateway.transactionDetail("DEV-T12345000123ABCDE");

        assertThat(transaction.paidAt()).isEqualTo(expectedSeconds == null ? null
                : Instant.ofEpochSecond(expectedSeconds));
        assertThat(transaction.status()).isEqualTo(GatewayStatus.PAID);
    }

    @ParameterizedTest(name = "pay_code {0}")
    @CsvSource(delimiter = '|', value = {"57585748548596587|57585748548596587", "\"0812345\"|0812345",
            "null|", "\"\"|"})
    void pay_code_may_be_a_number_or_a_string(String payCodeJson, String expected) {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail")))
                .willReturn(json(200, transaction("UNPAID", payCodeJson, "null", 85_000, 0, ONE_ITEM))));

        assertThat(gateway.transactionDetail("DEV-T12345000123ABCDE").payCode()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(GatewayStatus.class)
    void every_tripay_status_is_mapped(GatewayStatus status) {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).willReturn(json(200,
                transaction(status.name().toLowerCase(java.util.Locale.ROOT), "\"1\"", "null", 85_000, 0, ONE_ITEM))));

        assertThat(gateway.transactionDetail("DEV-T12345000123ABCDE").status()).isEqualTo(status);
    }

    @Test
    void amounts_as_strings_or_whole_decimals_are_read() {
        wireMock.stubFor(get(urlPathEqualTo(path("transaction/detail"))).willReturn(json(200, """
                {"success": true, "message": "", "data": {"reference": "DEV-T1", "merchant_ref": "VPS-1",
                 "amount": "85000", "fee_customer": 1500.00, "status": "UNPAID", "expired_time": "1735776000",
                 "order_items": null, "instructions": "none"}}""")));

        GatewayTransaction transaction = gateway.transactionDetail("DEV-T1");

        assertThat(transaction.amount()).isEqualTo(Money.rupiah(85_000));
        assertThat(transaction.customerFee()).isEqualTo(Money.rupiah(1_500));
        assertThat(transaction.totalAmount()).isEqualTo(Money.rupiah(86_500));
        assertThat(transaction.expiresAt()).isEqualTo(Instant.ofEpochSecond(1735776000));
        assertThat(transaction.instructions()).isEmpty();
    }

    // ------------------------------------------------------------------ fee calculator, detail request

    @Test
    void the_fee_calculator_reads_the_percent_string_and_the_split_of_the_fee() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/fee-calculator"))).willReturn(json(200, FEES)));

        List<TripayFee> fees = gateway.fees(Money.rupiah(100_000), "QRIS");

        assertThat(fees).singleElement().satisfies(fee -> {
            assertThat(fee.code()).isEqualTo("QRIS");
            assertThat(fee.flat()).isEqualTo(Money.rupiah(750));
            assertThat(fee.percent()).isEqualByComparingTo("0.70");
            assertThat(fee.minimum()).isNull();
            assertThat(fee.maximum()).isNull();
            assertThat(fee.merchantFee()).isEqualTo(Money.rupiah(1450));
            assertThat(fee.customerFee()).isEqualTo(Money.ZERO);
        });
        wireMock.verify(getRequestedFor(urlPathEqualTo(path("merchant/fee-calculator")))
                .withQueryParam("amount", equalTo("100000")).withQueryParam("code", equalTo("QRIS"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    @Test
    void the_fee_calculator_without_a_code_asks_for_every_channel() {
        wireMock.stubFor(get(urlPathEqualTo(path("merchant/fee-calculator"))).willReturn(json(200, FEES)));

        gateway.fees(Money.rupiah(100_000), null);

        wireMock.verify(getRequestedFor(urlPathEqualTo(path("merchant/fee-calculator")))
                .withQueryParam("amount", equalTo("100000")).withQueryParam("code", absent()));
    }

    @Test
    void a_blank_reference_is_refused_without_asking_tripay() {
        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class,
                () -> gateway.transactionDetail("  "));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void the_name_is_tripay() {
        assertThat(gateway.name()).isEqualTo("TRIPAY");
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern matchingRegex(String regex) {
        return com.github.tomakehurst.wiremock.client.WireMock.matching(regex);
    }
}
