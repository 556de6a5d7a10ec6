package id.webrana.cloud.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import id.webrana.cloud.adapter.out.notify.TelegramBotClient;
import id.webrana.cloud.adapter.out.notify.TelegramSettings;
import id.webrana.cloud.adapter.out.persistence.JpaInAppNotificationRepository;
import id.webrana.cloud.adapter.out.persistence.JpaLocalMailbox;
import id.webrana.cloud.adapter.out.persistence.JpaNotificationOutbox;
import id.webrana.cloud.adapter.out.persistence.JpaNotificationPreferencesRepository;
import id.webrana.cloud.adapter.out.persistence.JpaNotificationTemplateRepository;
import id.webrana.cloud.adapter.out.persistence.JpaOneTimeTokenRepository;
import id.webrana.cloud.adapter.out.persistence.JpaRefreshTokenRepository;
import id.webrana.cloud.adapter.out.persistence.JpaTransactionRunner;
import id.webrana.cloud.adapter.out.persistence.JpaUnit;
import id.webrana.cloud.adapter.out.persistence.JpaUserRepository;
import id.webrana.cloud.adapter.out.persistence.LiquibaseMigrator;
import id.webrana.cloud.adapter.out.persistence.OutboxNotifier;
import id.webrana.cloud.application.notification.FanOutNotifier;
import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.notification.NotificationPreferences;
import id.webrana.cloud.application.notification.TemplateCatalog;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import id.webrana.cloud.application.port.out.EmailSender;
import id.webrana.cloud.application.port.out.EmailSender.EmailMessage;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.service.AccountService;
import id.webrana.cloud.application.service.AccountSettings;
import id.webrana.cloud.application.service.NotificationDispatcher;
import id.webrana.cloud.application.service.NotificationSettings;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.provisioning.Backoff;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A customer's notification reaches their Telegram chat, with the real pieces wired together as the application
 * wires them, without a container: the {@link NotificationDispatcher} on the JPA adapters and
 * {@link JpaTransactionRunner} over PostgreSQL (a {@link ThrowAwayDatabase} of its own,
 * {@code webrana_telegram_<random>}, migrated by {@link LiquibaseMigrator}, dropped afterwards), and the real
 * {@link TelegramBotClient} (MicroProfile Rest Client, RESTEasy here) whose {@code TELEGRAM_API_URL} is a WireMock
 * server standing in for {@code api.telegram.org}, with a fake token.
 *
 * <p>Each test registers a customer through {@link AccountService}, links a Telegram chat with
 * {@link JpaNotificationPreferencesRepository#linkTelegram}, and enqueues {@code PAYMENT_CONFIRMED} (channels EMAIL,
 * TELEGRAM and IN_APP) the way {@code OrderService.settlePaidOrder} does: {@code Notification.email(...)} through
 * {@code FanOutNotifier(OutboxNotifier)} inside a transaction. Then it runs the dispatcher (in this thread, as the
 * notification worker would) and looks at what Telegram received and what the outbox, the preferences and the
 * in-app inbox say:
 * <ol>
 *   <li>delivered: {@code POST /bot<token>/sendMessage} with the linked chat id and the Indonesian text, the amount
 *       as {@code Rp 90.000};</li>
 *   <li>rate limited: a 429 with {@code parameters.retry_after = 2} puts the row back to PENDING due 2 s later,
 *       without counting the claim as an attempt, nothing is sent before then, and the next dispatch after that time
 *       delivers it (two calls in all, one attempt);</li>
 *   <li>blocked: a 403 "bot was blocked by the user" unlinks the chat, fails the row with the reason, and tells the
 *       customer in-app ({@code TELEGRAM_UNLINKED}).</li>
 * </ol>
 * Email goes to a recording {@link EmailSender} (SMTP is covered by {@link NotificationsSurviveProcessDeathTest}).
 * One database serves the three tests; each has its own customer and chat, and only its own rows are asserted on.
 */
class TelegramDeliveryTest {

