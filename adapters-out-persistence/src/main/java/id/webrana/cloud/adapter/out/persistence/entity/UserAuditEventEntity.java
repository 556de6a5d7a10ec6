package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an account's audit trail ({@code user_audit_events}), read through this entity and only ever inserted
 * with native SQL when recorded; {@code seq} is numbered by the database in insertion order and breaks ties between
 * lines of the same instant.
 */
@Entity
@Table(name = "user_audit_events")
public class UserAuditEventEntity {
    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String type;
    @Column(name = "actor_type", nullable = false)
    public String actorType;
    @Column(name = "actor_id", nullable = false)
    public String actorId;
    public String detail;
    @Column(nullable = false)
    public Instant at;
}
