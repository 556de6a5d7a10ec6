package id.webrana.cloud.sandbox.digitalocean;

/**
 * The simulator's adjustable settings, as read and written by {@code GET/PUT /digitalocean/_control/config}.
 *
 * @param bootDelaySeconds how long a new droplet stays {@code new} (applies to droplets created afterwards)
 * @param actionDelaySeconds how long a droplet action stays {@code in-progress} (applies to actions started afterwards)
 * @param errorRate probability 0..1 that an API request answers 500 {@code server_error}
 * @param rateLimitBurst how many of the next API requests answer 429 {@code too_many_requests}
 * @param latencyMillis delay added to every API answer
 * @param failCreateWithStatus if not {@code null}, every {@code POST /v2/droplets} answers this status (400..599)
 */
public record SandboxSettings(long bootDelaySeconds, long actionDelaySeconds, double errorRate, int rateLimitBurst,
                              long latencyMillis, Integer failCreateWithStatus) {

    /** Default boot delay in seconds. */
    public static final long DEFAULT_BOOT_DELAY_SECONDS = 30;
    /** Default action delay in seconds. */
    public static final long DEFAULT_ACTION_DELAY_SECONDS = 5;
    /** Upper bound of {@code latencyMillis}, so that a typo cannot hang the server's threads. */
    public static final long MAX_LATENCY_MILLIS = 120_000;

    /**
     * Checks the ranges.
     *
     * @throws DigitalOceanException 400 {@code bad_request} when a value is out of range
     */
    public SandboxSettings {
        if (bootDelaySeconds < 0) {
            throw DigitalOceanException.badRequest("bootDelaySeconds must be 0 or more.");
        }
        if (actionDelaySeconds < 0) {
            throw DigitalOceanException.badRequest("actionDelaySeconds must be 0 or more.");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw DigitalOceanException.badRequest("errorRate must be between 0 and 1.");
        }
        if (rateLimitBurst < 0) {
            throw DigitalOceanException.badRequest("rateLimitBurst must be 0 or more.");
        }
        if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
            throw DigitalOceanException.badRequest("latencyMillis must be between 0 and " + MAX_LATENCY_MILLIS + ".");
        }
        if (failCreateWithStatus != null && (failCreateWithStatus < 400 || failCreateWithStatus > 599)) {
            throw DigitalOceanException.badRequest("failCreateWithStatus must be null or an HTTP status 400..599.");
        }
    }

    /**
     * @param bootDelaySeconds the boot delay
     * @param actionDelaySeconds the action delay
     * @return settings with these delays and no faults
     */
    public static SandboxSettings withoutFaults(long bootDelaySeconds, long actionDelaySeconds) {
        return new SandboxSettings(bootDelaySeconds, actionDelaySeconds, 0.0, 0, 0, null);
    }

    /** @return the defaults: boot 30 s, actions 5 s, no faults */
    public static SandboxSettings defaults() {
        return withoutFaults(DEFAULT_BOOT_DELAY_SECONDS, DEFAULT_ACTION_DELAY_SECONDS);
    }
}
