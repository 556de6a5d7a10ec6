package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An action asked of a server ({@code instance_actions}); at most one per instance is IN_PROGRESS. */
@Entity
@Table(name = "instance_actions")
public class InstanceActionEntity {
    @Id
    public UUID id;
    @Column(name = "instance_id", nullable = false)
    public UUID instanceId;
    @Column(nullable = false)
    public String type;
    @Column(nullable = false)
    public String status;
    @Column(name = "provider_action_id")
    public String providerActionId;
    @Column(name = "requested_by_type", nullable = false)
    public String requestedByType;
    @Column(name = "requested_by_id", nullable = false)
    public String requestedById;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    public String error;
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
