package id.webrana.cloud.sandbox.tripay;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulator's adjustable settings, as read and written by {@code GET/PUT /tripay/_control/config}.
 *
 * @param latencyMillis delay added to every API answer ({@code /tripay/api-sandbox/...})
 * @param errorRate probability 0..1 that an API request answers 500
 * @param callbackRetrySeconds delay between callback attempts (Tripay: 120 s, up to 3 retries)
 * @param dropCallbacks when true, status changes send no callback at all (to test reconciliation by
 *        {@code transaction/detail})
 * @param defaultCallbackUrl the merchant's default callback URL, used when a transaction has no
 *        {@code callback_url}; {@code null} for none
 * @param inactiveChannels channel codes switched off ({@code active:false}; creating a transaction on them is refused)
 */
public record TripaySettings(long latencyMillis, double errorRate, long callbackRetrySeconds, boolean dropCallbacks,
                             String defaultCallbackUrl, Set<String> inactiveChannels) {

    /** Tripay's delay between callback attempts. */
    public static final long DEFAULT_CALLBACK_RETRY_SECONDS = 120;
    /** Upper bound of {@code latencyMillis}, so that a typo cannot hang the server's threads. */
    public static final long MAX_LATENCY_MILLIS = 120_000;
    /** Upper bound of {@code callbackRetrySeconds} (one day). */
    public static final long MAX_CALLBACK_RETRY_SECONDS = 86_400;

    /**
     * Checks the ranges.
     *
     * @throws TripayException 400 when a value is out of range
     */
    public TripaySettings {
        if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
            throw TripayException.badRequest("latencyMillis must be between 0 and " + MAX_LATENCY_MILLIS + ".");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw TripayException.badRequest("errorRate must be between 0 and 1.");
        }
        if (callbackRetrySeconds < 0 || callbackRetrySeconds > MAX_CALLBACK_RETRY_SECONDS) {
            throw TripayException.badRequest(
                    "callbackRetrySeconds must be between 0 and " + MAX_CALLBACK_RETRY_SECONDS + ".");
        }
        if (defaultCallbackUrl != null && defaultCallbackUrl.isBlank()) {
            defaultCallbackUrl = null;
        }
        if (defaultCallbackUrl != null && !isHttpUrl(defaultCallbackUrl)) {
            throw TripayException.badRequest("defaultCallbackUrl must be null or an absolute http(s) URL.");
        }
        inactiveChannels = inactiveChannels == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new TreeSet<>(inactiveChannels));
    }

    /**
     * @param callbackRetrySeconds the retry delay
     * @param defaultCallbackUrl the merchant's default callback URL, or {@code null}
     * @return settings without faults
     */
    public static TripaySettings withoutFaults(long callbackRetrySeconds, String defaultCallbackUrl) {
        return new TripaySettings(0, 0.0, callbackRetrySeconds, false, defaultCallbackUrl, Set.of());
    }

    /** @return the defaults: no faults, retries every 120 s, no default callback URL */
    public static TripaySettings defaults() {
        return withoutFaults(DEFAULT_CALLBACK_RETRY_SECONDS, null);
    }

    /**
     * @param value a URL
     * @return whether it is an absolute http or https URL with a host
     */
    public static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
