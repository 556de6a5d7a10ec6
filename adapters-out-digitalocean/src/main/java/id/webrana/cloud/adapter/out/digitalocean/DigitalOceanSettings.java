package id.webrana.cloud.adapter.out.digitalocean;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the adapter sends its requests and with which token, resolved from configuration.
 *
 * <p>Rules ({@link #resolve(Function)}):
 * <ul>
 *   <li>{@value #ACCESS_TOKEN} set (not blank): the real API at {@value #API_URL} (default
 *       {@value #DEFAULT_API_URL}) with that token.</li>
 *   <li>{@value #ACCESS_TOKEN} unset or blank: the built-in simulator at {@value #SANDBOX_URL} (default
 *       {@value #DEFAULT_SANDBOX_URL}) with the token {@value #SANDBOX_TOKEN}. The simulator serves the same
 *       {@code /v2/...} paths beneath its base URL.</li>
 *   <li>{@value #CONNECT_TIMEOUT_MS} / {@value #READ_TIMEOUT_MS}: HTTP timeouts in milliseconds (defaults 5 000 and
 *       20 000).</li>
 * </ul>
 * A trailing {@code /} on a URL is dropped. {@link #toString()} never shows the token.
 *
 * @param baseUri        base URI without {@code /v2}
 * @param token          bearer token
 * @param sandbox        true when the simulator is used
 * @param connectTimeout HTTP connect timeout
 * @param readTimeout    HTTP read timeout
 */
public record DigitalOceanSettings(URI baseUri, String token, boolean sandbox, Duration connectTimeout,
                                   Duration readTimeout) {

    /** Config key of the DigitalOcean personal access token; its absence selects the simulator. */
    public static final String ACCESS_TOKEN = "DO_ACCESS_TOKEN";
    /** Config key of the real API's base URL. */
    public static final String API_URL = "DIGITALOCEAN_API_URL";
    /** Config key of the simulator's base URL. */
    public static final String SANDBOX_URL = "SANDBOX_DIGITALOCEAN_URL";
    /** Config key of the connect timeout in milliseconds. */
    public static final String CONNECT_TIMEOUT_MS = "DIGITALOCEAN_CONNECT_TIMEOUT_MS";
    /** Config key of the read timeout in milliseconds. */
    public static final String READ_TIMEOUT_MS = "DIGITALOCEAN_READ_TIMEOUT_MS";

    /** The real API. */
    public static final String DEFAULT_API_URL = "https://api.digitalocean.com";
    /** The simulator served by the platform's own sandbox module. */
    public static final String DEFAULT_SANDBOX_URL = "http://localhost:9080/sandbox/digitalocean";
    /** The token the simulator accepts. */
    public static final String SANDBOX_TOKEN = "sandbox-token";
    /** Default HTTP connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default HTTP read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    public DigitalOceanSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("DigitalOcean timeouts must be positive");
        }
    }

    /** Settings for an explicit base URL and token with the default timeouts (tests, tools). */
    public static DigitalOceanSettings of(String baseUrl, String token) {
        return new DigitalOceanSettings(parseUrl("base URL", baseUrl), token, false, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT);
    }

    /** The same settings with other timeouts. */
    public DigitalOceanSettings withTimeouts(Duration connect, Duration read) {
        return new DigitalOceanSettings(baseUri, token, sandbox, connect, read);
    }

    /**
     * Resolves the settings from a configuration lookup, e.g.
     * {@code name -> config.getOptionalValue(name, String.class)} with MicroProfile Config.
     *
     * @throws IllegalArgumentException when a URL or timeout is malformed (fail fast at start-up)
     */
    public static DigitalOceanSettings resolve(Function<String, Optional<String>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        Optional<String> token = value(lookup, ACCESS_TOKEN);
        Duration connect = millis(lookup, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT);
        Duration read = millis(lookup, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT);
        if (token.isPresent()) {
            String url = value(lookup, API_URL).orElse(DEFAULT_API_URL);
            return new DigitalOceanSettings(parseUrl(API_URL, url), token.get(), false, connect, read);
        }
        String url = value(lookup, SANDBOX_URL).orElse(DEFAULT_SANDBOX_URL);
        return new DigitalOceanSettings(parseUrl(SANDBOX_URL, url), SANDBOX_TOKEN, true, connect, read);
    }

    private static Optional<String> value(Function<String, Optional<String>> lookup, String key) {
        Optional<String> raw = lookup.apply(key);
        return raw == null ? Optional.empty() : raw.map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Duration millis(Function<String, Optional<String>> lookup, String key, Duration fallback) {
        Optional<String> raw = value(lookup, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long ms = Long.parseLong(raw.get());
            if (ms <= 0) {
                throw new IllegalArgumentException(key + " must be a positive number of milliseconds: " + raw.get());
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of milliseconds: " + raw.get(), e);
        }
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

    /** Shows where requests go, never the token. */
    @Override
    public String toString() {
        return "DigitalOceanSettings[baseUri=" + baseUri + ", sandbox=" + sandbox + ", token=***"
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
