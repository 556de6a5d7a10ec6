package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message kept instead of sent because its channel has no credentials ({@code local_mailbox}). */
@Entity
@Table(name = "local_mailbox")
public class LocalMailEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String subject;
    @Column(name = "text_body", nullable = false)
    public String textBody;
    @Column(name = "html_body")
    public String htmlBody;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
