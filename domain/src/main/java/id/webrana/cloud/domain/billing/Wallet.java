package id.webrana.cloud.domain.billing;

import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's balance in rupiah, kept as an append-only ledger.
 *
 * <p>Invariant: the balance is never negative and always equals the sum of the ledger's entries.
 * Every movement goes through {@link #credit} or {@link #debit}, which append a {@link WalletEntry}
 * carrying the balance after it; the repository stores the balance and the new entries together
 * under a row lock, so concurrent payments are applied one after the other.
 */
public final class Wallet {

    private final UUID userId;
    private long balance;
    private final List<WalletEntry> newEntries = new ArrayList<>();

    public Wallet(UUID userId, long balance) {
        this.userId = Objects.requireNonNull(userId, "userId");
        if (balance < 0) {
            throw new IllegalArgumentException("a wallet balance is never negative");
        }
        this.balance = balance;
    }

    /** Adds money: a deposit, bonus, refund, late payment or positive adjustment. */
    public WalletEntry credit(Money amount, WalletEntryType type, String reference, String description, Actor actor,
                              Instant now) {
        if (amount.isZero()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A credit must be more than Rp 0");
        }
        if (type == WalletEntryType.ORDER_PAYMENT || type == WalletEntryType.RENEWAL) {
            throw new IllegalArgumentException(type + " takes money, it cannot credit");
        }
        return append(amount.rupiah(), type, reference, description, actor, now);
    }

    /**
     * Takes money for a payment or a negative adjustment.
     *
     * @throws DomainException INSUFFICIENT_BALANCE when the balance does not cover it (nothing changes)
     */
    public WalletEntry debit(Money amount, WalletEntryType type, String reference, String description, Actor actor,
                             Instant now) {
        if (amount.isZero()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A debit must be more than Rp 0");
        }
        if (type == WalletEntryType.DEPOSIT || type == WalletEntryType.BONUS || type == WalletEntryType.REFUND) {
            throw new IllegalArgumentException(type + " adds money, it cannot debit");
        }
        if (balance < amount.rupiah()) {
            throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE,
                    "The wallet holds " + Money.rupiah(balance) + ", " + amount + " is needed");
        }
        return append(-amount.rupiah(), type, reference, description, actor, now);
    }

    private WalletEntry append(long signedAmount, WalletEntryType type, String reference, String description,
                               Actor actor, Instant now) {
        long after = Math.addExact(balance, signedAmount);
        WalletEntry entry = new WalletEntry(UUID.randomUUID(), userId, signedAmount, type, reference, description,
                actor, now, after);
        balance = after;
        newEntries.add(entry);
        return entry;
    }

    public UUID userId() { return userId; }
    public Money balance() { return Money.rupiah(balance); }

    /** Entries appended since the wallet was loaded, in order; the repository inserts them. */
    public List<WalletEntry> newEntries() { return List.copyOf(newEntries); }
}
