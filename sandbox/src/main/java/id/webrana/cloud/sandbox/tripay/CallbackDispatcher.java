package id.webrana.cloud.sandbox.tripay;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends Tripay's {@code payment_status} callbacks on a background executor, like Tripay does: a {@code POST} of the
 * compact JSON body with {@code X-Callback-Event: payment_status}, {@code X-Callback-Signature} (HMAC-SHA256 of the
 * exact body bytes with the private key) and {@code Content-Type: application/json}. A delivery counts as received
 * only when the answer is 2xx with a JSON object whose {@code success} is {@code true}; otherwise (also on a
 * connection error or timeout) it is retried up to {@link #MAX_RETRIES} times, {@code callbackRetrySeconds} apart
 * (read when each retry is scheduled). Every delivery and attempt is recorded for the control API. Thread-safe.
 */
public final class CallbackDispatcher {

    /** Retries after the first attempt (Tripay: "hingga maksimal 3 kali"). */
    public static final int MAX_RETRIES = 3;
    /** The longest receiver answer kept in the log. */
    public static final int MAX_REPLY_CHARS = 2000;
    /** Event name of the callback header. */
    public static final String EVENT = "payment_status";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(CallbackDispatcher.class.getName());
    /** Resolved when the class loads (on an application thread), not on the executor's threads. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final ScheduledExecutorService executor;
    private final HttpClient http;
    private final Clock clock;
    private final String privateKey;
    private final Supplier<TripaySettings> settings;
    private final Map<String, List<CallbackDelivery>> byReference = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param executor runs the attempts (not owned: whoever created it shuts it down)
     * @param http the HTTP client for the receivers
     * @param clock the simulation clock (for the log)
     * @param privateKey the signing key
     * @param settings the settings in force (retry delay, drop switch, default callback URL)
     */
    public CallbackDispatcher(ScheduledExecutorService executor, HttpClient http, Clock clock, String privateKey,
                              Supplier<TripaySettings> settings) {
        this.executor = Objects.requireNonNull(executor);
        this.http = Objects.requireNonNull(http);
        this.clock = Objects.requireNonNull(clock);
        this.privateKey = Objects.requireNonNull(privateKey);
        this.settings = Objects.requireNonNull(settings);
    }

    /** @return an HTTP client fit for callbacks: HTTP/1.1, 5 s connect timeout, no redirects */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Announces that a transaction left UNPAID: sends its callback unless {@code dropCallbacks} is on or there is
     * no callback URL (both recorded as a delivery without attempts).
     *
     * @param t the transaction in its new status
     * @return the delivery
     */
    public CallbackDelivery statusChanged(Transaction t) {
        TripaySettings now = settings.get();
        byte[] body = CallbackBody.of(t);
        String url = callbackUrl(t, now);
        CallbackDelivery.State initial = now.dropCallbacks() ? CallbackDelivery.State.DROPPED
                : url == null ? CallbackDelivery.State.NO_URL : CallbackDelivery.State.PENDING;
        return start(t, CallbackDelivery.Trigger.STATUS_CHANGE, url, body, initial);
    }

    /**
     * Sends the latest callback of a transaction again, byte for byte, even if it was delivered or dropped (to test
     * that the receiver is idempotent). Ignores {@code dropCallbacks}: this is an explicit request.
     *
     * @param t the transaction (its callback URL is resolved again)
     * @return the new delivery, or empty when the transaction never had a callback (still UNPAID)
     */
    public Optional<CallbackDelivery> resend(Transaction t) {
        List<CallbackDelivery> previous = deliveries(t.reference());
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = previous.get(previous.size() - 1).body();
        String url = callbackUrl(t, settings.get());
        CallbackDelivery.State initial = url == null ? CallbackDelivery.State.NO_URL : CallbackDelivery.State.PENDING;
        return Optional.of(start(t, CallbackDelivery.Trigger.RESEND, url, body, initial));
    }

    /**
     * @param reference a transaction reference
     * @return its deliveries, oldest first
     */
    public List<CallbackDelivery> deliveries(String reference) {
        List<CallbackDelivery> list = byReference.get(reference);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** @return every delivery, in no particular order */
    public List<CallbackDelivery> all() {
        List<CallbackDelivery> all = new ArrayList<>();
        byReference.values().forEach(all::addAll);
        return all;
    }

    /** Forgets every delivery; attempts still scheduled are not made. */
    public void reset() {
        generation.incrementAndGet();
        byReference.values().forEach(list -> list.forEach(d -> d.finish(CallbackDelivery.State.CANCELLED)));
        byReference.clear();
    }

    private CallbackDelivery start(Transaction t, CallbackDelivery.Trigger trigger, String url, byte[] body,
                                   CallbackDelivery.State initial) {
        CallbackDelivery delivery = new CallbackDelivery(ids.incrementAndGet(), t.reference(), t.status(), trigger,
                url, body, TripaySignatures.callback(privateKey, body), clock.instant(), generation.get(), initial);
        byReference.computeIfAbsent(t.reference(), r -> new CopyOnWriteArrayList<>()).add(delivery);
        if (initial == CallbackDelivery.State.PENDING) {
            schedule(delivery, 1, 0);
        }
        return delivery;
    }

    private void schedule(CallbackDelivery delivery, int attempt, long delaySeconds) {
        try {
            executor.schedule(() -> attempt(delivery, attempt), delaySeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            delivery.record(new CallbackAttempt(attempt, clock.instant(), null, null,
                    "not sent: the simulator is shutting down", false));
            delivery.finish(CallbackDelivery.State.GAVE_UP);
        }
    }

    private void attempt(CallbackDelivery delivery, int number) {
        if (delivery.generation() != generation.get()) {
            return;
        }
        CallbackAttempt result = send(delivery, number);
        delivery.record(result);
        if (result.acknowledged()) {
            delivery.finish(CallbackDelivery.State.DELIVERED);
        } else if (number <= MAX_RETRIES) {
            schedule(delivery, number + 1, settings.get().callbackRetrySeconds());
        } else {
            delivery.finish(CallbackDelivery.State.GAVE_UP);
            LOG.info(() -> "Tripay sandbox: callback " + delivery.id() + " for " + delivery.reference()
                    + " not acknowledged after " + number + " attempts; giving up");
        }
    }

    private CallbackAttempt send(CallbackDelivery delivery, int number) {
        java.time.Instant at = clock.instant();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("X-Callback-Event", EVENT)
                    .header("X-Callback-Signature", delivery.signature())
                    .header("User-Agent", "WeBrana-Tripay-Sandbox/1.0")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300 && acknowledges(response.body());
            return new CallbackAttempt(number, at, status, cut(response.body()), null, ok);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "Tripay sandbox: callback attempt failed", e);
            return new CallbackAttempt(number, at, null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallbackAttempt(number, at, null, null, "interrupted", false);
        }
    }

    /**
     * @param body a receiver's answer
     * @return whether it is a JSON object with {@code "success": true}
     */
    static boolean acknowledges(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o && o.get("success") != null
                    && o.get("success").getValueType() == JsonValue.ValueType.TRUE;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String callbackUrl(Transaction t, TripaySettings settings) {
        return t.callbackUrl() != null ? t.callbackUrl() : settings.defaultCallbackUrl();
    }

    private static String cut(String reply) {
        return reply == null || reply.length() <= MAX_REPLY_CHARS ? reply : reply.substring(0, MAX_REPLY_CHARS);
    }
}
