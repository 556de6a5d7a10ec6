package id.webrana.cloud.sandbox.tripay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The state machine of the simulated merchant account: validates and creates closed-payment transactions, and moves
 * them from UNPAID to PAID, EXPIRED or FAILED exactly once. Knows nothing about HTTP or callbacks. Thread-safe (all
 * state behind this object's lock).
 *
 * <p>Validation of {@code transaction/create}, in order: required fields, signature
 * {@code HMAC(privateKey, merchantCode + merchantRef + amount)}, channel exists and is active, item lines,
 * amount = Σ price × quantity, amount within the channel's limits, {@code customer_phone} for channels needing it,
 * {@code expired_time} in the future and within the channel's expiry limits (one minute of slack for clock skew).
 */
public final class TripaySimulator {

    /** Tripay's default time to pay when {@code expired_time} is absent (capped by the channel's maximum). */
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
    private static final long EXPIRY_SLACK_SECONDS = 60;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Clock clock;
    private final Channels channels;
    private final TripayCredentials credentials;
    private final Random random;
    private final Supplier<Set<String>> inactiveChannels;
    private final Map<String, Transaction> transactions = new LinkedHashMap<>();
    private long sequence;

    /**
     * @param clock the simulation clock
     * @param channels the merchant's channels
     * @param credentials the merchant's credentials (for the signature check and the reference prefix)
     * @param random the source of reference suffixes and pay codes
     * @param inactiveChannels the channel codes switched off, looked up at each creation
     */
    public TripaySimulator(Clock clock, Channels channels, TripayCredentials credentials, Random random,
                           Supplier<Set<String>> inactiveChannels) {
        this.clock = Objects.requireNonNull(clock);
        this.channels = Objects.requireNonNull(channels);
        this.credentials = Objects.requireNonNull(credentials);
        this.random = Objects.requireNonNull(random);
        this.inactiveChannels = Objects.requireNonNull(inactiveChannels);
    }

    /** @return the merchant's channels */
    public Channels channels() {
        return channels;
    }

    /**
     * @param channel a channel
     * @return whether it is switched on
     */
    public boolean isActive(ChannelSpec channel) {
        return !inactiveChannels.get().contains(channel.code());
    }

    /**
     * Validates a request and opens the transaction.
     *
     * @param r the request
     * @return the new UNPAID transaction
     * @throws TripayException a refusal ({@code success:false}, HTTP 200) naming the first problem found
     */
    public synchronized Transaction create(CreateTransactionRequest r) {
        requireText(r.method(), "method");
        requireText(r.merchantRef(), "merchant_ref");
        if (r.amount() == null) {
            throw TripayException.refused("The amount field is required.");
        }
        requireText(r.customerName(), "customer_name");
        requireText(r.customerEmail(), "customer_email");
        if (r.orderItems().isEmpty()) {
            throw TripayException.refused("The order_items field is required.");
        }
        requireText(r.signature(), "signature");
        long amount = r.amount();
        String expected = TripaySignatures.transaction(credentials, r.merchantRef(), amount);
        if (!TripaySignatures.matches(expected, r.signature())) {
            throw TripayException.refused("Invalid signature");
        }
        ChannelSpec channel = channels.find(r.method()).orElseThrow(
                () -> TripayException.refused("Payment method " + r.method() + " not found"));
        if (!isActive(channel)) {
            throw TripayException.refused("Payment method " + channel.code() + " is not active");
        }
        if (!r.customerEmail().contains("@") || r.customerEmail().chars().anyMatch(Character::isWhitespace)) {
            throw TripayException.refused("The customer_email must be a valid email address.");
        }
        checkUrl(r.callbackUrl(), "callback_url");
        checkUrl(r.returnUrl(), "return_url");
        long itemsTotal = itemsTotal(r.orderItems());
        if (itemsTotal != amount) {
            throw TripayException.refused("The amount (" + amount + ") does not match the total of order_items ("
                    + itemsTotal + ")");
        }
        if (amount < channel.minimumAmount()) {
            throw TripayException.refused("Minimum amount for " + channel.code() + " is " + channel.minimumAmount());
        }
        if (amount > channel.maximumAmount()) {
            throw TripayException.refused("Maximum amount for " + channel.code() + " is " + channel.maximumAmount());
        }
        if (channel.phoneRequired() && (r.customerPhone() == null || r.customerPhone().isBlank())) {
            throw TripayException.refused("The customer_phone field is required for " + channel.code() + ".");
        }
        Instant now = clock.instant();
        Instant expiresAt = expiry(channel, r.expiredTime(), now);

        sequence++;
        String reference = "DEV-T" + merchantNumber() + String.format("%06d", sequence) + letters(5);
        String payCode = switch (channel.kind()) {
            case VIRTUAL_ACCOUNT, CONVENIENCE_STORE -> payCode(channel.payCodePrefix());
            case QRIS, EWALLET -> null;
        };
        Fees fees = channel.fees(amount);
        String qr = channel.kind() == ChannelKind.QRIS ? Qris.payload(reference, amount + fees.customer()) : null;
        Transaction t = new Transaction(reference, r.merchantRef(), channel, r.customerName(), r.customerEmail(),
                blankToNull(r.customerPhone()), blankToNull(r.callbackUrl()), blankToNull(r.returnUrl()), amount,
                fees, payCode, qr, r.orderItems(), TransactionStatus.UNPAID, now, expiresAt, null, null);
        transactions.put(reference, t);
        return t;
    }

    /**
     * @param reference a Tripay reference
     * @return the transaction now, if it exists
     */
    public synchronized Optional<Transaction> find(String reference) {
        return Optional.ofNullable(reference == null ? null : transactions.get(reference));
    }

    /** @return every transaction, oldest first */
    public synchronized List<Transaction> all() {
        return List.copyOf(transactions.values());
    }

    /**
     * Moves an UNPAID transaction to a final status (the customer paid, gave up, or the payment failed).
     *
     * @param reference the reference
     * @param status PAID, EXPIRED or FAILED
     * @return the transaction in its new status
     * @throws TripayException 404 for an unknown reference, 409 when it is no longer UNPAID
     */
    public synchronized Transaction settle(String reference, TransactionStatus status) {
        if (status == TransactionStatus.UNPAID || status == TransactionStatus.REFUND) {
            throw new IllegalArgumentException("cannot settle to " + status);
        }
        Transaction t = find(reference).orElseThrow(
                () -> TripayException.notFound("Transaction " + reference + " not found"));
        if (t.status() != TransactionStatus.UNPAID) {
            throw TripayException.conflict("Transaction " + reference + " is already " + t.status());
        }
        Transaction settled = t.settle(status, clock.instant());
        transactions.put(reference, settled);
        return settled;
    }

    /**
     * Expires every UNPAID transaction whose {@code expired_time} has passed.
     *
     * @return the transactions expired by this call (each is returned by exactly one call)
     */
    public synchronized List<Transaction> expireDue() {
        Instant now = clock.instant();
        List<Transaction> expired = new ArrayList<>();
        for (Transaction t : List.copyOf(transactions.values())) {
            if (t.status() == TransactionStatus.UNPAID && !now.isBefore(t.expiresAt())) {
                Transaction e = t.settle(TransactionStatus.EXPIRED, now);
                transactions.put(t.reference(), e);
                expired.add(e);
            }
        }
        return expired;
    }

    /** Forgets every transaction. */
    public synchronized void reset() {
        transactions.clear();
    }

    private Instant expiry(ChannelSpec channel, Long expiredTime, Instant now) {
        if (expiredTime == null) {
            Duration max = Duration.ofMinutes(channel.maxExpiryMinutes());
            return now.plus(max.compareTo(DEFAULT_EXPIRY) < 0 ? max : DEFAULT_EXPIRY);
        }
        long ahead = expiredTime - now.getEpochSecond();
        if (ahead <= 0) {
            throw TripayException.refused("The expired_time must be a time in the future.");
        }
        if (ahead < channel.minExpiryMinutes() * 60L - EXPIRY_SLACK_SECONDS
                || ahead > channel.maxExpiryMinutes() * 60L + EXPIRY_SLACK_SECONDS) {
            throw TripayException.refused("The expired_time for " + channel.code() + " must be between "
                    + channel.minExpiryMinutes() + " and " + channel.maxExpiryMinutes() + " minutes from now.");
        }
        return Instant.ofEpochSecond(expiredTime);
    }

    private static long itemsTotal(List<OrderItem> items) {
        long total = 0;
        try {
            for (OrderItem item : items) {
                if (item.name().isBlank()) {
                    throw TripayException.refused("The order_items.name field is required.");
                }
                if (item.price() < 0) {
                    throw TripayException.refused("The order_items.price must be at least 0.");
                }
                if (item.quantity() < 1) {
                    throw TripayException.refused("The order_items.quantity must be at least 1.");
                }
                total = Math.addExact(total, item.subtotal());
            }
        } catch (ArithmeticException e) {
            throw TripayException.refused("The order_items total is too large.");
        }
        return total;
    }

    private String merchantNumber() {
        String digits = credentials.merchantCode().replaceAll("\\D", "");
        return digits.isEmpty() ? "26000" : digits;
    }

    private String letters(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    private String payCode(String prefix) {
        StringBuilder s = new StringBuilder(prefix == null ? "" : prefix);
        s.append(1 + random.nextInt(9));
        while (s.length() < 10) {
            s.append(random.nextInt(10));
        }
        return s.append(String.format("%06d", sequence % 1_000_000)).toString();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw TripayException.refused("The " + field + " field is required.");
        }
    }

    private static void checkUrl(String value, String field) {
        if (value != null && !value.isBlank() && !TripaySettings.isHttpUrl(value)) {
            throw TripayException.refused("The " + field + " must be a valid URL.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
