package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an instance's history ({@code instance_events}), read through this entity and only ever
 * inserted with native SQL (so that a lifecycle step can be recorded {@code ON CONFLICT DO NOTHING}).
 * {@code seq} is filled by the database in insertion order and breaks ties between lines of the same instant.
 */
@Entity
@Table(name = "instance_events")
public class InstanceEventEntity {
    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public long seq;
    @Column(name = "instance_id", nullable = false)
    public UUID instanceId;
    @Column(nullable = false)
    public String type;
    @Column(name = "actor_type", nullable = false)
    public String actorType;
    @Column(name = "actor_id", nullable = false)
    public String actorId;
    public String detail;
    @Column(name = "step_key")
    public String stepKey;
    @Column(nullable = false)
    public Instant at;
}
