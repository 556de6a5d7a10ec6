package id.webrana.cloud.sandbox.tripay;

import id.webrana.cloud.sandbox.digitalocean.SandboxClock;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole Tripay simulator behind one object: the transaction state machine, the callback dispatcher, the
 * settings and faults, the API-key check and an adjustable clock. The JAX-RS layer only translates HTTP to calls on
 * this class. Every way a transaction leaves UNPAID (checkout buttons, control API, expiry) goes through here, so
 * each sends exactly one callback. Thread-safe.
 */
public final class TripaySandbox {

    private static final Logger LOG = Logger.getLogger(TripaySandbox.class.getName());

    private final SandboxClock clock;
    private final TripayCredentials credentials;
    private final AtomicReference<TripaySettings> settings;
    private final TripaySimulator simulator;
    private final CallbackDispatcher callbacks;
    private final ScheduledExecutorService executor;
    private final Random faultRandom;

    /**
     * @param baseClock the clock of the simulation (a fixed clock in tests, the system clock in production)
     * @param channels the merchant's channels
     * @param credentials the merchant's credentials
     * @param initial the initial settings
     * @param random the source of references, pay codes and fault decisions
     * @param executor runs callback attempts and the expiry sweep (not owned: its creator shuts it down)
     * @param http the HTTP client for callbacks
     */
    public TripaySandbox(Clock baseClock, Channels channels, TripayCredentials credentials, TripaySettings initial,
                         Random random, ScheduledExecutorService executor, HttpClient http) {
        this.clock = new SandboxClock(baseClock);
        this.credentials = Objects.requireNonNull(credentials);
        this.settings = new AtomicReference<>(Objects.requireNonNull(initial));
        this.executor = Objects.requireNonNull(executor);
        this.faultRandom = Objects.requireNonNull(random);
        this.simulator = new TripaySimulator(clock, channels, credentials, random,
                () -> settings.get().inactiveChannels());
        this.callbacks = new CallbackDispatcher(executor, http, clock, credentials.privateKey(), settings::get);
    }

    /** @return the merchant's credentials */
    public TripayCredentials credentials() {
        return credentials;
    }

    /** @return the merchant's channels */
    public Channels channels() {
        return simulator.channels();
    }

    /**
     * @param channel a channel
     * @return whether it is switched on
     */
    public boolean isActive(ChannelSpec channel) {
        return simulator.isActive(channel);
    }

    /** @return the simulation clock */
    public SandboxClock clock() {
        return clock;
    }

    /**
     * Checks {@code Authorization: Bearer <API key>}.
     *
     * @param authorization the header value, or {@code null}
     * @throws TripayException 401 {@code Invalid API Key} when it is missing or another key
     */
    public void authenticate(String authorization) {
        String expected = "Bearer " + credentials.apiKey();
        if (authorization == null || !TripaySignatures.matches(expected, authorization.trim())) {
            throw TripayException.invalidApiKey();
        }
    }

    /** @return the injected 500 for this API request, or empty (decided with {@code errorRate}) */
    public Optional<TripayException> fault() {
        double rate = settings.get().errorRate();
        boolean fail;
        synchronized (faultRandom) {
            fail = rate > 0.0 && faultRandom.nextDouble() < rate;
        }
        return fail ? Optional.of(TripayException.serverError()) : Optional.empty();
    }

    /** @return the latency to add to each API answer, in milliseconds */
    public long latencyMillis() {
        return settings.get().latencyMillis();
    }

    /** @return the settings in force */
    public TripaySettings settings() {
        return settings.get();
    }

    /**
     * @param newSettings the complete settings
     * @return the settings now in force
     */
    public TripaySettings applySettings(TripaySettings newSettings) {
        settings.set(Objects.requireNonNull(newSettings));
        return newSettings;
    }

    /**
     * Changes the settings atomically, e.g. with a partial update.
     *
     * @param change computes the new settings from the ones in force
     * @return the settings now in force
     */
    public TripaySettings updateSettings(UnaryOperator<TripaySettings> change) {
        return settings.updateAndGet(change);
    }

