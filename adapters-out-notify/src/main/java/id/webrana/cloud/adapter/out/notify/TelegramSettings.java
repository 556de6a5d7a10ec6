package id.webrana.cloud.adapter.out.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Telegram bot {@link TelegramBotClient} speaks for, resolved from configuration ({@link #resolve(Function)}):
 * <ul>
 *   <li>{@value #BOT_TOKEN}: the bot token from BotFather ({@code <bot id>:<secret>}). Unset or blank: the bot is
 *       not configured and nothing is sent to Telegram.</li>
 *   <li>{@value #API_URL}: default {@value #DEFAULT_API_URL} (a local stub in tests).</li>
 *   <li>{@value #BOT_USERNAME}: the bot's username for {@code t.me} links; unset: asked once with {@code getMe}.</li>
 *   <li>{@value #CONNECT_TIMEOUT_MS} / {@value #READ_TIMEOUT_MS}: HTTP timeouts in milliseconds (defaults 5 000 and
 *       15 000). Long polling ({@code getUpdates}) waits up to {@link TelegramBotClient#MAX_POLL_SECONDS} on top of
 *       the read timeout.</li>
 * </ul>
 * The token is a secret and part of every request path ({@code /bot<token>/sendMessage}): {@link #toString()} never
 * shows it, and {@link #mask(String)} removes it from any text before it is logged or put in an exception.
 *
 * @param token          bot token, or null when the bot is not configured
 * @param apiUri         the Bot API base URL, without a trailing {@code /}
 * @param username       the bot's username without {@code @}, or null to ask Telegram
 * @param connectTimeout HTTP connect timeout
 * @param readTimeout    HTTP read timeout
 */
public record TelegramSettings(String token, URI apiUri, String username, Duration connectTimeout,
                               Duration readTimeout) {

    /** Config key of the bot token; its absence means the bot is not configured. */
    public static final String BOT_TOKEN = "TELEGRAM_BOT_TOKEN";
    /** Config key of the Bot API base URL. */
    public static final String API_URL = "TELEGRAM_API_URL";
    /** Config key of the bot's username. */
    public static final String BOT_USERNAME = "TELEGRAM_BOT_USERNAME";
    /** Config key of the connect timeout in milliseconds. */
    public static final String CONNECT_TIMEOUT_MS = "TELEGRAM_CONNECT_TIMEOUT_MS";
    /** Config key of the read timeout in milliseconds. */
    public static final String READ_TIMEOUT_MS = "TELEGRAM_READ_TIMEOUT_MS";

    /** The real Bot API. */
    public static final String DEFAULT_API_URL = "https://api.telegram.org";
    /** Default HTTP connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default HTTP read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private static final String MASK = "***";
    /** Characters a bot token may hold; anything else could change the meaning of the request URL. */
    private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[A-Za-z0-9:_-]+");

    /**
     * Checks the values; a blank token or username counts as absent, a leading {@code @} of the username is dropped.
     *
     * @throws IllegalArgumentException for a token with characters that have no place in a URL path, or
     *                                  non-positive timeouts (the message never contains the token)
     */
    public TelegramSettings {
        Objects.requireNonNull(apiUri, "apiUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        token = token == null || token.isBlank() ? null : token.trim();
        if (token != null && !TOKEN_CHARACTERS.matcher(token).matches()) {
            throw new IllegalArgumentException(BOT_TOKEN + " does not look like a bot token (<bot id>:<secret>, "
                    + "letters, digits, ':', '_' and '-' only)");
        }
        username = username == null || username.isBlank() ? null : username.trim().replaceFirst("^@", "");
        if (connectTimeout.isZero() || connectTimeout.isNegative() || readTimeout.isZero()
                || readTimeout.isNegative()) {
            throw new IllegalArgumentException("Telegram timeouts must be positive");
        }
    }

    /** A bot with this token at this API URL, default timeouts, username from {@code getMe} (tests, tools). */
    public static TelegramSettings of(String apiUrl, String token) {
        return new TelegramSettings(token, parseUrl(API_URL, apiUrl), null, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT);
    }

    /** The same settings with other timeouts. */
    public TelegramSettings withTimeouts(Duration connect, Duration read) {
        return new TelegramSettings(token, apiUri, username, connect, read);
    }

    /** The same settings with a configured username. */
    public TelegramSettings withUsername(String newUsername) {
        return new TelegramSettings(token, apiUri, newUsername, connectTimeout, readTimeout);
    }

    /** True when a token is set. */
    public boolean isConfigured() {
        return token != null;
    }

    /** {@code <apiUri>/bot<token>}: the base of every Bot API method URL. Holds the secret: never log it. */
    URI botUri() {
        if (token == null) {
            throw new IllegalStateException(BOT_TOKEN + " is not set");
        }
        return URI.create(apiUri + "/bot" + token);
    }

    /** The text with every occurrence of the token (also URL-encoded) replaced by {@code ***}. */
    public String mask(String text) {
        if (text == null || token == null) {
            return text;
        }
        return text.replace(token, MASK).replace(token.replace(":", "%3A"), MASK)
                .replace(token.replace(":", "%3a"), MASK);
    }

    /**
     * Resolves the settings from a configuration lookup, e.g.
     * {@code name -> config.getOptionalValue(name, String.class)} with MicroProfile Config.
     *
     * @throws IllegalArgumentException when the URL, token or a timeout is malformed (fail fast at start-up)
     */
    public static TelegramSettings resolve(Function<String, Optional<String>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return new TelegramSettings(value(lookup, BOT_TOKEN).orElse(null),
                parseUrl(API_URL, value(lookup, API_URL).orElse(DEFAULT_API_URL)),
                value(lookup, BOT_USERNAME).orElse(null),
                millis(lookup, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT),
                millis(lookup, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT));
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
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException(key + " must be an absolute http(s) URL without query: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + url, e);
        }
    }

    /** Shows where requests go, never the token. */
    @Override
    public String toString() {
        return "TelegramSettings[apiUri=" + apiUri + ", token=" + (token == null ? "none" : MASK) + ", username="
                + username + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
