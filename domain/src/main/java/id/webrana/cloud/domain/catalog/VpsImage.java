package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.Objects;
import java.util.UUID;

/** An operating-system or application image a server can be created from. */
public final class VpsImage {

    /** What an image holds. */
    public enum Kind { OS, APP }

    private final UUID id;
    private String name;
    private String distribution;
    private String providerSlug;
    private Kind kind;
    private boolean active;
    private long version;

    public VpsImage(UUID id, String name, String distribution, String providerSlug, Kind kind, boolean active,
                    long version) {
        this.id = Objects.requireNonNull(id, "id");
        revise(name, distribution, providerSlug, kind);
        this.active = active;
        this.version = version;
    }

    public static VpsImage create(String name, String distribution, String providerSlug, Kind kind) {
        return new VpsImage(UUID.randomUUID(), name, distribution, providerSlug, kind, true, 0);
    }

    public void revise(String name, String distribution, String providerSlug, Kind kind) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Image name must be 1..100 characters");
        }
        if (providerSlug == null || !providerSlug.matches("[a-z0-9][a-z0-9.\\-]{1,80}")) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Provider image slug is invalid: " + providerSlug);
        }
        if (distribution != null && distribution.length() > 100) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Distribution has at most 100 characters");
        }
        this.name = name;
        this.distribution = distribution == null ? "" : distribution;
        this.providerSlug = providerSlug;
        this.kind = kind == null ? Kind.OS : kind;
    }

    public void activate() { active = true; }
    public void deactivate() { active = false; }

    public UUID id() { return id; }
    public String name() { return name; }
    public String distribution() { return distribution; }
    public String providerSlug() { return providerSlug; }
    public Kind kind() { return kind; }
    public boolean isActive() { return active; }
    public long version() { return version; }
}
