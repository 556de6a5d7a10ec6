package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A root password waiting to be shown or delivered ({@code server_credentials}); the secret is wiped after. */
@Entity
@Table(name = "server_credentials")
public class ServerCredentialEntity {
    @Id
    public UUID id;
    @Column(name = "instance_id", nullable = false)
    public UUID instanceId;
    @Column(nullable = false)
    public String kind;
    @Column(name = "action_id")
    public UUID actionId;
    public String secret;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "revealed_at")
    public Instant revealedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
