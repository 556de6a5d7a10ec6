package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

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
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Version
    public long version;
}
