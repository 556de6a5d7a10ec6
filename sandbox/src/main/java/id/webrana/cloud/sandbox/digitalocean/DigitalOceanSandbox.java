package id.webrana.cloud.sandbox.digitalocean;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The whole simulator behind one object: the droplet state machine, the fault injector, the rate-limit counter,
 * the adjustable clock, the on/off switch and the bearer-token check. The JAX-RS layer only translates HTTP to
 * calls on this class (and on {@link #droplets()}). Thread-safe.
 */
public final class DigitalOceanSandbox {

    private final SandboxClock clock;
    private final DropletSimulator droplets;
    private final FaultInjector faults;
    private final RateLimitTracker rateLimits = new RateLimitTracker();
    private final Supplier<Optional<String>> realAccessToken;

    /**
     * @param baseClock the clock of the simulation (a fixed or mutable clock in tests, the system clock in production)
     * @param catalog the sizes, images and regions
     * @param initial the initial settings
     * @param random the source of the error-rate decisions
     * @param realAccessToken looks up the real DigitalOcean token at request time; the sandbox is off while it
     *        yields a non-blank value
     */
    public DigitalOceanSandbox(Clock baseClock, Catalog catalog, SandboxSettings initial, Random random,
                               Supplier<Optional<String>> realAccessToken) {
        this.clock = new SandboxClock(baseClock);
        this.droplets = new DropletSimulator(clock, catalog, Duration.ofSeconds(initial.bootDelaySeconds()),
                Duration.ofSeconds(initial.actionDelaySeconds()));
        this.faults = new FaultInjector(random);
        this.faults.apply(initial);
        this.realAccessToken = Objects.requireNonNull(realAccessToken);
    }

    /** @return the droplet state machine */
    public DropletSimulator droplets() {
        return droplets;
    }

    /** @return the catalog */
    public Catalog catalog() {
        return droplets.catalog();
    }

    /** @return the simulation clock */
    public SandboxClock clock() {
        return clock;
    }

    /**
     * @return {@code true} unless a real DigitalOcean token is configured, in which case every
     *         {@code /digitalocean/...} path must answer 404
     */
    public boolean enabled() {
        return realAccessToken.get().map(String::isBlank).orElse(true);
    }

    /**
     * Checks the {@code Authorization} header: any non-blank bearer token is accepted, as by DigitalOcean's
     * own mock (the app sends {@code Bearer sandbox-token}).
     *
     * @param authorization the header value, or {@code null}
     * @throws DigitalOceanException 401 {@code unauthorized} when it is missing or not a bearer token
     */
    public void authenticate(String authorization) {
        if (authorization == null) {
            throw DigitalOceanException.unauthorized();
        }
        String value = authorization.trim();
        if (value.length() <= 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")
                || value.substring(7).isBlank()) {
            throw DigitalOceanException.unauthorized();
        }
    }

    /**
     * Counts an authenticated API request and decides whether a fault replaces its answer.
     *
     * @param method the HTTP method
     * @param apiPath the path below {@code /digitalocean}, e.g. {@code /v2/droplets}
     * @return the rate-limit header values and the injected fault, if any
     */
    public Admission admit(String method, String apiPath) {
        RateLimitStatus status = rateLimits.record(clock.instant());
        Optional<DigitalOceanException> fault = faults.decide(isCreation(method, apiPath));
        boolean rateLimited = fault.map(f -> f.status() == 429).orElse(false);
        return new Admission(rateLimited ? status.exhausted() : status, fault);
    }

    /** @return the rate-limit header values now, without counting a request */
    public RateLimitStatus rateLimitStatus() {
        return rateLimits.current(clock.instant());
    }

    /** @return the latency to add to each API answer, in milliseconds */
    public long latencyMillis() {
        return faults.latencyMillis();
    }

    /**
     * @param method the HTTP method
     * @param apiPath the path below {@code /digitalocean}
     * @return whether the request creates a droplet
     */
    public static boolean isCreation(String method, String apiPath) {
        String path = apiPath == null ? "" : apiPath.replaceAll("^/+|/+$", "");
        return "POST".equalsIgnoreCase(method) && path.equals("v2/droplets");
    }

    /** @return the settings in force (with the burst still to come) */
    public synchronized SandboxSettings settings() {
        return new SandboxSettings(droplets.bootDelay().toSeconds(), droplets.actionDelay().toSeconds(),
                faults.errorRate(), faults.rateLimitBurst(), faults.latencyMillis(), faults.failCreateWithStatus());
    }

    /**
     * Puts new settings in force.
     *
     * @param settings the complete settings
     * @return the settings now in force
     */
    public synchronized SandboxSettings applySettings(SandboxSettings settings) {
        droplets.setBootDelay(Duration.ofSeconds(settings.bootDelaySeconds()));
        droplets.setActionDelay(Duration.ofSeconds(settings.actionDelaySeconds()));
        faults.apply(settings);
        return settings();
    }

    /**
     * Changes the settings atomically, e.g. with a partial update.
     *
     * @param change computes the new settings from the ones in force
     * @return the settings now in force
     */
    public synchronized SandboxSettings updateSettings(UnaryOperator<SandboxSettings> change) {
        return applySettings(change.apply(settings()));
    }

    /**
     * Drops every droplet and action, every fault, the rate-limit count and the clock offset. The boot and
     * action delays stay as they are.
     */
    public synchronized void reset() {
        droplets.reset();
        faults.clear();
        rateLimits.reset();
        clock.resetOffset();
    }

    /**
     * Moves the simulation clock forward, e.g. past a boot delay.
     *
     * @param amount how far
     * @return the total offset of the simulation clock
     */
    public Duration advanceClock(Duration amount) {
        return clock.advance(amount);
    }
}
