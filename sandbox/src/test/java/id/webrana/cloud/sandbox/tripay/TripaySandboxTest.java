package id.webrana.cloud.sandbox.tripay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The simulator with its real background executor and real HTTP callbacks to a local receiver. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TripaySandboxTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static CallbackReceiver receiver;
    private final TripayCredentials credentials = TripayCredentials.defaults();
    private ScheduledExecutorService executor;
    private TripaySandbox sandbox;

    @BeforeAll
    static void startReceiver() {
        receiver = CallbackReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void setUp() {
        receiver.clear();
        executor = Executors.newScheduledThreadPool(2);
        sandbox = new TripaySandbox(Clock.systemUTC(), Channels.builtIn(), credentials,
                TripaySettings.withoutFaults(0, null), new Random(11), executor, CallbackDispatcher.defaultHttpClient());
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    private Transaction create(String callbackUrl) {
        return sandbox.create(Requests.valid(credentials, sandbox.clock().instant()).callbackUrl(callbackUrl).build());
    }

    private void retryEvery(long seconds) {
        sandbox.updateSettings(s -> new TripaySettings(0, 0, seconds, s.dropCallbacks(), s.defaultCallbackUrl(),
                s.inactiveChannels()));
    }

    private static CallbackDelivery only(List<CallbackDelivery> deliveries) {
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    @Nested
    class Delivery {

        @Test
        void paying_posts_one_callback_signed_over_its_exact_bytes_with_tripay_headers() {
            Transaction t = create(receiver.url());

            Transaction paid = sandbox.pay(t.reference());

            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(1));
            CallbackReceiver.Received got = receiver.received().get(0);
            assertThat(got.method()).isEqualTo("POST");
            assertThat(got.header("X-Callback-Event")).isEqualTo("payment_status");
            assertThat(got.header("Content-Type")).isEqualTo("application/json");
            assertThat(got.header("X-Callback-Signature"))
                    .isEqualTo(TripaySignatures.hmacSha256Hex(credentials.privateKey(), got.body()));
            assertThat(got.body()).isEqualTo(CallbackBody.of(paid));
            assertThat(got.bodyText()).contains("\"status\":\"PAID\"", "\"total_amount\":89250",
                    "\"paid_at\":" + paid.paidAt().getEpochSecond() + ",");
            Eventually.within(WAIT, () -> {
                CallbackDelivery d = only(sandbox.deliveries(t.reference()));
                assertThat(d.state()).isEqualTo(CallbackDelivery.State.DELIVERED);
                assertThat(d.attempts()).singleElement().satisfies(a -> {
                    assertThat(a.httpStatus()).isEqualTo(200);
                    assertThat(a.reply()).isEqualTo("{\"success\":true}");
                    assertThat(a.acknowledged()).isTrue();
                });
            });
        }

        @Test
        void a_receiver_answering_success_false_gets_three_retries_and_then_no_more() throws Exception {
            retryEvery(1);
            receiver.alwaysReply(200, "{\"success\":false,\"message\":\"Invalid signature\"}");
            Transaction t = create(receiver.url());

            sandbox.fail(t.reference());

            Eventually.within(WAIT, () -> assertThat(only(sandbox.deliveries(t.reference())).state())
                    .isEqualTo(CallbackDelivery.State.GAVE_UP));
            CallbackDelivery d = only(sandbox.deliveries(t.reference()));
            assertThat(d.attempts()).extracting(CallbackAttempt::number).containsExactly(1, 2, 3, 4);
            assertThat(d.lastAttempt().reply()).contains("Invalid signature");
            pause(1500);
            assertThat(receiver.received()).hasSize(4)
                    .allSatisfy(r -> assertThat(r.body()).isEqualTo(d.body()));
        }

        @Test
        void a_retry_that_is_acknowledged_ends_the_delivery() {
            receiver.thenReply(500, "oops");
            receiver.thenReply(200, "OK");
            Transaction t = create(receiver.url());

            sandbox.pay(t.reference());

            Eventually.within(WAIT, () -> assertThat(only(sandbox.deliveries(t.reference())).state())
                    .isEqualTo(CallbackDelivery.State.DELIVERED));
            assertThat(only(sandbox.deliveries(t.reference())).attempts())
                    .extracting(CallbackAttempt::httpStatus).containsExactly(500, 200, 200);
            assertThat(receiver.received()).hasSize(3);
        }

        @Test
        void an_unreachable_receiver_counts_as_a_failed_attempt() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            Transaction t = create("http://127.0.0.1:" + closedPort + "/callback");

            sandbox.pay(t.reference());

            Eventually.within(WAIT, () -> assertThat(only(sandbox.deliveries(t.reference())).state())
                    .isEqualTo(CallbackDelivery.State.GAVE_UP));
            assertThat(only(sandbox.deliveries(t.reference())).attempts()).hasSize(4)
                    .allSatisfy(a -> {
                        assertThat(a.httpStatus()).isNull();
                        assertThat(a.error()).isNotBlank();
                    });
        }

        @Test
        void with_drop_callbacks_nothing_is_sent_and_the_drop_is_recorded() throws Exception {
            sandbox.updateSettings(s -> new TripaySettings(0, 0, 0, true, null, s.inactiveChannels()));
            Transaction t = create(receiver.url());

            sandbox.pay(t.reference());
            pause(300);

            assertThat(receiver.received()).isEmpty();
            CallbackDelivery d = only(sandbox.deliveries(t.reference()));
            assertThat(d.state()).isEqualTo(CallbackDelivery.State.DROPPED);
            assertThat(d.attempts()).isEmpty();
            assertThat(sandbox.find(t.reference()).orElseThrow().status()).isEqualTo(TransactionStatus.PAID);
        }

        @Test
        void resending_repeats_the_delivered_callback_byte_for_byte() {
            Transaction t = create(receiver.url());
            sandbox.pay(t.reference());
            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(1));

            CallbackDelivery again = sandbox.resendCallback(t.reference());

            assertThat(again.trigger()).isEqualTo(CallbackDelivery.Trigger.RESEND);
            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(2));
            assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
            assertThat(receiver.received().get(1).header("X-Callback-Signature"))
                    .isEqualTo(receiver.received().get(0).header("X-Callback-Signature"));
        }

        @Test
        void an_unpaid_transaction_has_no_callback_to_resend() {
            Transaction t = create(receiver.url());

            assertThatThrownBy(() -> sandbox.resendCallback(t.reference()))
                    .isInstanceOfSatisfying(TripayException.class, e -> assertThat(e.status()).isEqualTo(409));
        }

        @Test
        void the_merchant_default_url_is_used_when_the_transaction_has_none_and_no_url_is_recorded() {
            Transaction without = create(null);
            sandbox.pay(without.reference());
            assertThat(only(sandbox.deliveries(without.reference())).state())
                    .isEqualTo(CallbackDelivery.State.NO_URL);

            sandbox.updateSettings(s -> new TripaySettings(0, 0, 0, false, receiver.url(), s.inactiveChannels()));
            Transaction t = create(null);
            sandbox.pay(t.reference());

            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(1));
            assertThat(receiver.received().get(0).bodyText()).contains(t.reference());
        }

        @Test
        void a_reset_abandons_the_pending_retries() throws Exception {
            retryEvery(1);
            receiver.alwaysReply(503, "busy");
            Transaction t = create(receiver.url());
            sandbox.pay(t.reference());
            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(1));

            sandbox.reset();
            pause(2500);

            assertThat(receiver.received()).hasSize(1);
            assertThat(sandbox.transactions()).isEmpty();
        }
    }

    @Nested
    class Expiry {

        @Test
        void the_background_sweep_expires_a_transaction_when_its_time_passes_and_sends_the_callback() {
            sandbox.startExpirySweep(Duration.ofMillis(50));
            Transaction t = sandbox.create(Requests.valid(credentials, sandbox.clock().instant()).method("QRIS")
                    .expiredTime(sandbox.clock().instant().getEpochSecond() + 600).callbackUrl(receiver.url()).build());

            sandbox.clock().advance(Duration.ofSeconds(601));

            Eventually.within(WAIT, () -> assertThat(receiver.received()).hasSize(1));
            String body = receiver.received().get(0).bodyText();
            assertThat(body).contains("\"reference\":\"" + t.reference() + "\"", "\"status\":\"EXPIRED\"",
                    "\"paid_at\":null", "\"payment_method_code\":\"QRIS\"");
            assertThat(sandbox.find(t.reference()).orElseThrow().status()).isEqualTo(TransactionStatus.EXPIRED);
        }

        @Test
        void reading_a_transaction_after_its_expiry_shows_it_expired_even_before_the_sweep() {
            Transaction t = create(null);

            sandbox.clock().advance(Duration.ofHours(3));

            assertThat(sandbox.find(t.reference()).orElseThrow().status()).isEqualTo(TransactionStatus.EXPIRED);
            assertThat(only(sandbox.deliveries(t.reference())).status()).isEqualTo(TransactionStatus.EXPIRED);
        }
    }

    @Nested
    class Access {

        @Test
        void only_the_configured_api_key_as_a_bearer_token_is_accepted() {
            sandbox.authenticate("Bearer DEV-webrana-sandbox");

            for (String wrong : new String[] {null, "", "DEV-webrana-sandbox", "Bearer DEV-other",
                    "bearer DEV-webrana-sandbox x"}) {
                assertThatThrownBy(() -> sandbox.authenticate(wrong)).as(String.valueOf(wrong))
                        .isInstanceOfSatisfying(TripayException.class, e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.getMessage()).isEqualTo("Invalid API Key");
                        });
            }
        }

        @Test
        void an_error_rate_of_one_injects_a_500_and_zero_never_does() {
            assertThat(sandbox.fault()).isEmpty();
            sandbox.updateSettings(s -> new TripaySettings(0, 1.0, 0, false, null, s.inactiveChannels()));

            assertThat(sandbox.fault()).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(500));
        }

        @Test
        void the_callback_body_is_ascii_json() {
            Transaction t = create(null);
            byte[] body = CallbackBody.of(sandbox.pay(t.reference()));

            assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo(new String(body, StandardCharsets.UTF_8));
        }
    }
}
