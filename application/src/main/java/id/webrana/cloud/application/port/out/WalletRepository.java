package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.billing.Wallet;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.UUID;

/**
 * Wallets and their append-only ledgers. The stored balance and the ledger change together in one
 * transaction, and the balance can never go below zero (also a database constraint).
 */
public interface WalletRepository {

    /** The user's wallet, locked until the transaction ends; created empty on first use. */
    Wallet lockForUpdate(UUID userId);

    /** The user's wallet as it is now (balance 0 if it was never used); not locked. */
    Wallet find(UUID userId);

    /** Stores the new balance and inserts the wallet's {@link Wallet#newEntries()}. */
    void save(Wallet wallet);

    /** The ledger, newest first. */
    Page<WalletEntry> entries(UUID userId, PageRequest page);

    /** Sum of the ledger's amounts (equals the balance; used by checks and tests). */
    long ledgerSum(UUID userId);

    /** Whether an entry of this type and reference exists (idempotent credits). */
    boolean hasEntry(UUID userId, WalletEntryType type, String reference);
}
