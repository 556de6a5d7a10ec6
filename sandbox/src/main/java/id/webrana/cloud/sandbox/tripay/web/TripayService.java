package id.webrana.cloud.sandbox.tripay.web;

import id.webrana.cloud.sandbox.tripay.CallbackDispatcher;
import id.webrana.cloud.sandbox.tripay.Channels;
import id.webrana.cloud.sandbox.tripay.TripayCredentials;
import id.webrana.cloud.sandbox.tripay.TripaySandbox;
import id.webrana.cloud.sandbox.tripay.TripaySettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds the application's one Tripay simulator, built from MicroProfile Config at first use, and owns its background
 * executor (callback deliveries and the once-a-second expiry sweep), shut down when the application stops.
 *
 * <p>Configuration (MicroProfile Config, so also environment variables):
 * {@code SANDBOX_TRIPAY_MERCHANT_CODE} (default {@code T-SANDBOX}), {@code SANDBOX_TRIPAY_API_KEY}
 * ({@code DEV-webrana-sandbox}), {@code SANDBOX_TRIPAY_PRIVATE_KEY} ({@code webrana-sandbox-private-key}),
 * {@code SANDBOX_TRIPAY_CALLBACK_RETRY_SECONDS} (120), {@code SANDBOX_TRIPAY_CALLBACK_URL} (the merchant's default
 * callback URL, none by default).
 *
 * <p>The sandbox war does not use Jakarta Concurrency, so the executor is a plain {@link ScheduledExecutorService}
 * of two daemon threads; its tasks only do HTTP calls and touch the simulator's own state.
 */
@ApplicationScoped
public class TripayService {

    /** MicroProfile Config name of the merchant code. */
    public static final String MERCHANT_CODE_PROPERTY = "SANDBOX_TRIPAY_MERCHANT_CODE";
    /** MicroProfile Config name of the API key. */
    public static final String API_KEY_PROPERTY = "SANDBOX_TRIPAY_API_KEY";
    /** MicroProfile Config name of the private key. */
    public static final String PRIVATE_KEY_PROPERTY = "SANDBOX_TRIPAY_PRIVATE_KEY";
    /** MicroProfile Config name of the initial delay between callback attempts, in seconds. */
    public static final String CALLBACK_RETRY_PROPERTY = "SANDBOX_TRIPAY_CALLBACK_RETRY_SECONDS";
    /** MicroProfile Config name of the merchant's default callback URL. */
    public static final String CALLBACK_URL_PROPERTY = "SANDBOX_TRIPAY_CALLBACK_URL";

    private static final Logger LOG = Logger.getLogger(TripayService.class.getName());

    private TripaySandbox sandbox;
    private ScheduledExecutorService executor;

    /** For CDI; the simulator is built in {@link #init()}. */
    protected TripayService() {
    }

    /**
     * For tests: wraps a ready simulator (whose executor the test owns).
     *
     * @param sandbox the simulator
     */
    public TripayService(TripaySandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Builds the simulator from MicroProfile Config, unless one was given, and starts the expiry sweep. */
    @PostConstruct
    void init() {
        if (sandbox != null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        TripayCredentials credentials = new TripayCredentials(
                text(config, MERCHANT_CODE_PROPERTY, TripayCredentials.DEFAULT_MERCHANT_CODE),
                text(config, API_KEY_PROPERTY, TripayCredentials.DEFAULT_API_KEY),
                text(config, PRIVATE_KEY_PROPERTY, TripayCredentials.DEFAULT_PRIVATE_KEY));
        long retry = retrySeconds(config);
        String callbackUrl = config.getOptionalValue(CALLBACK_URL_PROPERTY, String.class)
                .filter(u -> !u.isBlank()).orElse(null);
        if (callbackUrl != null && !TripaySettings.isHttpUrl(callbackUrl)) {
            LOG.warning(() -> CALLBACK_URL_PROPERTY + " is not an http(s) URL; ignored");
            callbackUrl = null;
        }
        executor = Executors.newScheduledThreadPool(2, daemonThreads());
        sandbox = new TripaySandbox(Clock.systemUTC(), Channels.builtIn(), credentials,
                TripaySettings.withoutFaults(retry, callbackUrl), new SecureRandom(), executor,
                CallbackDispatcher.defaultHttpClient());
        sandbox.startExpirySweep(Duration.ofSeconds(1));
        LOG.info(() -> "WeBrana Tripay sandbox ready (merchant " + credentials.merchantCode() + ", callback retry "
                + retry + " s)");
    }

    /** Stops the background executor (pending callback retries are abandoned). */
    @PreDestroy
    void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** @return the simulator */
    public TripaySandbox sandbox() {
        return sandbox;
    }

    private static String text(Config config, String name, String fallback) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).orElse(fallback);
    }

    private static long retrySeconds(Config config) {
        long fallback = TripaySettings.DEFAULT_CALLBACK_RETRY_SECONDS;
        try {
            long value = config.getOptionalValue(CALLBACK_RETRY_PROPERTY, Long.class).orElse(fallback);
            if (value >= 0 && value <= TripaySettings.MAX_CALLBACK_RETRY_SECONDS) {
                return value;
            }
            LOG.warning(() -> CALLBACK_RETRY_PROPERTY + " must be 0.." + TripaySettings.MAX_CALLBACK_RETRY_SECONDS
                    + "; using " + fallback);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> CALLBACK_RETRY_PROPERTY + " is not a whole number of seconds; using " + fallback);
        }
        return fallback;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tripay-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
