package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "plan_promos")
public class PromoEntity {
    @Id
    public UUID id;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(name = "billing_period", nullable = false)
    public String period;
    public String name;
    @Column(name = "discount_type", nullable = false)
    public String discountType;
    @Column(name = "discount_value", nullable = false)
    public long discountValue;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(nullable = false)
    public boolean active;
}
