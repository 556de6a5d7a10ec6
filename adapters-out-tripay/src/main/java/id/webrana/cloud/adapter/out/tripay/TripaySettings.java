package id.webrana.cloud.adapter.out.tripay;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the Tripay adapter sends its requests, with which credentials, and how patiently, resolved from
 * configuration.
 *
 * <p>Rules ({@link #resolve(Function)}):
 * <ul>
 *   <li>{@value #API_KEY}, {@value #PRIVATE_KEY} and {@value #MERCHANT_CODE} all set: real Tripay. {@value #MODE}
 *       chooses {@code sandbox} (the default: no real money moves) at {@value #SANDBOX_API_URL} or {@code production}
 *       at {@value #PRODUCTION_API_URL}; {@value #API_URL} overrides the URL of either.</li>
 *   <li>none of the three set: the platform's built-in simulator at {@value #SIMULATOR_URL} (default
 *       {@value #DEFAULT_SIMULATOR_URL}) with the fixed simulator credentials {@value #SIMULATOR_MERCHANT_CODE},
 *       {@value #SIMULATOR_API_KEY} and {@value #SIMULATOR_PRIVATE_KEY}. The simulator serves Tripay's paths
 *       ({@code merchant/payment-channel}, {@code merchant/fee-calculator}, {@code transaction/create},
 *       {@code transaction/detail}) beneath its base URL. {@value #API_URL} is ignored there.</li>
 *   <li>only some of the three set, an unknown {@value #MODE}, or {@code TRIPAY_MODE=production} without credentials:
 *       refused with an {@link IllegalArgumentException}, so that a half-configured production server fails at
 *       start-up instead of silently taking orders against the simulator.</li>
 *   <li>{@value #CONNECT_TIMEOUT_MS} / {@value #READ_TIMEOUT_MS}: HTTP timeouts in milliseconds (defaults 5 000 and
 *       10 000); {@value #CHANNEL_CACHE_SECONDS}: how long the channel list is served from memory (default 300,
 *       0 = ask Tripay every time); {@value #READ_RETRIES} / {@value #RETRY_DELAY_MS}: retries of the idempotent
 *       reads after an unavailable answer (default 2) and the first backoff (default 300 ms, doubled each time,
 *       plus jitter).</li>
 * </ul>
 * A trailing {@code /} on a URL is dropped. {@link #toString()} never shows the API key or the private key.
 *
 * @param mode            simulator, Tripay's sandbox, or production
 * @param baseUri         base URI under which {@code merchant/...} and {@code transaction/...} live
 * @param apiKey          sent as {@code Authorization: Bearer <apiKey>}
 * @param privateKey      HMAC key of the transaction and callback signatures
 * @param merchantCode    the merchant code, part of the transaction signature
 * @param connectTimeout  HTTP connect timeout
 * @param readTimeout     HTTP read timeout
 * @param channelCacheTtl how long a fetched channel list is served without asking Tripay again
 * @param readRetries     retries of an idempotent read after an unavailable answer (0 = one attempt)
 * @param retryDelay      wait before the first retry; doubled for each further one, plus up to half of it as jitter
 */
public record TripaySettings(Mode mode, URI baseUri, String apiKey, String privateKey, String merchantCode,
                             Duration connectTimeout, Duration readTimeout, Duration channelCacheTtl, int readRetries,
                             Duration retryDelay) {

    /** Which Tripay the adapter talks to. */
    public enum Mode {
        /** The platform's built-in simulator (no credentials configured). */
        SIMULATOR,
        /** Tripay's sandbox: real API, test money. */
        SANDBOX,
        /** Tripay production: real money. */
        PRODUCTION
    }

    /** Config key of the API key; with {@link #PRIVATE_KEY} and {@link #MERCHANT_CODE} it selects real Tripay. */
    public static final String API_KEY = "TRIPAY_API_KEY";
    /** Config key of the merchant's private key (HMAC key). */
    public static final String PRIVATE_KEY = "TRIPAY_PRIVATE_KEY";
    /** Config key of the merchant code. */
    public static final String MERCHANT_CODE = "TRIPAY_MERCHANT_CODE";
    /** Config key of the mode: {@code sandbox} (default) or {@code production}. */
    public static final String MODE = "TRIPAY_MODE";
    /** Config key overriding the real API's base URL (of the sandbox or production, whichever the mode says). */
    public static final String API_URL = "TRIPAY_API_URL";
    /** Config key of the simulator's base URL. */
    public static final String SIMULATOR_URL = "SANDBOX_TRIPAY_URL";
    /** Config key of the connect timeout in milliseconds. */
    public static final String CONNECT_TIMEOUT_MS = "TRIPAY_CONNECT_TIMEOUT_MS";
    /** Config key of the read timeout in milliseconds. */
    public static final String READ_TIMEOUT_MS = "TRIPAY_READ_TIMEOUT_MS";
    /** Config key of the channel list's cache lifetime in seconds. */
    public static final String CHANNEL_CACHE_SECONDS = "TRIPAY_CHANNEL_CACHE_SECONDS";
    /** Config key of the number of retries of idempotent reads. */
    public static final String READ_RETRIES = "TRIPAY_READ_RETRIES";
    /** Config key of the first retry's delay in milliseconds. */
    public static final String RETRY_DELAY_MS = "TRIPAY_RETRY_DELAY_MS";

    /** Tripay's sandbox API. */
    public static final String SANDBOX_API_URL = "https://tripay.co.id/api-sandbox";
    /** Tripay's production API. */
    public static final String PRODUCTION_API_URL = "https://tripay.co.id/api";
    /** The simulator served by the platform's own sandbox module. */
    public static final String DEFAULT_SIMULATOR_URL = "http://localhost:9080/sandbox/tripay/api-sandbox";
    /** The merchant code the simulator expects. */
    public static final String SIMULATOR_MERCHANT_CODE = "T-SANDBOX";
    /** The API key the simulator accepts. */
    public static final String SIMULATOR_API_KEY = "DEV-webrana-sandbox";
    /** The private key the simulator signs callbacks and checks transaction signatures with. */
    public static final String SIMULATOR_PRIVATE_KEY = "webrana-sandbox-private-key";

    /** Default HTTP connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default HTTP read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Default lifetime of the cached channel list. */
    public static final Duration DEFAULT_CHANNEL_CACHE_TTL = Duration.ofSeconds(300);
    /** Default number of retries of an idempotent read. */
    public static final int DEFAULT_READ_RETRIES = 2;
    /** Default delay before the first retry. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(300);
    /** Upper bound of {@link #readRetries()}, so that a typo cannot make a read hammer Tripay. */
    public static final int MAX_READ_RETRIES = 5;

    public TripaySettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(baseUri, "baseUri");
        requireText(apiKey, "apiKey");
        requireText(privateKey, "privateKey");
        requireText(merchantCode, "merchantCode");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(channelCacheTtl, "channelCacheTtl");
        if (channelCacheTtl.isNegative()) {
            throw new IllegalArgumentException("the Tripay channel cache lifetime must not be negative");
        }
        if (readRetries < 0 || readRetries > MAX_READ_RETRIES) {
            throw new IllegalArgumentException("Tripay read retries must be 0.." + MAX_READ_RETRIES + ": "
                    + readRetries);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (retryDelay.isNegative()) {
            throw new IllegalArgumentException("the Tripay retry delay must not be negative");
        }
    }

    /**
     * Settings for an explicit base URL and credentials (mode {@link Mode#SANDBOX}) with the default timeouts, cache
     * lifetime and retries (tests, tools).
     */
    public static TripaySettings of(String baseUrl, String apiKey, String privateKey, String merchantCode) {
        return new TripaySettings(Mode.SANDBOX, parseUrl("base URL", baseUrl), apiKey, privateKey, merchantCode,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_CHANNEL_CACHE_TTL, DEFAULT_READ_RETRIES,
                DEFAULT_RETRY_DELAY);
    }

    /** The same settings with other HTTP timeouts. */
    public TripaySettings withTimeouts(Duration connect, Duration read) {
        return new TripaySettings(mode, baseUri, apiKey, privateKey, merchantCode, connect, read, channelCacheTtl,
                readRetries, retryDelay);
    }

    /** The same settings with another channel cache lifetime. */
    public TripaySettings withChannelCacheTtl(Duration ttl) {
        return new TripaySettings(mode, baseUri, apiKey, privateKey, merchantCode, connectTimeout, readTimeout, ttl,
                readRetries, retryDelay);
    }

    /** The same settings with another read retry policy. */
    public TripaySettings withReadRetries(int retries, Duration firstDelay) {
        return new TripaySettings(mode, baseUri, apiKey, privateKey, merchantCode, connectTimeout, readTimeout,
                channelCacheTtl, retries, firstDelay);
    }

    /** True when the built-in simulator is used. */
    public boolean simulator() {
        return mode == Mode.SIMULATOR;
    }

    /**
     * Resolves the settings from a configuration lookup, e.g.
     * {@code name -> config.getOptionalValue(name, String.class)} with MicroProfile Config.
     *
     * @throws IllegalArgumentException on partial credentials, an unknown mode, production without credentials, or
     *                                  a malformed URL or number (fail fast at start-up)
     */
    public static TripaySettings resolve(Function<String, Optional<String>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        Optional<String> apiKey = value(lookup, API_KEY);
        Optional<String> privateKey = value(lookup, PRIVATE_KEY);
        Optional<String> merchantCode = value(lookup, MERCHANT_CODE);
        Optional<Mode> requestedMode = value(lookup, MODE).map(TripaySettings::parseMode);
        Duration connect = millis(lookup, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT, false);
        Duration read = millis(lookup, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT, false);
        Duration ttl = seconds(lookup, CHANNEL_CACHE_SECONDS, DEFAULT_CHANNEL_CACHE_TTL);
        int retries = integer(lookup, READ_RETRIES, DEFAULT_READ_RETRIES);
        Duration retryDelay = millis(lookup, RETRY_DELAY_MS, DEFAULT_RETRY_DELAY, true);

        int present = (apiKey.isPresent() ? 1 : 0) + (privateKey.isPresent() ? 1 : 0)
                + (merchantCode.isPresent() ? 1 : 0);
        if (present == 0) {
            if (requestedMode.orElse(Mode.SANDBOX) == Mode.PRODUCTION) {
                throw new IllegalArgumentException(MODE + "=production needs " + API_KEY + ", " + PRIVATE_KEY
                        + " and " + MERCHANT_CODE);
            }
            String url = value(lookup, SIMULATOR_URL).orElse(DEFAULT_SIMULATOR_URL);
            return new TripaySettings(Mode.SIMULATOR, parseUrl(SIMULATOR_URL, url), SIMULATOR_API_KEY,
                    SIMULATOR_PRIVATE_KEY, SIMULATOR_MERCHANT_CODE, connect, read, ttl, retries, retryDelay);
        }
        if (present < 3) {
            StringBuilder missing = new StringBuilder();
            appendIfMissing(missing, apiKey, API_KEY);
            appendIfMissing(missing, privateKey, PRIVATE_KEY);
            appendIfMissing(missing, merchantCode, MERCHANT_CODE);
            throw new IllegalArgumentException("Tripay is only partly configured: " + missing
                    + " missing (set all of " + API_KEY + ", " + PRIVATE_KEY + ", " + MERCHANT_CODE
                    + ", or none of them for the built-in simulator)");
        }
        Mode mode = requestedMode.orElse(Mode.SANDBOX);
        String defaultUrl = mode == Mode.PRODUCTION ? PRODUCTION_API_URL : SANDBOX_API_URL;
        String url = value(lookup, API_URL).orElse(defaultUrl);
        return new TripaySettings(mode, parseUrl(API_URL, url), apiKey.get(), privateKey.get(), merchantCode.get(),
                connect, read, ttl, retries, retryDelay);
    }

    private static void appendIfMissing(StringBuilder missing, Optional<String> value, String key) {
        if (value.isEmpty()) {
            missing.append(missing.length() == 0 ? "" : ", ").append(key);
        }
    }

    private static Mode parseMode(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "sandbox" -> Mode.SANDBOX;
            case "production" -> Mode.PRODUCTION;
            default -> throw new IllegalArgumentException(MODE + " must be sandbox or production: " + raw);
        };
    }

    private static Optional<String> value(Function<String, Optional<String>> lookup, String key) {
        Optional<String> raw = lookup.apply(key);
        return raw == null ? Optional.empty() : raw.map(String::trim).filter(s -> !s.isEmpty());
    }

    private static long number(Function<String, Optional<String>> lookup, String key, long fallback, long min,
                               String what) {
        Optional<String> raw = value(lookup, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(raw.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be " + what + ": " + raw.get(), e);
        }
        if (parsed < min) {
            throw new IllegalArgumentException(key + " must be " + what + ": " + raw.get());
        }
        return parsed;
    }

    private static Duration millis(Function<String, Optional<String>> lookup, String key, Duration fallback,
                                   boolean zeroAllowed) {
        return Duration.ofMillis(number(lookup, key, fallback.toMillis(), zeroAllowed ? 0 : 1,
                zeroAllowed ? "a number of milliseconds >= 0" : "a positive number of milliseconds"));
    }

    private static Duration seconds(Function<String, Optional<String>> lookup, String key, Duration fallback) {
        return Duration.ofSeconds(number(lookup, key, fallback.toSeconds(), 0, "a number of seconds >= 0"));
    }

    private static int integer(Function<String, Optional<String>> lookup, String key, int fallback) {
        long parsed = number(lookup, key, fallback, 0, "a number 0.." + MAX_READ_RETRIES);
        if (parsed > MAX_READ_RETRIES) {
            throw new IllegalArgumentException(key + " must be a number 0.." + MAX_READ_RETRIES + ": " + parsed);
        }
        return (int) parsed;
    }

    private static URI parseUrl(String key, String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(key + " must be an absolute http(s) URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + url, e);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the Tripay " + name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the Tripay " + name + " must be positive");
        }
    }

    /** Shows where requests go and how, never the API key or the private key. */
    @Override
    public String toString() {
        return "TripaySettings[mode=" + mode + ", baseUri=" + baseUri + ", merchantCode=" + merchantCode
                + ", apiKey=***, privateKey=***, connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", channelCacheTtl=" + channelCacheTtl + ", readRetries=" + readRetries + ", retryDelay="
                + retryDelay + "]";
    }
}
