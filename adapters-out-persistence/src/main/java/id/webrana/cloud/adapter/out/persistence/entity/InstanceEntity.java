package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A customer's server and its paid life ({@code instances}). */
@Entity
@Table(name = "instances")
public class InstanceEntity {
    @Id
    public UUID id;
    @Column(name = "order_id", nullable = false, unique = true)
    public UUID orderId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String provider;
    @Column(name = "provider_server_id", nullable = false)
    public String providerServerId;
    public String hostname;
    public String region;
    @Column(name = "size_slug")
    public String sizeSlug;
    @Column(name = "image_slug")
    public String imageSlug;
    public String ipv4;
    public String ipv6;
    @Column(nullable = false)
    public String status;
    @Column(name = "provider_created_at")
    public Instant providerCreatedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(nullable = false)
    public String period;
    @Column(name = "renewal_price", nullable = false)
    public long renewalPrice;
    @Column(name = "auto_renew", nullable = false)
    public boolean autoRenew;
    public String suspension;
    @Column(name = "suspended_at")
    public Instant suspendedAt;
    @Column(name = "terminated_at")
    public Instant terminatedAt;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "next_lifecycle_at")
    public Instant nextLifecycleAt;
    @Column(name = "agent_token_hash")
    public String agentTokenHash;

    @Column(name = "agent_token_pending_hash")
    public String agentTokenPendingHash;

    @Column(name = "agent_token_rotated", nullable = false)
    public boolean agentTokenRotated;
    @Version
    public long version;
    /**
     * Set once the repository saved this row in the current persistence context (one per transaction): later
     * saves in the same transaction are its own writes, which moved {@link #version} on at each flush (EclipseLink
     * also starts a new row at 1, while a new aggregate says 0). The write itself is still guarded by the version.
     */
    @Transient
    public boolean savedInThisTransaction;
}
