package id.webrana.cloud.adapter.out.tripay;

import id.webrana.cloud.adapter.out.tripay.TripayCreateTransactionBody.OrderItem;
import id.webrana.cloud.adapter.out.tripay.TripayJson.Envelope;
import id.webrana.cloud.adapter.out.tripay.TripayJson.MalformedException;
import id.webrana.cloud.application.port.out.PaymentGateway.CreatePaymentRequest;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayTransaction;
import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.domain.shared.Money;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The Tripay adapter's wire-level core, free of CDI and Fault Tolerance so that tests can run it directly.
 *
 * <p>Every answer is judged by Tripay's envelope {@code {"success", "message", "data"}}, not by the HTTP status:
 * <ul>
 *   <li>{@code success:true}: the data is mapped by {@link TripayJson}; data that cannot be mapped is an unusable
 *       answer ({@link TripayUnavailableException}, not retried);</li>
 *   <li>{@code success:false} with a status below 500 (200, 400, 401, 422, ...): {@link TripayRejectedException}
 *       with Tripay's message; with 5xx or 429 the server itself is in trouble, so it is
 *       {@link TripayUnavailableException} (with Tripay's message) and reads retry it;</li>
 *   <li>no envelope (HTML error page, empty or unparsable body): {@link TripayUnavailableException}; retried when the
 *       status is 5xx, 408, 429 or 2xx, not for another 4xx (a wrong base URL gives the same 404 again);</li>
 *   <li>no answer (timeout, refused connection, unknown host): {@link TripayUnavailableException}, retried.</li>
 * </ul>
 *
 * <p><b>Retries.</b> The idempotent reads ({@link #activeChannels()}, {@link #fees}, {@link #transactionDetail},
 * {@link #transactionByMerchantRef})
 * are retried here after a retryable {@link TripayUnavailableException}: up to {@link TripaySettings#readRetries()}
 * times, waiting {@link TripaySettings#retryDelay()} and doubling it each time, plus up to half of it as jitter.
 * The retries live in this core, rather than in a Fault Tolerance {@code @Retry}, so that there is exactly one retry
 * layer and it behaves the same in tests and in the server; {@link TripayPaymentGateway} adds the timeout and the
 * circuit breaker around it. {@link #createTransaction} is <b>never</b> retried: when a create times out or fails
 * with 5xx, Tripay may already have opened the transaction, and a second POST would open a second one (a second
 * virtual account number for the same invoice). The caller gets UNAVAILABLE, and a new attempt uses a new
 * {@code merchant_ref}.
 *
 * <p>Instances are thread-safe as far as the underlying Rest Client is; {@link #close()} releases it.
 */
public class TripayClient implements AutoCloseable {

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";
    private static final Logger LOG = Logger.getLogger(TripayClient.class.getName());

    private final TripayApi api;
    private final TripaySettings settings;

    /** A core over an existing Rest Client proxy; the settings give the credentials and the retry policy. */
    public TripayClient(TripayApi api, TripaySettings settings) {
        this.api = Objects.requireNonNull(api, "api");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Builds the Rest Client for the settings and a core over it. */
    public static TripayClient connect(TripaySettings settings) {
        return new TripayClient(restClient(settings), settings);
    }

    /**
     * Builds the MicroProfile Rest Client programmatically: base URI from the settings (Tripay or the simulator),
     * connect/read timeouts, {@code Authorization: Bearer <api key>}, {@code Accept: application/json}, no
     * redirects, and the default exception mapper disabled so that every answer comes back as a response to judge.
     */
    public static TripayApi restClient(TripaySettings settings) {
        Objects.requireNonNull(settings, "settings");
        return RestClientBuilder.newBuilder()
                .baseUri(settings.baseUri())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Accept", MediaType.APPLICATION_JSON)
                .build(TripayApi.class);
    }

    /** The settings this core signs and retries with. */
    public TripaySettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ calls

    /** {@code GET merchant/payment-channel}: the active channels (inactive ones are left out). Retried. */
    public List<PaymentChannel> activeChannels() {
        return read("list payment channels", api::paymentChannels, TripayJson::activeChannels);
    }

    /**
     * {@code GET merchant/fee-calculator}: the fees for {@code amount} on one channel, or on every channel when
     * {@code channelCode} is null. Retried.
     */
    public List<TripayFee> fees(Money amount, String channelCode) {
        Objects.requireNonNull(amount, "amount");
        String code = channelCode == null || channelCode.isBlank() ? null : channelCode.strip();
        return read("calculate fees", () -> api.feeCalculator(amount.rupiah(), code), TripayJson::fees);
    }

    /** {@code GET transaction/detail?reference=}. Retried. An unknown reference is REJECTED (Tripay's message). */
    public GatewayTransaction transactionDetail(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new TripayRejectedException("Tripay transaction detail: no reference given", 0, null);
        }
        String ref = reference.strip();
        return read("transaction detail " + ref, () -> api.transactionDetail(ref), TripayJson::transaction);
    }

    /**
     * {@code GET merchant/transactions?merchant_ref=}: the transaction opened for our merchant reference, empty when
     * Tripay lists none (an empty {@code data} list). Retried like the other reads. List items are read like
     * transaction details, leniently ({@code pay_code} is a number there); items of another merchant reference are
     * ignored.
     */
    public Optional<GatewayTransaction> transactionByMerchantRef(String merchantRef) {
        if (merchantRef == null || merchantRef.isBlank()) {
            throw new TripayRejectedException("Tripay transaction list: no merchant_ref given", 0, null);
        }
        String ref = merchantRef.strip();
        return read("transaction list for merchant_ref " + ref,
                () -> api.merchantTransactions(ref, 1, TripayJson.MAX_PER_PAGE),
                data -> TripayJson.transactionWithMerchantRef(data, ref));
    }

    /**
     * {@code POST transaction/create} (closed payment), signed with
     * {@code HMAC(privateKey, merchantCode + merchantRef + amount)}. Sent exactly once, never retried (see the class
     * comment).
     */
    public GatewayTransaction createTransaction(CreatePaymentRequest request) {
        TripayCreateTransactionBody body = createBody(request);
        return exchange("create transaction " + request.merchantRef(), () -> api.createTransaction(body),
                TripayJson::transaction);
    }

    /** The JSON body sent for {@code request}: the port's request in Tripay's names, signed. */
    TripayCreateTransactionBody createBody(CreatePaymentRequest request) {
        Objects.requireNonNull(request, "request");
        long amount = request.amount().rupiah();
        List<OrderItem> items = request.items().stream()
                .map(i -> new OrderItem(i.sku(), i.name(), i.price(), i.quantity()))
                .toList();
        Long expiredTime = request.expiresAt() == null ? null : request.expiresAt().getEpochSecond();
        String signature = TripaySignatures.closedTransaction(settings.privateKey(), settings.merchantCode(),
                request.merchantRef(), amount);
        return new TripayCreateTransactionBody(request.method(), request.merchantRef(), amount, request.customerName(),
                request.customerEmail(), request.customerPhone(), items, request.callbackUrl(), request.returnUrl(),
                expiredTime, signature);
    }

    /** Releases the Rest Client (its connections). */
    @Override
    public void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the Tripay Rest Client failed", e);
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** An idempotent read: {@link #exchange} with retries after retryable unavailability. */
    private <R> R read(String operation, Supplier<Response> call, Function<JsonValue, R> map) {
        int attempt = 0;
        while (true) {
            try {
                return exchange(operation, call, map);
            } catch (TripayUnavailableException e) {
                if (!e.retryable() || attempt >= settings.readRetries()) {
                    throw e;
                }
                attempt++;
                Duration wait = backoff(attempt);
                LOG.log(Level.FINE, "Tripay {0} unavailable ({1}); retry {2} of {3} in {4} ms",
                        new Object[] {operation, e.getMessage(), attempt, settings.readRetries(), wait.toMillis()});
                sleep(operation, wait, e);
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = settings.retryDelay().toMillis();
        if (base == 0) {
            return Duration.ZERO;
        }
        long delay = base << Math.min(attempt - 1, 10);
        long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(delay + jitter);
    }

    private static void sleep(String operation, Duration wait, TripayUnavailableException failure) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            TripayUnavailableException stop = new TripayUnavailableException("Tripay " + operation
                    + " interrupted while waiting to retry after: " + failure.getMessage(), failure.httpStatus(),
                    false, failure);
            throw stop;
        }
    }

    /** Sends one request and judges its answer by the envelope. */
    private <R> R exchange(String operation, Supplier<Response> call, Function<JsonValue, R> map) {
        Response response = send(operation, call);
        try {
            int status = response.getStatus();
            String body = readBody(operation, response);
            Optional<Envelope> envelope = TripayJson.envelope(body);
            if (envelope.isEmpty()) {
                boolean retryable = status >= 500 || status == 408 || status == 429 || (status >= 200 && status < 300);
                throw new TripayUnavailableException("Tripay " + operation + " answered HTTP " + status
                        + " without a Tripay envelope" + snippet(body), status, retryable, null);
            }
            Envelope answer = envelope.get();
            String message = answer.message() == null || answer.message().isBlank() ? "(no message)"
                    : answer.message();
            if (!answer.success()) {
                if (status >= 500 || status == 429) {
                    throw new TripayUnavailableException("Tripay " + operation + " failed with HTTP " + status + ": "
                            + message, status, true, null);
                }
                throw new TripayRejectedException("Tripay refused " + operation + " (HTTP " + status + "): "
                        + message, status, answer.message());
            }
            try {
                if (answer.data() == null) {
                    throw new MalformedException("data is missing");
                }
                return map.apply(answer.data());
            } catch (MalformedException | IllegalArgumentException | ArithmeticException | NullPointerException e) {
                throw new TripayUnavailableException("Tripay " + operation + " answered success with data that "
                        + "cannot be read: " + e.getMessage(), status, false, e);
            }
        } finally {
            closeQuietly(response);
        }
    }

    private static Response send(String operation, Supplier<Response> call) {
        try {
            Response response = call.get();
            if (response == null) {
                throw new TripayUnavailableException("Tripay " + operation + " gave no response", 0, true, null);
            }
            return response;
        } catch (WebApplicationException e) {
            // only when a Rest Client implementation ignored the disabled default mapper
            if (e.getResponse() != null) {
                return e.getResponse();
            }
            throw transportFailure(operation, e);
        } catch (ProcessingException e) {
            throw transportFailure(operation, e);
        }
    }

    private static String readBody(String operation, Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String body = response.readEntity(String.class);
            return body == null ? "" : body;
        } catch (ProcessingException | IllegalStateException e) {
            throw transportFailure(operation, e);
        }
    }

    private static TripayUnavailableException transportFailure(String operation, RuntimeException failure) {
        Throwable root = rootCause(failure);
        String what;
        if (root instanceof InterruptedIOException) {
            what = "timed out";
        } else if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            what = "could not connect";
        } else if (root instanceof UnknownHostException) {
            what = "unknown host";
        } else {
            what = "I/O error";
        }
        return new TripayUnavailableException("Tripay " + operation + " failed: " + what + " ("
                + root.getClass().getSimpleName() + ": " + root.getMessage() + ")", 0, true, failure);
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return " (empty body)";
        }
        return ": " + TripayJson.abbreviate(body);
    }

    static Throwable rootCause(Throwable t) {
        Throwable current = t;
        int depth = 0;
        while (current.getCause() != null && current.getCause() != current && depth++ < 20) {
            current = current.getCause();
        }
        return current;
    }

    private static void closeQuietly(Response response) {
        try {
            response.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINEST, "closing a response failed", e);
        }
    }
}
