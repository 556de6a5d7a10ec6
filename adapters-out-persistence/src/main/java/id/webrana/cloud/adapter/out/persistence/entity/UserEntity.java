package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
public class UserEntity {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String email;
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;
    @Column(name = "full_name", nullable = false)
    public String fullName;
    public String phone;
    /** Comma-separated role names. */
    @Column(nullable = false)
    public String roles;
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;
    @Column(nullable = false)
    public boolean enabled;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Sessions started before this instant are over (null: never ended). */
    @Column(name = "sessions_valid_after")
    public Instant sessionsValidAfter;
    @Version
    public long version;
}
