package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a wallet's append-only ledger; rows are only ever inserted. The balance itself lives
 * in {@code wallets}, written with row-level SQL by {@code JpaWalletRepository}.
 */
@Entity
@Table(name = "wallet_entries")
public class WalletEntryEntity {
    @Id
    public UUID id;
    /** Insertion order, assigned by the database (an identity column); orders the ledger. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    /** Signed whole rupiah: positive credits, negative debits. */
    @Column(nullable = false)
    public long amount;
    @Column(name = "type", nullable = false)
    public String entryType;
    @Column(nullable = false)
    public String reference;
    public String description;
    @Column(name = "actor_type", nullable = false)
    public String actorType;
    @Column(name = "actor_id", nullable = false)
    public String actorId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "balance_after", nullable = false)
    public long balanceAfter;
}