    /**
     * @param request a {@code transaction/create} request
     * @return the new UNPAID transaction
     * @throws TripayException a refusal
     */
    public Transaction create(CreateTransactionRequest request) {
        return simulator.create(request);
    }

    /**
     * @param reference a Tripay reference
     * @return the transaction as it is now (expired first if its time has passed), if it exists
     */
    public Optional<Transaction> find(String reference) {
        expireDue();
        return simulator.find(reference);
    }

    /** @return every transaction, oldest first */
    public List<Transaction> transactions() {
        expireDue();
        return simulator.all();
    }

    /**
     * @param reference a reference
     * @return the transaction, now PAID (its callback is on its way)
     * @throws TripayException 404 unknown, 409 not UNPAID
     */
    public Transaction pay(String reference) {
        return settle(reference, TransactionStatus.PAID);
    }

    /**
     * @param reference a reference
     * @return the transaction, now EXPIRED
     * @throws TripayException 404 unknown, 409 not UNPAID
     */
    public Transaction expire(String reference) {
        return settle(reference, TransactionStatus.EXPIRED);
    }

    /**
     * @param reference a reference
     * @return the transaction, now FAILED
     * @throws TripayException 404 unknown, 409 not UNPAID
     */
    public Transaction fail(String reference) {
        return settle(reference, TransactionStatus.FAILED);
    }

    /**
     * @param reference a reference
     * @param status PAID, EXPIRED or FAILED
     * @return the transaction in its new status
     */
    public Transaction settle(String reference, TransactionStatus status) {
        expireDue();
        Transaction settled = simulator.settle(reference, status);
        callbacks.statusChanged(settled);
        return settled;
    }

    /**
     * Expires the transactions whose time has passed and sends their callbacks.
     *
     * @return how many expired
     */
    public int expireDue() {
        List<Transaction> expired = simulator.expireDue();
        expired.forEach(callbacks::statusChanged);
        return expired.size();
    }

    /**
     * Runs {@link #expireDue()} periodically on the executor, so that transactions expire (and their callbacks go
     * out) when their time passes even if nobody asks.
     *
     * @param period how often
     * @return the scheduled task
     */
    public ScheduledFuture<?> startExpirySweep(Duration period) {
        long millis = period.toMillis();
        return executor.scheduleWithFixedDelay(() -> {
            try {
                expireDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Tripay sandbox: expiry sweep failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * @param reference a reference
     * @return the new delivery repeating the latest callback byte for byte
     * @throws TripayException 404 unknown, 409 when it never had a callback (still UNPAID)
     */
    public CallbackDelivery resendCallback(String reference) {
        Transaction t = find(reference).orElseThrow(
                () -> TripayException.notFound("Transaction " + reference + " not found"));
        return callbacks.resend(t).orElseThrow(() -> TripayException.conflict(
                "Transaction " + reference + " is " + t.status() + " and has no callback to resend"));
    }

    /**
     * @param reference a reference
     * @return its callback deliveries, oldest first
     */
    public List<CallbackDelivery> deliveries(String reference) {
        return callbacks.deliveries(reference);
    }

    /**
     * Moves the simulation clock forward (e.g. past an expiry) and expires what is due.
     *
     * @param amount how far; not negative
     * @return the total offset of the clock
     */
    public Duration advanceClock(Duration amount) {
        if (amount.isNegative()) {
            throw TripayException.badRequest("The sandbox clock only moves forward.");
        }
        Duration offset = clock.advance(amount);
        expireDue();
        return offset;
    }

    /**
     * Forgets every transaction and callback (scheduled retries are not made), removes every fault
     * ({@code latencyMillis}, {@code errorRate}, {@code dropCallbacks}, {@code inactiveChannels}) and the clock
     * offset. {@code callbackRetrySeconds} and {@code defaultCallbackUrl} stay as they are.
     */
    public void reset() {
        simulator.reset();
        callbacks.reset();
        settings.updateAndGet(s -> TripaySettings.withoutFaults(s.callbackRetrySeconds(), s.defaultCallbackUrl()));
        clock.resetOffset();
    }
}
