package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message in a user's portal bell ({@code in_app_notifications}). */
@Entity
@Table(name = "in_app_notifications")
public class InAppNotificationEntity {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String event;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String body;
    @Column(name = "dedupe_key", nullable = false, unique = true)
    public String dedupeKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
}
