package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One row of the orders' audit trail; rows are only ever inserted. */
@Entity
@Table(name = "order_status_history")
public class OrderStatusChangeEntity {
    @Id
    public UUID id;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Column(nullable = false)
    public int seq;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status", nullable = false)
    public String toStatus;
    @Column(name = "actor_type", nullable = false)
    public String actorType;
    @Column(name = "actor_id", nullable = false)
    public String actorId;
    public String reason;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
