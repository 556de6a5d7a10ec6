package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification waiting to be delivered, or the record of its delivery (transactional outbox,
 * {@code notification_outbox}). Written and claimed with row-level SQL by {@code OutboxNotifier} and
 * {@code JpaNotificationOutbox}; the entity maps the table for JPQL reads.
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxMessageEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String template;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String locale;
    /** The template variables as a JSON object. */
    @Column(nullable = false)
    public String variables;
    @Column(name = "dedupe_key", nullable = false, unique = true)
    public String dedupeKey;
    @Column(nullable = false)
    public String status;
    public int attempts;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "claim_token")
    public UUID claimToken;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
}
