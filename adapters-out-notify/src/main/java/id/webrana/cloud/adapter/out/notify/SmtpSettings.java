package id.webrana.cloud.adapter.out.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SMTP server {@link SmtpEmailSender} delivers through, resolved from configuration
 * ({@link #resolve(Function)}):
 * <ul>
 *   <li>{@value #HOST}: the SMTP server. Unset or blank: SMTP is not configured ({@link #isConfigured()} is false)
 *       and nothing can be sent through it.</li>
 *   <li>{@value #PORT}: default {@value #DEFAULT_PORT} (submission).</li>
 *   <li>{@value #USER} / {@value #PASS}: SMTP AUTH credentials; no login when {@value #USER} is unset.</li>
 *   <li>{@value #STARTTLS}: default {@code true}. When true, STARTTLS is <em>required</em>: a server that does not
 *       offer it gets nothing (no fall-back to clear text), and the server's certificate must match its host name.
 *       </li>
 *   <li>{@value #FROM}: the {@code From} header, default {@value #DEFAULT_FROM}.</li>
 *   <li>{@value #CONNECT_TIMEOUT_MS}, {@value #READ_TIMEOUT_MS}, {@value #WRITE_TIMEOUT_MS}: socket timeouts in
 *       milliseconds (defaults 10 000, 30 000, 30 000).</li>
 * </ul>
 * {@link #toString()} never shows the password.
 *
 * @param host           SMTP host, or null when SMTP is not configured
 * @param port           SMTP port
 * @param user           login for SMTP AUTH, or null for none
 * @param password       password for SMTP AUTH, or null
 * @param startTls       whether STARTTLS is required
 * @param from           the sender, as written in the {@code From} header (may carry a display name)
 * @param connectTimeout socket connect timeout
 * @param readTimeout    socket read timeout (each server reply)
 * @param writeTimeout   socket write timeout
 */
public record SmtpSettings(String host, int port, String user, String password, boolean startTls, String from,
                           Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {

    /** Config key of the SMTP host; its absence means SMTP is not configured. */
    public static final String HOST = "SMTP_HOST";
    /** Config key of the SMTP port. */
    public static final String PORT = "SMTP_PORT";
    /** Config key of the SMTP AUTH login. */
    public static final String USER = "SMTP_USER";
    /** Config key of the SMTP AUTH password. */
    public static final String PASS = "SMTP_PASS";
    /** Config key of the STARTTLS switch ({@code true}/{@code false}). */
    public static final String STARTTLS = "SMTP_STARTTLS";
    /** Config key of the sender address. */
    public static final String FROM = "MAIL_FROM";
    /** Config key of the connect timeout in milliseconds. */
    public static final String CONNECT_TIMEOUT_MS = "SMTP_CONNECT_TIMEOUT_MS";
    /** Config key of the read timeout in milliseconds. */
    public static final String READ_TIMEOUT_MS = "SMTP_READ_TIMEOUT_MS";
    /** Config key of the write timeout in milliseconds. */
    public static final String WRITE_TIMEOUT_MS = "SMTP_WRITE_TIMEOUT_MS";

    /** The submission port. */
    public static final int DEFAULT_PORT = 587;
    /** The default sender. */
    public static final String DEFAULT_FROM = "WeBrana Cloud <no-reply@webrana.local>";
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default write timeout. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Checks the values; a blank host, user or password counts as absent.
     *
     * @throws IllegalArgumentException for a port outside 1..65535, a non-positive timeout or a malformed sender
     */
    public SmtpSettings {
        host = blankToNull(host);
        user = blankToNull(user);
        password = password == null || password.isEmpty() ? null : password;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PORT + " must be between 1 and 65535: " + port);
        }
        for (Duration d : new Duration[] {connectTimeout, readTimeout, writeTimeout}) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("SMTP timeouts must be positive");
            }
        }
        from = from.trim();
        sender(from);
    }

    /** A server at {@code host:port} without login or STARTTLS, with the default sender and timeouts (tests). */
    public static SmtpSettings of(String host, int port) {
        return new SmtpSettings(host, port, null, null, false, DEFAULT_FROM, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_WRITE_TIMEOUT);
    }

    /** The same settings with SMTP AUTH credentials. */
    public SmtpSettings withLogin(String newUser, String newPassword) {
        return new SmtpSettings(host, port, newUser, newPassword, startTls, from, connectTimeout, readTimeout,
                writeTimeout);
    }

    /** The same settings with STARTTLS required or not. */
    public SmtpSettings withStartTls(boolean required) {
        return new SmtpSettings(host, port, user, password, required, from, connectTimeout, readTimeout,
                writeTimeout);
    }

    /** The same settings with another sender. */
    public SmtpSettings withFrom(String newFrom) {
        return new SmtpSettings(host, port, user, password, startTls, newFrom, connectTimeout, readTimeout,
                writeTimeout);
    }

    /** The same settings with other timeouts. */
    public SmtpSettings withTimeouts(Duration connect, Duration read, Duration write) {
        return new SmtpSettings(host, port, user, password, startTls, from, connect, read, write);
    }

    /** True when an SMTP host is set. */
    public boolean isConfigured() {
        return host != null;
    }

    /** The sender as an address (display name included). */
    public InternetAddress fromAddress() {
        return sender(from);
    }

    /**
     * Resolves the settings from a configuration lookup, e.g.
     * {@code name -> config.getOptionalValue(name, String.class)} with MicroProfile Config.
     *
     * @throws IllegalArgumentException when a number, switch or the sender is malformed (fail fast at start-up)
     */
    public static SmtpSettings resolve(Function<String, Optional<String>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        String host = value(lookup, HOST).orElse(null);
        int port = value(lookup, PORT).map(SmtpSettings::port).orElse(DEFAULT_PORT);
        String user = value(lookup, USER).orElse(null);
        // a password may legitimately start or end with a space: not trimmed
        Optional<String> rawPassword = lookup.apply(PASS);
        String password = rawPassword == null ? null : rawPassword.orElse(null);
        boolean startTls = value(lookup, STARTTLS).map(SmtpSettings::bool).orElse(true);
        String from = value(lookup, FROM).orElse(DEFAULT_FROM);
        return new SmtpSettings(host, port, user, password, startTls, from,
                millis(lookup, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT),
                millis(lookup, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT),
                millis(lookup, WRITE_TIMEOUT_MS, DEFAULT_WRITE_TIMEOUT));
    }

    private static InternetAddress sender(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(FROM + " is not a valid email address: " + from, e);
        }
    }

    private static int port(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT + " must be a number: " + raw, e);
        }
    }

    private static boolean bool(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(STARTTLS + " must be true or false: " + raw);
        };
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

    private static Optional<String> value(Function<String, Optional<String>> lookup, String key) {
        Optional<String> raw = lookup.apply(key);
        return raw == null ? Optional.empty() : raw.map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Shows the server, login and switches, never the password. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + ", startTls=" + startTls + ", from=" + from
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + "]";
    }
}