    private static final String TOKEN = "123456789:FAKE-test-token_not-a-real-bot";
    private static final String SEND_MESSAGE = "/bot" + TOKEN + "/sendMessage";
    private static final String BASE_URL = "http://localhost:9080";
    private static final String DELIVERED = "{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1767225600,"
            + "\"chat\":{\"id\":1,\"type\":\"private\",\"first_name\":\"Dewi\"},\"text\":\"ok\"}}";
    /** The outbox table's columns this test reads, as one {@code /}-joined string. */
    private static final String ROW = "status || '/' || attempts";

    private static final ThrowAwayDatabase DB = new ThrowAwayDatabase("webrana_telegram_", "webrana-telegram-test");

    private static WireMockServer telegramApi;
    private static EntityManagerFactory emf;

    private final JpaUserRepository users = new JpaUserRepository();
    private final JpaNotificationPreferencesRepository preferences = new JpaNotificationPreferencesRepository();
    private final JpaInAppNotificationRepository inApp = new JpaInAppNotificationRepository();
    private final List<EmailMessage> emails = new CopyOnWriteArrayList<>();
    private JpaTransactionRunner tx;
    private NotificationDispatcher dispatcher;

    @BeforeAll
    static void telegramStubAndAFreshMigratedDatabase() {
        telegramApi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        telegramApi.start();
        DB.createAndMigrate(false);
        emf = JpaUnit.create(DB.dataSource());
    }

    @AfterAll
    static void dropTheDatabase() {
        try {
            if (telegramApi != null) {
                telegramApi.stop();
            }
            if (emf != null) {
                emf.close();
            }
        } finally {
            DB.drop();
        }
    }

    @BeforeEach
    void theDispatcherWithTheRealTelegramClient() {
        telegramApi.resetAll();
        tx = new JpaTransactionRunner(emf);
        TelegramBotClient telegram = new TelegramBotClient(TelegramSettings.of(telegramApi.baseUrl(), TOKEN)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        EmailSender email = emails::add;
        // a lease far longer than a send, quick retries: only the 429's own wait may delay the Telegram row
        NotificationSettings settings = new NotificationSettings(
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), 8, Duration.ofSeconds(30),
                Duration.ofSeconds(5), null, null, Duration.ofMinutes(15), 0);
        dispatcher = new NotificationDispatcher(new JpaNotificationOutbox(), new JpaNotificationTemplateRepository(),
                preferences, users, inApp, new JpaLocalMailbox(), email, telegram, tx, Clock.systemUTC(), settings);
    }

    /** A failed test must not leave due rows for the next test's dispatcher to pick up. */
    @AfterEach
    void noOpenRowsLeftBehind() {
        update("DELETE FROM notification_outbox WHERE status IN ('PENDING', 'IN_PROGRESS')");
    }

    @Test
    @Timeout(60)
    void a_customer_with_a_linked_chat_gets_the_payment_confirmation_on_telegram_in_bahasa_indonesia() {
        telegramApi.stubFor(post(urlEqualTo(SEND_MESSAGE)).willReturn(json(200, DELIVERED)));
        User customer = registerCustomerWithChat("Dewi Kirana", "987654321");

        UUID row = paymentConfirmed(customer, "web-dewi", 90_000);
        assertThat(row(row)).isEqualTo("PENDING/0");

        dispatchAllDue();

        telegramApi.verify(1, postRequestedFor(urlEqualTo(SEND_MESSAGE)).withRequestBody(equalToJson(
                "{\"chat_id\":987654321,\"text\":\"✅ Pembayaran Rp 90.000 untuk web-dewi diterima. Server Anda"
                        + " sedang disiapkan.\",\"parse_mode\":\"HTML\",\"disable_web_page_preview\":true}")));
        telegramApi.verify(1, anyRequestedFor(anyUrl()));
        assertThat(row(row)).isEqualTo("SENT/1");
        assertThat(channelsOfTheSameEvent(row)).containsExactly("EMAIL/SENT", "IN_APP/SENT", "TELEGRAM/SENT");
        assertThat(DB.scalar("SELECT last_error FROM notification_outbox WHERE id = ?", row)).isNull();
        assertThat(DB.scalar("SELECT sent_at FROM notification_outbox WHERE id = ?", row)).isNotNull();
        // the other channels of the event went out too, from the same single request of the producer
        assertThat(emails).filteredOn(e -> e.to().equals(customer.email().value()))
                .extracting(EmailMessage::subject).contains("Pembayaran diterima: web-dewi");
        assertThat(inbox(customer)).extracting(InAppNotification::event).containsExactly(
                TemplateCatalog.PAYMENT_CONFIRMED);
        assertThat(preferences(customer).telegramChatId()).as("still linked").isEqualTo("987654321");
    }

