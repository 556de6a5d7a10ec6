package id.webrana.cloud.adapter.out.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import id.webrana.cloud.application.port.out.TelegramBot.Update;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TelegramBotClient} against WireMock: request shape, answers, failure classification, token masking. */
class TelegramBotClientWireMockTest {

    private static final String SECRET = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String TOKEN = "123456789:" + SECRET;
    private static final String BOT = "/bot" + TOKEN;
    private static final String JSON = "application/json";
    private static final String SENT = "{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1767225600,"
            + "\"chat\":{\"id\":987654321,\"type\":\"private\",\"first_name\":\"Budi\"},\"text\":\"VPS aktif\"}}";

    private static WireMockServer wireMock;

    private final List<TelegramBotClient> clients = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private TelegramBotClient bot;

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
        bot = client(TelegramSettings.of(wireMock.baseUrl(), TOKEN));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TelegramBotClient::close);
    }

    private TelegramBotClient client(TelegramSettings settings) {
        TelegramBotClient created = new TelegramBotClient(
                settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800)), clock);
        clients.add(created);
        return created;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
    }

    private static String error(int code, String description) {
        return "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}";
    }

    private DeliveryException sendFailure() {
        return catchThrowableOfType(DeliveryException.class, () -> bot.sendMessage("987654321", "<b>VPS</b> aktif"));
    }

    private static String everythingPrinted(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return failure + "\n" + out;
    }

    // ------------------------------------------------------------------ sendMessage

    @Test
    void send_message_posts_the_documented_json_to_the_token_path() throws Exception {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(200, SENT)));

        bot.sendMessage("987654321", "<b>web-1</b> aktif: 203.0.113.10 &amp; siap");

        wireMock.verify(1, postRequestedFor(urlEqualTo(BOT + "/sendMessage"))
                .withHeader("Content-Type", containing(JSON))
                .withRequestBody(equalToJson("{\"chat_id\":987654321,\"text\":\"<b>web-1</b> aktif: 203.0.113.10 "
                        + "&amp; siap\",\"parse_mode\":\"HTML\",\"disable_web_page_preview\":true}")));
    }

    @Test
    void group_ids_beyond_int_range_go_as_json_numbers_and_channel_names_as_strings() throws Exception {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(200, SENT)));

        bot.sendMessage("-1001234567890", "halo grup");
        bot.sendMessage("@webrana_status", "halo kanal");

        wireMock.verify(postRequestedFor(urlEqualTo(BOT + "/sendMessage"))
                .withRequestBody(equalToJson("{\"chat_id\":-1001234567890,\"text\":\"halo grup\"}", true, true)));
        wireMock.verify(postRequestedFor(urlEqualTo(BOT + "/sendMessage"))
                .withRequestBody(equalToJson("{\"chat_id\":\"@webrana_status\",\"text\":\"halo kanal\"}", true,
                        true)));
    }

    @Test
    void too_many_requests_is_rate_limited_for_the_seconds_telegram_names() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\","
                        + "\"parameters\":{\"retry_after\":35}}").withHeader("Retry-After", "5")));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(35));
        assertThat(failure.getMessage()).contains("429").contains("Too Many Requests");
        wireMock.verify(1, postRequestedFor(urlEqualTo(BOT + "/sendMessage")));
    }

    @Test
    void a_429_without_retry_after_in_the_body_falls_back_to_the_header() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage"))
                .willReturn(json(429, error(429, "Too Many Requests")).withHeader("Retry-After", "7")));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Forbidden: bot was blocked by the user", "Forbidden: user is deactivated",
            "Forbidden: bot was kicked from the group chat", "Forbidden: bot can't initiate conversation with a user"})
    void forbidden_means_the_recipient_is_gone(String description) {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(403, error(403, description))));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.RECIPIENT_GONE);
        assertThat(failure.getMessage()).contains(description);
        assertThat(failure.retryAfter()).isNull();
    }

    @Test
    void chat_not_found_means_the_recipient_is_gone() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage"))
                .willReturn(json(400, error(400, "Bad Request: chat not found"))));

        assertThat(sendFailure().kind()).isEqualTo(Kind.RECIPIENT_GONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Request: message is too long",
            "Bad Request: can't parse entities: Unsupported start tag \\\"foo\\\" at byte offset 0",
            "Bad Request: message text is empty"})
    void another_bad_request_is_permanent(String description) {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(400, error(400, description))));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).contains("HTTP 400").contains("Bad Request");
    }

    @Test
    void a_group_upgraded_to_a_supergroup_carries_the_new_chat_id() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(400, "{\"ok\":false,"
                + "\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a supergroup chat\","
                + "\"parameters\":{\"migrate_to_chat_id\":-1009876543210}}")));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.migratedToChatId()).contains("-1009876543210");
        assertThat(failure.getMessage()).contains("upgraded to a supergroup").contains("-1009876543210");
        wireMock.verify(1, postRequestedFor(urlEqualTo(BOT + "/sendMessage")));
    }

    @Test
    void other_refusals_carry_no_new_chat_id() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage"))
                .willReturn(json(400, error(400, "Bad Request: message is too long"))));

        assertThat(sendFailure().migratedToChatId()).isEmpty();
    }

    @Test
    void a_bad_gateway_is_transient_and_not_retried() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure).isInstanceOf(TelegramUnavailableException.class);
        assertThat(failure.getMessage()).contains("HTTP 502").contains("Bad Gateway");
        wireMock.verify(1, postRequestedFor(urlEqualTo(BOT + "/sendMessage")));
    }

    @Test
    void a_server_error_with_telegrams_json_is_transient() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage"))
                .willReturn(json(500, error(500, "Internal Server Error"))));

        assertThat(sendFailure().kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void a_timeout_is_transient_and_not_retried() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(200, SENT).withFixedDelay(3_000)));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("timed out");
        wireMock.verify(1, postRequestedFor(urlEqualTo(BOT + "/sendMessage")));
    }

    @Test
    void a_refused_connection_is_transient() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        bot = client(TelegramSettings.of("http://127.0.0.1:" + closedPort, TOKEN));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("could not connect");
    }

    @Test
    void a_dropped_connection_is_transient() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(sendFailure().kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void an_ok_status_without_telegrams_answer_is_transient() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html>captive portal</html>")));

        assertThat(sendFailure().kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void a_refused_token_is_transient_and_points_at_the_configuration() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(401, error(401, "Unauthorized"))));

        DeliveryException failure = sendFailure();

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("TELEGRAM_BOT_TOKEN");
    }

    @Test
    void an_empty_text_or_chat_is_refused_without_a_request() {
        assertThat(catchThrowableOfType(DeliveryException.class, () -> bot.sendMessage(" ", "halo")).kind())
                .isEqualTo(Kind.PERMANENT);
        assertThat(catchThrowableOfType(DeliveryException.class, () -> bot.sendMessage("42", "")).kind())
                .isEqualTo(Kind.PERMANENT);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    // ------------------------------------------------------------------ the token stays secret

    @Test
    void the_token_is_masked_in_messages_causes_and_stack_traces_of_transport_failures() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        TelegramBotClient unreachable = client(TelegramSettings.of("http://127.0.0.1:" + closedPort, TOKEN));

        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> unreachable.sendMessage("42", "halo"));
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(json(200, SENT).withFixedDelay(3_000)));
        DeliveryException timedOut = sendFailure();

        for (DeliveryException failure : List.of(refused, timedOut)) {
            assertThat(failure.getCause()).isInstanceOf(MaskedFailure.class);
            assertThat(everythingPrinted(failure)).doesNotContain(SECRET);
        }
    }

    @Test
    void the_token_is_masked_when_an_answer_quotes_the_request_url() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(aResponse().withStatus(404)
                .withBody("no route for POST /bot" + TOKEN + "/sendMessage (also /bot123456789%3A" + SECRET + ")")));

        DeliveryException failure = sendFailure();

        assertThat(failure.getMessage()).contains("/bot***/sendMessage").doesNotContain(SECRET);
        assertThat(everythingPrinted(failure)).doesNotContain(SECRET);
    }

    @Test
    void to_string_never_shows_the_token() {
        assertThat(bot.toString()).doesNotContain(SECRET).contains(wireMock.baseUrl());
    }

    // ------------------------------------------------------------------ getUpdates

    @Test
    void get_updates_long_polls_for_messages_and_reads_start_codes_and_chat_ids() throws Exception {
        wireMock.stubFor(post(urlEqualTo(BOT + "/getUpdates")).willReturn(json(200, """
                {"ok":true,"result":[
                  {"update_id":870001,"message":{"message_id":1,"date":1767225600,
                    "from":{"id":7123456789,"is_bot":false,"first_name":"Budi","language_code":"id"},
                    "chat":{"id":7123456789,"first_name":"Budi","type":"private"},
                    "text":"/start LINK-7f3a9c","entities":[{"offset":0,"length":6,"type":"bot_command"}]}},
                  {"update_id":870002,"message":{"message_id":2,"date":1767225601,
                    "from":{"id":5550001,"is_bot":false,"first_name":"Sari"},
                    "chat":{"id":-1001234567890,"title":"Ops WeBrana","type":"supergroup"},
                    "text":"/start GRP-42"}},
                  {"update_id":870003,"message":{"message_id":3,"date":1767225602,
                    "from":{"id":5550001,"is_bot":false,"first_name":"Sari"},
                    "chat":{"id":-4123456,"title":"Tim kecil","type":"group"},
                    "sticker":{"file_id":"x"}}},
                  {"update_id":870004,"edited_message":{"message_id":1,"date":1767225603,
                    "chat":{"id":7123456789,"type":"private"},"text":"diubah"}}
                ]}""")));

        List<Update> updates = bot.updates(870001, 0);

        assertThat(updates).containsExactly(
                new Update(870001, "7123456789", "private", "/start LINK-7f3a9c", "Budi"),
                new Update(870002, "-1001234567890", "supergroup", "/start GRP-42", "Sari"),
                new Update(870003, "-4123456", "group", null, "Sari"),
                new Update(870004, null, null, null, null));
        wireMock.verify(1, postRequestedFor(urlEqualTo(BOT + "/getUpdates")).withHeader("Content-Type",
                containing(JSON)).withRequestBody(equalToJson(
                "{\"offset\":870001,\"timeout\":0,\"allowed_updates\":[\"message\"]}")));
    }

    @Test
    void the_chat_type_of_every_kind_of_chat_is_read_so_only_private_chats_count_as_private() throws Exception {
        wireMock.stubFor(post(urlEqualTo(BOT + "/getUpdates")).willReturn(json(200, """
                {"ok":true,"result":[
                  {"update_id":5,"message":{"message_id":1,"date":1767225600,
                    "chat":{"id":7123456789,"first_name":"Budi","type":"private"},"text":"/start A"}},
                  {"update_id":6,"message":{"message_id":2,"date":1767225601,
                    "chat":{"id":-4123456,"title":"Tim kecil","type":"group"},"text":"/start B"}},
                  {"update_id":7,"message":{"message_id":3,"date":1767225602,
                    "chat":{"id":-1001234567890,"title":"Ops WeBrana","type":"supergroup"},"text":"/start C"}},
                  {"update_id":8,"message":{"message_id":4,"date":1767225603,
                    "chat":{"id":-1009876543210,"title":"Status","type":"channel"},"text":"/start D"}},
                  {"update_id":9,"message":{"message_id":5,"date":1767225604,
                    "chat":{"id":7123456780},"text":"/start E"}}
                ]}""")));

        List<Update> updates = bot.updates(5, 0);

        assertThat(updates).extracting(Update::chatType)
                .containsExactly("private", "group", "supergroup", "channel", null);
        assertThat(updates).extracting(Update::fromPrivateChat)
                .as("a chat without a type is not taken for a private one")
                .containsExactly(true, false, false, false, false);
    }

    @Test
    void no_updates_is_an_empty_list_and_the_poll_wait_is_capped() throws Exception {
        wireMock.stubFor(post(urlEqualTo(BOT + "/getUpdates")).willReturn(json(200, "{\"ok\":true,\"result\":[]}")));

        assertThat(bot.updates(5, 3_600)).isEmpty();

        wireMock.verify(postRequestedFor(urlEqualTo(BOT + "/getUpdates")).withRequestBody(equalToJson(
                "{\"offset\":5,\"timeout\":50,\"allowed_updates\":[\"message\"]}")));
    }

    @Test
    void a_poll_that_conflicts_with_another_poller_is_transient() {
        wireMock.stubFor(post(urlEqualTo(BOT + "/getUpdates")).willReturn(json(409, error(409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"))));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> bot.updates(0, 0));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("Conflict");
    }

    // ------------------------------------------------------------------ username

    @Test
    void the_username_comes_from_get_me_once_and_is_kept() {
        wireMock.stubFor(get(urlEqualTo(BOT + "/getMe")).willReturn(json(200, "{\"ok\":true,\"result\":"
                + "{\"id\":123456789,\"is_bot\":true,\"first_name\":\"WeBrana\",\"username\":\"WeBranaCloudBot\"}}")));

        assertThat(bot.username()).isEqualTo("WeBranaCloudBot");
        assertThat(bot.username()).isEqualTo("WeBranaCloudBot");

        wireMock.verify(1, getRequestedFor(urlEqualTo(BOT + "/getMe")));
    }

    @Test
    void a_configured_username_is_used_without_asking_telegram() {
        TelegramBotClient named = client(TelegramSettings.of(wireMock.baseUrl(), TOKEN).withUsername("@WeBranaBot"));

        assertThat(named.username()).isEqualTo("WeBranaBot");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void after_a_failed_get_me_the_username_is_unknown_and_asked_again_only_after_a_pause() {
        wireMock.stubFor(get(urlEqualTo(BOT + "/getMe")).willReturn(json(502, error(502, "Bad Gateway"))));

        assertThat(bot.username()).isNull();
        wireMock.stubFor(get(urlEqualTo(BOT + "/getMe")).willReturn(json(200,
                "{\"ok\":true,\"result\":{\"id\":123456789,\"is_bot\":true,\"username\":\"WeBranaCloudBot\"}}")));
        assertThat(bot.username()).isNull();
        wireMock.verify(1, getRequestedFor(urlEqualTo(BOT + "/getMe")));

        clock.advance(TelegramBotClient.USERNAME_RETRY_PAUSE.plusSeconds(1));

        assertThat(bot.username()).isEqualTo("WeBranaCloudBot");
        wireMock.verify(2, getRequestedFor(urlEqualTo(BOT + "/getMe")));
    }

    // ------------------------------------------------------------------ not configured

    @Test
    void without_a_token_the_bot_is_not_configured_and_never_calls_telegram() {
        TelegramBotClient unconfigured = client(TelegramSettings.of(wireMock.baseUrl(), null));

        assertThat(unconfigured.isConfigured()).isFalse();
        assertThat(unconfigured.username()).isNull();
        assertThat(catchThrowableOfType(DeliveryException.class, () -> unconfigured.sendMessage("42", "halo")).kind())
                .isEqualTo(Kind.PERMANENT);
        assertThat(catchThrowableOfType(DeliveryException.class, () -> unconfigured.updates(0, 0)).kind())
                .isEqualTo(Kind.PERMANENT);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
