package id.webrana.cloud.domain.billing;

import id.webrana.cloud.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a wallet's append-only ledger; entries are never changed or deleted.
 *
 * @param amount       signed whole rupiah: positive credits, negative debits
 * @param reference    what caused it (an invoice number, a gateway reference), unique per type and wallet
 * @param balanceAfter the balance once this entry applied
 */
public record WalletEntry(UUID id, UUID userId, long amount, WalletEntryType type, String reference,
                          String description, Actor actor, Instant createdAt, long balanceAfter) {
    public WalletEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(createdAt, "createdAt");
        if (amount == 0) {
            throw new IllegalArgumentException("a ledger entry moves money");
        }
    }
}