    @Test
    @Timeout(60)
    void a_rate_limited_message_waits_the_retry_after_telegram_asked_for_and_is_then_delivered_once()
            throws InterruptedException {
        String scenario = "rate limited once";
        telegramApi.stubFor(post(urlEqualTo(SEND_MESSAGE)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited")
                .willReturn(json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests:"
                        + " retry after 2\",\"parameters\":{\"retry_after\":2}}")));
        telegramApi.stubFor(post(urlEqualTo(SEND_MESSAGE)).inScenario(scenario)
                .whenScenarioStateIs("limited").willReturn(json(200, DELIVERED)));
        User customer = registerCustomerWithChat("Budi Santoso", "555000111");
        UUID row = paymentConfirmed(customer, "web-budi", 1_500_000);
        String text = "{\"chat_id\":555000111,\"text\":\"✅ Pembayaran Rp 1.500.000 untuk web-budi diterima. Server"
                + " Anda sedang disiapkan.\",\"parse_mode\":\"HTML\",\"disable_web_page_preview\":true}";

        // first attempt: Telegram says 429, retry after 2 s
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        dispatchAllDue();
        Instant after = Instant.now();

        telegramApi.verify(1, postRequestedFor(urlEqualTo(SEND_MESSAGE)).withRequestBody(equalToJson(text)));
        assertThat(row(row)).as("back in the queue, not failed, and the 429 not counted as an attempt")
                .isEqualTo("PENDING/0");
        assertThat(DB.scalar("SELECT sent_at FROM notification_outbox WHERE id = ?", row)).isNull();
        assertThat((String) DB.scalar("SELECT last_error FROM notification_outbox WHERE id = ?", row))
                .startsWith("RATE_LIMITED: ").contains("HTTP 429").contains("retry after 2")
                .doesNotContain(TOKEN).doesNotContain("FAKE-test-token");
        Instant nextAttempt = instant("SELECT next_attempt_at FROM notification_outbox WHERE id = ?", row);
        assertThat(nextAttempt).as("due retry_after = 2 s after the 429, not after the 200 ms back-off")
                .isBetween(before.plusSeconds(2), after.plusSeconds(2));
        assertThat(channelsOfTheSameEvent(row)).as("only the Telegram row waits")
                .containsExactly("EMAIL/SENT", "IN_APP/SENT", "TELEGRAM/PENDING");

        // before it is due, a dispatch leaves it alone (checked only if this machine did not stall for 2 s)
        int claimedEarly = dispatcher.dispatchDue(10);
        if (Instant.now().isBefore(nextAttempt)) {
            assertThat(claimedEarly).as("nothing is due before retry_after has passed").isZero();
            telegramApi.verify(1, postRequestedFor(urlEqualTo(SEND_MESSAGE)));
            assertThat(row(row)).isEqualTo("PENDING/0");
        }

        // after it: the next dispatch delivers it
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), nextAttempt).toMillis() + 1));
        awaitStatus(row, "SENT", Duration.ofSeconds(15));

        telegramApi.verify(2, postRequestedFor(urlEqualTo(SEND_MESSAGE)).withRequestBody(equalToJson(text)));
        telegramApi.verify(2, anyRequestedFor(anyUrl()));
        assertThat(row(row)).as("delivered by the second call, its first counted attempt").isEqualTo("SENT/1");
        assertThat(DB.scalar("SELECT last_error FROM notification_outbox WHERE id = ?", row)).isNull();
        assertThat(instant("SELECT last_attempt_at FROM notification_outbox WHERE id = ?", row))
                .as("the second attempt did not start before retry_after had passed").isAfterOrEqualTo(nextAttempt);
        assertThat(instant("SELECT sent_at FROM notification_outbox WHERE id = ?", row)).isAfterOrEqualTo(nextAttempt);
    }

    @Test
    @Timeout(60)
    void a_customer_who_blocked_the_bot_is_unlinked_the_message_fails_and_they_are_told_in_app() {
        telegramApi.stubFor(post(urlEqualTo(SEND_MESSAGE)).willReturn(json(403,
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        User customer = registerCustomerWithChat("Sari Wulandari", "424242424");
        UUID row = paymentConfirmed(customer, "web-sari", 250_000);

        dispatchAllDue();

        telegramApi.verify(1, postRequestedFor(urlEqualTo(SEND_MESSAGE)).withRequestBody(equalToJson(
                "{\"chat_id\":424242424,\"text\":\"✅ Pembayaran Rp 250.000 untuk web-sari diterima. Server Anda"
                        + " sedang disiapkan.\",\"parse_mode\":\"HTML\",\"disable_web_page_preview\":true}")));
        telegramApi.verify(1, anyRequestedFor(anyUrl()));
        assertThat(row(row)).as("given up at once: retrying cannot reach a blocked chat").isEqualTo("FAILED/1");
        assertThat((String) DB.scalar("SELECT last_error FROM notification_outbox WHERE id = ?", row))
                .startsWith("RECIPIENT_GONE: ").contains("HTTP 403").contains("bot was blocked by the user")
                .contains("the Telegram chat was unlinked").doesNotContain("FAKE-test-token");
        NotificationPreferences prefs = preferences(customer);
        assertThat(prefs.telegramChatId()).as("the chat is unlinked").isNull();
        assertThat(prefs.telegramLinked()).isFalse();
        assertThat(DB.scalar("SELECT COUNT(*) FROM notification_preferences WHERE telegram_chat_id = '424242424'"))
                .isEqualTo(0L);

        List<InAppNotification> inbox = inbox(customer);
        assertThat(inbox).extracting(InAppNotification::event).containsExactlyInAnyOrder(
                TemplateCatalog.PAYMENT_CONFIRMED, TemplateCatalog.TELEGRAM_UNLINKED);
        InAppNotification notice = inbox.stream()
                .filter(n -> n.event().equals(TemplateCatalog.TELEGRAM_UNLINKED)).findFirst().orElseThrow();
        assertThat(notice.title()).isEqualTo("Telegram terputus");
        assertThat(notice.body()).contains("bot diblokir").contains("Hubungkan lagi");
        assertThat(notice.isRead()).isFalse();
        assertThat(tx.inTransaction(() -> inApp.countUnread(customer.id()))).isEqualTo(2L);

        // the next event finds no linked chat: no Telegram row at all, so nothing more goes to the blocked chat
        long telegramRows = DB.count("SELECT COUNT(*) FROM notification_outbox WHERE channel = 'TELEGRAM'");
        paymentConfirmedRows(customer, "web-sari-2", 100_000);
        assertThat(DB.count("SELECT COUNT(*) FROM notification_outbox WHERE channel = 'TELEGRAM'"))
                .isEqualTo(telegramRows);
        dispatchAllDue();
        telegramApi.verify(1, anyRequestedFor(anyUrl()));
    }

    // ---------------------------------------------------------------- the application's side

    /** Registers through the real use case (its verification email row is dispatched too), then links the chat. */
    private User registerCustomerWithChat(String name, String chatId) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "-" + UUID.randomUUID().toString()
                .substring(0, 8) + "@example.com";
        User user = accountService().register(new RegisterUserCommand(email, "rahasia123".toCharArray(), name,
                "081234567890"));
        tx.inTransaction(() -> preferences.linkTelegram(user.id(), chatId, Instant.now()));
        assertThat(preferences(user).telegramChatId()).isEqualTo(chatId);
        return user;
    }

    /**
     * Enqueues {@code PAYMENT_CONFIRMED} as {@code OrderService.settlePaidOrder} does, and returns the id of its
     * TELEGRAM row.
     */
    private UUID paymentConfirmed(User customer, String hostname, long total) {
        String dedupeKey = paymentConfirmedRows(customer, hostname, total);
        assertThat(DB.count("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key LIKE ?", dedupeKey + ":%"))
                .as("one row per channel of the event: EMAIL, TELEGRAM, IN_APP").isEqualTo(3);
        Object id = DB.scalar("SELECT id FROM notification_outbox WHERE dedupe_key = ? AND channel = 'TELEGRAM'"
                + " AND recipient = ?", dedupeKey + ":TELEGRAM", customer.id().toString());
        assertThat(id).as("the TELEGRAM row, addressed to the user").isNotNull();
        return (UUID) id;
    }

    /** Enqueues the event in a transaction, through the fan-out and the outbox; returns the producer's key. */
    private String paymentConfirmedRows(User customer, String hostname, long total) {
        UUID orderId = UUID.randomUUID();
        String dedupeKey = "PAYMENT_STATUS:" + orderId;
        FanOutNotifier notifier = new FanOutNotifier(new OutboxNotifier(), users, preferences);
        tx.inTransaction(() -> notifier.notify(Notification.email(TemplateCatalog.PAYMENT_CONFIRMED,
                customer.email().value(), Map.of("name", customer.fullName(), "orderId", orderId.toString(),
                        "hostname", hostname, "paidWith", "BRI Virtual Account", "total", Long.toString(total)),
                dedupeKey)));
        return dedupeKey;
    }

    private AccountService accountService() {
        Clock clock = Clock.systemUTC();
        return new AccountService(users, new JpaRefreshTokenRepository(), new JpaOneTimeTokenRepository(),
                TestCredentials.plainHasher(), TestCredentials.tokens(clock),
                new FanOutNotifier(new OutboxNotifier(), users, preferences), tx, clock,
                AccountSettings.defaults(BASE_URL));
    }

    /** Dispatches until no row is due any more (a bounded number of rounds). */
    private void dispatchAllDue() {
        for (int round = 0; round < 20; round++) {
            if (dispatcher.dispatchDue(10) == 0) {
                return;
            }
        }
        throw new AssertionError("the outbox never ran dry");
    }

    /** Polls the dispatcher until the row has the status, or fails at the deadline. */
    private void awaitStatus(UUID row, String status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            dispatcher.dispatchDue(10);
            if (status.equals(DB.scalar("SELECT status FROM notification_outbox WHERE id = ?", row))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("row " + row + " is " + row(row) + ", not " + status + " after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private NotificationPreferences preferences(User user) {
        return tx.inTransaction(() -> preferences.find(user.id())).orElseThrow();
    }

    private List<InAppNotification> inbox(User user) {
        return tx.inTransaction(() -> inApp.findByUser(user.id(), new PageRequest(0, 20))).items();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    // ---------------------------------------------------------------- JDBC

    private String row(UUID id) {
        return (String) DB.scalar("SELECT " + ROW + " FROM notification_outbox WHERE id = ?", id);
    }

    /** {@code CHANNEL/STATUS} of every row fanned out from the same notification as {@code telegramRow}. */
    private static List<String> channelsOfTheSameEvent(UUID telegramRow) {
        String key = (String) DB.scalar("SELECT dedupe_key FROM notification_outbox WHERE id = ?", telegramRow);
        String producerKey = key.substring(0, key.lastIndexOf(':'));
        try (Connection c = DB.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT channel || '/' || status FROM notification_outbox WHERE dedupe_key LIKE ? ORDER BY channel")) {
            ps.setString(1, producerKey + ":%");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void update(String sql) {
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(String sql, Object... params) {
        Object value = DB.scalar(sql, params);
        assertThat(value).as(sql).isInstanceOf(Timestamp.class);
        return ((Timestamp) value).toInstant();
    }
}
