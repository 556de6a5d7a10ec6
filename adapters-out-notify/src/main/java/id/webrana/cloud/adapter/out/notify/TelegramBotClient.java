package id.webrana.cloud.adapter.out.notify;

import id.webrana.cloud.adapter.out.notify.TelegramDtos.Answer;
import id.webrana.cloud.adapter.out.notify.TelegramDtos.GetUpdatesRequest;
import id.webrana.cloud.adapter.out.notify.TelegramDtos.MeAnswer;
import id.webrana.cloud.adapter.out.notify.TelegramDtos.SendMessageRequest;
import id.webrana.cloud.adapter.out.notify.TelegramDtos.StatusAnswer;
import id.webrana.cloud.adapter.out.notify.TelegramDtos.UpdatesAnswer;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import id.webrana.cloud.application.port.out.TelegramBot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The {@link TelegramBot} over the Telegram Bot API, with MicroProfile Rest Client ({@link TelegramBotApi}).
 *
 * <p><b>Configuration</b>: see {@link TelegramSettings} ({@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL},
 * {@code TELEGRAM_BOT_USERNAME}, timeouts), read once when the bean is created. Without a token the bot is not
 * {@linkplain #isConfigured() configured}: {@link #username()} is null and the calls fail PERMANENT without touching
 * the network.
 *
 * <p><b>Calls</b>: {@code POST <api>/bot<token>/sendMessage} with JSON {@code chat_id} (a number, or
 * {@code "@channel"}), {@code text}, {@code parse_mode = HTML}, {@code disable_web_page_preview = true};
 * {@code POST .../getUpdates} with {@code offset}, {@code timeout} (long polling, at most {@value #MAX_POLL_SECONDS}
 * s) and {@code allowed_updates = ["message"]}; {@code GET .../getMe} for the username, asked once and cached (after
 * a failure, asked again at most once a minute). Success is decided by the body's {@code ok}; failures are
 * classified by {@link TelegramFailures} (429 RATE_LIMITED with {@code retry_after}, 403 and 400 "chat not found"
 * RECIPIENT_GONE, other 4xx PERMANENT, 5xx and I/O TRANSIENT).
 *
 * <p><b>No retries here.</b> {@code sendMessage} is not idempotent: the dispatcher owns retries and back-off, so the
 * adapter never sends one message twice on its own. Timeouts are the HTTP ones (a timed-out {@code sendMessage} may
 * still have been delivered: TRANSIENT says "unknown", not "not sent"). A {@link CircuitBreaker} on
 * {@link #sendMessage} and {@link #updates} opens after repeated TRANSIENT failures
 * ({@link TelegramUnavailableException}, the only kind it counts) and then fails calls at once, as TRANSIENT too
 * ({@link TelegramFaultToleranceTranslator}). The breaker works in the container only (Fault Tolerance is an
 * interceptor); built with {@code new}, the client calls straight through.
 *
 * <p><b>The token</b> is part of every request path. It never appears in logs, exception messages (causes are
 * {@link MaskedFailure}s) or {@link #toString()}.
 */
@ApplicationScoped
@TranslateTelegramFaultToleranceFailures
public class TelegramBotClient implements TelegramBot {

    /** Longest long-polling wait asked of Telegram, in seconds; larger requests are capped. */
    public static final int MAX_POLL_SECONDS = 50;
    /** How long a failed {@code getMe} keeps {@link #username()} from asking again. */
    static final Duration USERNAME_RETRY_PAUSE = Duration.ofMinutes(1);

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";
    private static final Pattern NUMERIC_CHAT_ID = Pattern.compile("-?[0-9]{1,18}");
    private static final Logger LOG = Logger.getLogger(TelegramBotClient.class.getName());

    private Config config;
    private Clock clock = Clock.systemUTC();
    private TelegramSettings settings;
    private TelegramFailures failures;
    private TelegramBotApi api;
    private TelegramBotApi pollingApi;

    private final Object usernameLock = new Object();
    private volatile String cachedUsername;
    private Instant nextUsernameAttempt = Instant.MIN;

    /** For the CDI proxy only. */
    protected TelegramBotClient() {
    }

    /** CDI constructor: settings and Rest Clients are set up from {@code config} in {@link #init()}. */
    @Inject
    public TelegramBotClient(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Over explicit settings, using the system clock (tests, tools). No Fault Tolerance outside a container. */
    public TelegramBotClient(TelegramSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** Over explicit settings and a clock (which paces {@code getMe} after a failure). */
    TelegramBotClient(TelegramSettings settings, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        connect(Objects.requireNonNull(settings, "settings"));
    }

    /** Resolves the settings and builds the Rest Clients. */
    @PostConstruct
    void init() {
        if (settings != null) {
            return;
        }
        connect(TelegramSettings.resolve(name -> config.getOptionalValue(name, String.class)));
        if (settings.isConfigured()) {
            LOG.info(() -> "Telegram bot calls go to " + settings.apiUri() + " (token set)");
        } else {
            LOG.info(() -> TelegramSettings.BOT_TOKEN + " is not set: nothing is sent to Telegram");
        }
    }

    private void connect(TelegramSettings resolved) {
        this.settings = resolved;
        this.failures = new TelegramFailures(resolved::mask);
        if (resolved.isConfigured()) {
            this.api = restClient(resolved, resolved.readTimeout());
            this.pollingApi = restClient(resolved, resolved.readTimeout().plusSeconds(MAX_POLL_SECONDS));
        }
    }

    /**
     * Builds the MicroProfile Rest Client: base URI {@code <api>/bot<token>}, connect/read timeouts, no redirects,
     * and the default exception mapper disabled so that error answers come back as responses to classify.
     */
    static TelegramBotApi restClient(TelegramSettings settings, Duration readTimeout) {
        return RestClientBuilder.newBuilder()
                .baseUri(settings.botUri())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .build(TelegramBotApi.class);
    }

    /** Releases the Rest Clients (their connections). */
    @PreDestroy
    void close() {
        for (TelegramBotApi client : new TelegramBotApi[] {api, pollingApi}) {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "closing a Telegram Rest Client failed", MaskedFailure.of(e, settings::mask));
                }
            }
        }
    }

    // ------------------------------------------------------------------ the port

    @Override
    public boolean isConfigured() {
        return settings.isConfigured();
    }

    /**
     * {@code TELEGRAM_BOT_USERNAME} if set, else the username {@code getMe} reports (asked once and kept). Null when
     * the bot is not configured, or {@code getMe} failed (asked again after {@link #USERNAME_RETRY_PAUSE}).
     */
    @Override
    public String username() {
        if (!settings.isConfigured()) {
            return null;
        }
        if (settings.username() != null) {
            return settings.username();
        }
        String known = cachedUsername;
        if (known != null) {
            return known;
        }
        synchronized (usernameLock) {
            if (cachedUsername != null || clock.instant().isBefore(nextUsernameAttempt)) {
                return cachedUsername;
            }
            try {
                MeAnswer me = exchange("getMe", () -> api.getMe(), MeAnswer.class);
                if (me.result() == null || me.result().username() == null || me.result().username().isBlank()) {
                    throw failures.missingResult("getMe", 200);
                }
                cachedUsername = me.result().username();
                return cachedUsername;
            } catch (DeliveryException e) {
                nextUsernameAttempt = clock.instant().plus(USERNAME_RETRY_PAUSE);
                LOG.warning(() -> "the Telegram bot's username is unknown for now: " + e.getMessage());
                return null;
            }
        }
    }

    /**
     * {@code sendMessage} in HTML parse mode, link previews off. Sent once: never retried here.
     *
     * @param chatId   a numeric chat id (negative for groups) or {@code @channelusername}
     * @param htmlText the text, with user-derived parts HTML-escaped by the caller
     */
    @Override
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = TelegramUnavailableException.class)
    public void sendMessage(String chatId, String htmlText) throws DeliveryException {
        requireConfigured("sendMessage");
        if (chatId == null || chatId.isBlank()) {
            throw new DeliveryException(Kind.PERMANENT, "Telegram sendMessage: no chat id");
        }
        if (htmlText == null || htmlText.isBlank()) {
            throw new DeliveryException(Kind.PERMANENT, "Telegram sendMessage: the text is empty");
        }
        SendMessageRequest request = new SendMessageRequest(chatIdValue(chatId.trim()), htmlText, "HTML", true);
        exchange("sendMessage", () -> api.sendMessage(request), StatusAnswer.class);
    }

    /**
     * {@code getUpdates} after {@code offset}, waiting up to {@code timeoutSeconds} (capped at
     * {@value #MAX_POLL_SECONDS}) for one to arrive. Updates without a message (none are asked for, but older ones
     * may still be queued) come with a null chat id, chat type, text and sender, so the caller can still move its
     * offset past them. The chat type is {@code message.chat.type} as Telegram sends it ({@code private},
     * {@code group}, {@code supergroup}, {@code channel}), so the caller can accept {@code /start} from private chats
     * only.
     */
    @Override
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = TelegramUnavailableException.class)
    public List<Update> updates(long offset, int timeoutSeconds) throws DeliveryException {
        requireConfigured("getUpdates");
        int timeout = Math.max(0, Math.min(timeoutSeconds, MAX_POLL_SECONDS));
        GetUpdatesRequest request = new GetUpdatesRequest(offset, timeout, List.of("message"));
        UpdatesAnswer answer = exchange("getUpdates", () -> pollingApi.getUpdates(request), UpdatesAnswer.class);
        if (answer.result() == null) {
            return List.of();
        }
        List<Update> updates = new ArrayList<>();
        for (TelegramDtos.Update raw : answer.result()) {
            if (raw == null || raw.updateId() == null) {
                continue;
            }
            TelegramDtos.Message message = raw.message();
            String chat = message == null || message.chat() == null || message.chat().id() == null ? null
                    : String.valueOf(message.chat().id());
            String chatType = message == null || message.chat() == null ? null : message.chat().type();
            String text = message == null ? null : message.text();
            String from = message == null || message.from() == null ? null : message.from().firstName();
            updates.add(new Update(raw.updateId(), chat, chatType, text, from));
        }
        return List.copyOf(updates);
    }

    // ------------------------------------------------------------------ plumbing

    private void requireConfigured(String method) throws DeliveryException {
        if (!settings.isConfigured()) {
            throw new DeliveryException(Kind.PERMANENT, "Telegram " + method + ": " + TelegramSettings.BOT_TOKEN
                    + " is not set");
        }
    }

    /** A numeric id as a JSON number (Bot API ids fit in 52 bits), anything else ({@code @channel}) as a string. */
    private static Object chatIdValue(String chatId) {
        return NUMERIC_CHAT_ID.matcher(chatId).matches() ? (Object) Long.valueOf(chatId) : chatId;
    }

    /** Sends one request and returns its {@code ok} answer, or throws the classified failure. */
    private <T extends Answer> T exchange(String method, Supplier<Response> call, Class<T> type)
            throws DeliveryException {
        Response response;
        try {
            response = call.get();
        } catch (WebApplicationException e) {
            // only when a Rest Client implementation ignored the disabled default mapper
            response = e.getResponse();
            if (response == null) {
                throw failures.transport(method, e);
            }
        } catch (RuntimeException e) {
            // ProcessingException (timeouts, refused connections) and anything else the client throws
            throw failures.transport(method, e);
        }
        if (response == null) {
            throw failures.missingResult(method, 0);
        }
        try {
            int status = response.getStatus();
            String raw = body(response);
            T answer = parse(raw, type);
            if (answer != null && Boolean.TRUE.equals(answer.ok()) && status >= 200 && status < 300) {
                return answer;
            }
            DeliveryException failure = failures.refused(method, status, answer, raw,
                    response.getHeaderString("Retry-After"));
            LOG.fine(failure::getMessage);
            throw failure;
        } finally {
            try {
                response.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a Telegram response failed", MaskedFailure.of(e, settings::mask));
            }
        }
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> T parse(String raw, Class<T> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return JsonbHolder.JSONB.fromJson(raw, type);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** Shows where requests go, never the token. */
    @Override
    public String toString() {
        return "TelegramBotClient[" + settings + "]";
    }

    /** One shared, thread-safe JSON-B instance for answers, created on first use. */
    private static final class JsonbHolder {
        private static final Jsonb JSONB = JsonbBuilder.create();
    }
}
