package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "provisioning_tasks")
public class ProvisioningTaskEntity {
    @Id
    public UUID id;
    @Column(name = "order_id", nullable = false, unique = true)
    public UUID orderId;
    @Column(nullable = false)
    public String status;
    @Column(name = "provider_server_id")
    public String providerServerId;
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(nullable = false)
    public Instant deadline;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "root_password")
    public String rootPassword;
    @Column(name = "agent_token")
    public String agentToken;
    @Version
    public long version;
}
