package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A callback a payment gateway sent, accepted or refused, with what was done about it; only ever inserted. */
@Entity
@Table(name = "payment_callbacks")
public class PaymentCallbackEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String gateway;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    public String reference;
    @Column(name = "merchant_ref")
    public String merchantRef;
    public String status;
    @Column(nullable = false)
    public String outcome;
    public String detail;
    @Column(name = "raw_body")
    public String rawBody;
}
