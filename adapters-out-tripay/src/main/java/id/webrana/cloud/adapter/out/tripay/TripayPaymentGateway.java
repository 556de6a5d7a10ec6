package id.webrana.cloud.adapter.out.tripay;

import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.adapter.out.tripay.TripayJson.MalformedException;
import id.webrana.cloud.application.port.out.PaymentGateway;
import id.webrana.cloud.domain.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The {@link PaymentGateway} bean for Tripay: {@link TripayClient} plus a channel cache, callback verification, and
 * MicroProfile Fault Tolerance.
 *
 * <p><b>Configuration</b> (MicroProfile Config, read once when the bean is created, see
 * {@link TripaySettings#resolve}): {@code TRIPAY_API_KEY}, {@code TRIPAY_PRIVATE_KEY}, {@code TRIPAY_MERCHANT_CODE}
 * (all unset: the built-in simulator at {@code SANDBOX_TRIPAY_URL}, default
 * {@code http://localhost:9080/sandbox/tripay/api-sandbox}, with the simulator's fixed credentials),
 * {@code TRIPAY_MODE} ({@code sandbox} by default, or {@code production}), {@code TRIPAY_API_URL},
 * {@code TRIPAY_CONNECT_TIMEOUT_MS} (5 000), {@code TRIPAY_READ_TIMEOUT_MS} (10 000),
 * {@code TRIPAY_CHANNEL_CACHE_SECONDS} (300), {@code TRIPAY_READ_RETRIES} (2), {@code TRIPAY_RETRY_DELAY_MS} (300).
 *
 * <p><b>Channels</b> are cached for {@code TRIPAY_CHANNEL_CACHE_SECONDS}. When Tripay is unavailable (including an
 * open circuit or a fault-tolerance timeout, through {@link Fallback}) the last list is served however old it is;
 * only when there never was a list does {@link #channels()} fail. A refusal (e.g. {@code Invalid API Key}) is not
 * hidden behind the stale list. One thread refreshes at a time; others get the stale list meanwhile.
 *
 * <p><b>Fault tolerance</b> (MicroProfile Fault Tolerance 4.1), declared per method because the callback methods
 * are local computations that must keep working while Tripay is down (a class-level circuit breaker would refuse
 * callbacks whenever the API circuit is open):
 * <ul>
 *   <li>Every Tripay call has a {@link Timeout} above its worst case of HTTP timeouts and backoffs (reads
 *       {@value #READ_TIMEOUT_SECONDS} s: three attempts of 5 s connect + 10 s read plus backoff; create
 *       {@value #CREATE_TIMEOUT_SECONDS} s: one attempt) and a {@link CircuitBreaker} that counts only unavailability
 *       (a refusal proves Tripay is up).</li>
 *   <li>Retries of the idempotent reads (channels, transaction detail and list, fee calculator) happen in
 *       {@link TripayClient} with exponential backoff and jitter, not in a Fault Tolerance {@code @Retry}: one retry
 *       layer, observable in tests.</li>
 *   <li>{@link #createTransaction} is <b>never retried</b>: after a timeout or a 5xx the transaction may already
 *       exist at Tripay, and a second POST would open a second one (a second virtual account number for one
 *       invoice). It carries {@code @Retry(maxRetries = 0, abortOn = Throwable.class)} so that a future class-level
 *       {@code @Retry} or a global {@code Retry/maxRetries} config value cannot make it retry either.</li>
 *   <li>{@link TranslateTripayFaultToleranceFailures}: a fault-tolerance timeout or an open circuit reaches the
 *       caller as a {@link TripayUnavailableException} (kind UNAVAILABLE).</li>
 * </ul>
 * Annotation values can be tuned with the usual MicroProfile Fault Tolerance config keys, e.g.
 * {@code id.webrana.cloud.adapter.out.tripay.TripayPaymentGateway/transactionDetail/Timeout/value=90}; raise the
 * timeouts together with the HTTP timeouts.
 */
@ApplicationScoped
@TranslateTripayFaultToleranceFailures
public class TripayPaymentGateway implements PaymentGateway {

    /** {@link #name()}: the gateway's stable name, stored with every payment. */
    public static final String NAME = "TRIPAY";
    /** Header carrying the callback's signature (HMAC of the raw body). */
    public static final String CALLBACK_SIGNATURE_HEADER = "X-Callback-Signature";
    /** Header carrying the callback's event; only {@value #PAYMENT_STATUS_EVENT} is a payment callback. */
    public static final String CALLBACK_EVENT_HEADER = "X-Callback-Event";
    /** The event of payment status callbacks. */
    public static final String PAYMENT_STATUS_EVENT = "payment_status";

    /** Fault-tolerance timeout of the idempotent reads (with their retries), in seconds. */
    static final long READ_TIMEOUT_SECONDS = 50;
    /** Fault-tolerance timeout of {@link #createTransaction} (one attempt), in seconds. */
    static final long CREATE_TIMEOUT_SECONDS = 20;

    private static final Logger LOG = Logger.getLogger(TripayPaymentGateway.class.getName());

    private Config config;
    private Clock clock = Clock.systemUTC();
    private TripaySettings settings;
    private TripayClient client;
    private ChannelCache cache;
    private final ReentrantLock refreshLock = new ReentrantLock();

    /** For the CDI proxy only. */
    protected TripayPaymentGateway() {
    }

    /** CDI constructor: the settings are resolved from {@code config} in {@link #init()}. */
    @Inject
    public TripayPaymentGateway(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Over explicit settings (tests, tools); no Fault Tolerance outside a container. */
    public TripayPaymentGateway(TripaySettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** Over explicit settings and a clock for the channel cache (tests). */
    TripayPaymentGateway(TripaySettings settings, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        start(Objects.requireNonNull(settings, "settings"));
    }

    /** Resolves the settings (failing fast on partial configuration) and builds the Rest Client. */
    @PostConstruct
    void init() {
        if (client != null) {
            return;
        }
        TripaySettings resolved = TripaySettings.resolve(name -> config.getOptionalValue(name, String.class));
        if (resolved.simulator()) {
            LOG.info(() -> "TRIPAY_API_KEY is not set: Tripay calls go to the simulator at " + resolved.baseUri());
        } else {
            LOG.info(() -> "Tripay calls go to " + resolved.baseUri() + " (" + resolved.mode() + ", merchant "
                    + resolved.merchantCode() + ")");
        }
        start(resolved);
    }

    private void start(TripaySettings resolved) {
        this.settings = resolved;
        this.client = TripayClient.connect(resolved);
        this.cache = new ChannelCache(resolved.channelCacheTtl(), clock);
    }

    /** Releases the Rest Client. */
    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The active channels, from the cache while it is fresh; the stale list while Tripay is unavailable. */
    @Override
    @Timeout(value = READ_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {TripayUnavailableException.class, TimeoutException.class},
            skipOn = TripayRejectedException.class)
    @Fallback(fallbackMethod = "channelsAfterFaultToleranceFailure", applyOn = FaultToleranceException.class)
    public List<PaymentChannel> channels() {
        Optional<List<PaymentChannel>> fresh = cache.fresh();
        if (fresh.isPresent()) {
            return fresh.get();
        }
        Optional<List<PaymentChannel>> stale = cache.latest();
        if (stale.isPresent()) {
            if (!refreshLock.tryLock()) {
                return stale.get(); // another thread is refreshing
            }
        } else {
            try {
                refreshLock.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TripayUnavailableException("Tripay list payment channels interrupted", 0, false, e);
            }
        }
        try {
            fresh = cache.fresh();
            if (fresh.isPresent()) {
                return fresh.get(); // refreshed while this thread waited
            }
            List<PaymentChannel> channels = client.activeChannels();
            cache.put(channels);
            return channels;
        } catch (TripayUnavailableException e) {
            Optional<List<PaymentChannel>> last = cache.latest();
            if (last.isPresent()) {
                LOG.warning(() -> "Tripay is unavailable, serving the last payment channel list: " + e.getMessage());
                return last.get();
            }
            throw e;
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * {@link Fallback} of {@link #channels()} when Fault Tolerance itself failed the call (its timeout, an open
     * circuit): the last list, or UNAVAILABLE when there never was one.
     */
    List<PaymentChannel> channelsAfterFaultToleranceFailure() {
        return cache.latest().orElseThrow(() -> new TripayUnavailableException("Tripay list payment channels "
                + "failed (fault-tolerance timeout or open circuit) and no channel list was fetched before", 0,
                false, null));
    }

    /** Sent once, never retried (see the class comment). */
    @Override
    @Timeout(value = CREATE_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {TripayUnavailableException.class, TimeoutException.class},
            skipOn = TripayRejectedException.class)
    @Retry(maxRetries = 0, abortOn = Throwable.class)
    public GatewayTransaction createTransaction(CreatePaymentRequest request) {
        return client.createTransaction(request);
    }

    /** Retried by the client on unavailability (idempotent read). */
    @Override
    @Timeout(value = READ_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {TripayUnavailableException.class, TimeoutException.class},
            skipOn = TripayRejectedException.class)
    public GatewayTransaction transactionDetail(String reference) {
        return client.transactionDetail(reference);
    }

    /** {@code GET merchant/transactions?merchant_ref=}; retried by the client on unavailability (idempotent read). */
    @Override
    @Timeout(value = READ_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {TripayUnavailableException.class, TimeoutException.class},
            skipOn = TripayRejectedException.class)
    public Optional<GatewayTransaction> findByMerchantRef(String merchantRef) {
        return client.transactionByMerchantRef(merchantRef);
    }

    /**
     * {@code GET merchant/fee-calculator}: the fees of {@code amount} on one channel, or on all when
     * {@code channelCode} is null. Beyond the port; retried by the client (idempotent read).
     */
    @Timeout(value = READ_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {TripayUnavailableException.class, TimeoutException.class},
            skipOn = TripayRejectedException.class)
    public List<TripayFee> fees(Money amount, String channelCode) {
        return client.fees(amount, channelCode);
    }

    /** HMAC of the exact raw bytes with the private key, compared in constant time. No call to Tripay. */
    @Override
    public boolean isAuthenticCallback(byte[] rawBody, String signatureHeader) {
        return TripaySignatures.isAuthenticCallback(settings.privateKey(), rawBody, signatureHeader);
    }

    /**
     * Reads a callback body (check {@link #isAuthenticCallback} first). No call to Tripay.
     *
     * @throws TripayRejectedException (REJECTED) when the body is not JSON, or lacks {@code reference},
     *                                 {@code status} or {@code total_amount}, or has a field of the wrong type
     */
    @Override
    public PaymentCallback parseCallback(byte[] rawBody) {
        try {
            return TripayJson.callback(TripayJson.parse(rawBody));
        } catch (MalformedException | IllegalArgumentException | NullPointerException e) {
            throw new TripayRejectedException("Tripay callback is malformed: " + e.getMessage(), 0, null);
        }
    }
}
