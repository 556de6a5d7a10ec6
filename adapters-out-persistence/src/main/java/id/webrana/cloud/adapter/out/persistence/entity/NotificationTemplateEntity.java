package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An operator-editable notification text ({@code notification_templates}), unique per (event, channel, language). */
@Entity
@Table(name = "notification_templates")
public class NotificationTemplateEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String event;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String language;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false)
    public String body;
    @Version
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
