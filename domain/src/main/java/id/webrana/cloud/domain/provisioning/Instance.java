package id.webrana.cloud.domain.provisioning;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's running server, as recorded when provisioning finished: which provider holds it,
 * under which id, and how to reach it. Lifecycle (power, renewal, suspension) builds on it later.
 */
public final class Instance {

    public enum Status { ACTIVE, OFF, SUSPENDED, TERMINATED }

    private final UUID id;
    private final UUID orderId;
    private final UUID userId;
    private final String provider;
    private final String providerServerId;
    private final String hostname;
    private final String region;
    private final String sizeSlug;
    private final String imageSlug;
    private final String ipv4;
    private final String ipv6;
    private Status status;
    private final Instant providerCreatedAt;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final long version;

    public Instance(UUID id, UUID orderId, UUID userId, String provider, String providerServerId, String hostname,
                    String region, String sizeSlug, String imageSlug, String ipv4, String ipv6, Status status,
                    Instant providerCreatedAt, Instant createdAt, Instant expiresAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.orderId = Objects.requireNonNull(orderId);
        this.userId = Objects.requireNonNull(userId);
        this.provider = Objects.requireNonNull(provider);
        this.providerServerId = Objects.requireNonNull(providerServerId);
        this.hostname = hostname;
        this.region = region;
        this.sizeSlug = sizeSlug;
        this.imageSlug = imageSlug;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.status = Objects.requireNonNull(status);
        this.providerCreatedAt = providerCreatedAt;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = expiresAt;
        this.version = version;
    }

    public UUID id() { return id; }
    public UUID orderId() { return orderId; }
    public UUID userId() { return userId; }
    public String provider() { return provider; }
    public String providerServerId() { return providerServerId; }
    public String hostname() { return hostname; }
    public String region() { return region; }
    public String sizeSlug() { return sizeSlug; }
    public String imageSlug() { return imageSlug; }
    public String ipv4() { return ipv4; }
    public String ipv6() { return ipv6; }
    public Status status() { return status; }
    public Instant providerCreatedAt() { return providerCreatedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public long version() { return version; }
}
