package id.webrana.cloud.sandbox.digitalocean;

import java.util.Optional;
import java.util.Random;

/**
 * Decides, request by request, whether the simulated API fails: a burst of 429s, random 500s, or a permanent
 * failure of droplet creation. Thread-safe.
 *
 * <p>Order of decisions for one request: a pending rate-limit burst wins (and is consumed), then the error rate,
 * then {@code failCreateWithStatus} for creation requests.
 */
public final class FaultInjector {

    private final Random random;
    private double errorRate;
    private int rateLimitBurst;
    private long latencyMillis;
    private Integer failCreateWithStatus;

    /** @param random the source of the error-rate decisions (seed it in tests, or use errorRate 0 / 1) */
    public FaultInjector(Random random) {
        this.random = random;
    }

    /**
     * Decides the fate of one API request.
     *
     * @param creation whether the request creates a droplet ({@code POST /v2/droplets})
     * @return the error to answer with, or empty to let the request through
     */
    public synchronized Optional<DigitalOceanException> decide(boolean creation) {
        if (rateLimitBurst > 0) {
            rateLimitBurst--;
            return Optional.of(DigitalOceanException.tooManyRequests());
        }
        if (errorRate > 0.0 && random.nextDouble() < errorRate) {
            return Optional.of(DigitalOceanException.serverError());
        }
        if (creation && failCreateWithStatus != null) {
            return Optional.of(DigitalOceanException.ofStatus(failCreateWithStatus,
                    "Droplet creation failed (failure injected by the WeBrana sandbox)."));
        }
        return Optional.empty();
    }

    /**
     * Takes the fault part of the settings.
     *
     * @param settings the settings
     */
    public synchronized void apply(SandboxSettings settings) {
        this.errorRate = settings.errorRate();
        this.rateLimitBurst = settings.rateLimitBurst();
        this.latencyMillis = settings.latencyMillis();
        this.failCreateWithStatus = settings.failCreateWithStatus();
    }

    /** Removes every fault. */
    public synchronized void clear() {
        errorRate = 0.0;
        rateLimitBurst = 0;
        latencyMillis = 0;
        failCreateWithStatus = null;
    }

    /** @return the probability of a 500 */
    public synchronized double errorRate() {
        return errorRate;
    }

    /** @return how many 429s are still to come */
    public synchronized int rateLimitBurst() {
        return rateLimitBurst;
    }

    /** @return the latency added to every API answer */
    public synchronized long latencyMillis() {
        return latencyMillis;
    }

    /** @return the status every creation fails with, or {@code null} */
    public synchronized Integer failCreateWithStatus() {
        return failCreateWithStatus;
    }
}
