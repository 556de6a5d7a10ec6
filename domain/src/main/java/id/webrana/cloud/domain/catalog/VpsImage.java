package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.catalog.CatalogViolation.Rule;

import java.util.Objects;
import java.util.UUID;

/** An operating-system or application image a server can be created from. */
public final class VpsImage {

    /** What an image holds. */
    public enum Kind {
        OS, APP;

        /**
         * The kind an operator chose (any case); OS when left empty.
         *
         * @throws CatalogViolation IMAGE_KIND for anything else
         */
        public static Kind parse(String value) {
            if (value == null || value.isBlank()) {
                return OS;
            }
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(value.trim())) {
                    return k;
                }
            }
            throw CatalogViolation.invalid("kind", Rule.IMAGE_KIND, "Unknown image kind: " + value);
        }
    }

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

    /** A new, active image. */
    public static VpsImage create(String name, String distribution, String providerSlug, Kind kind) {
        return new VpsImage(UUID.randomUUID(), name, distribution, providerSlug, kind, true, 0);
    }

    /** Replaces what the image is; the provider slug is what servers are created from from now on. */
    public void revise(String name, String distribution, String providerSlug, Kind kind) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw CatalogViolation.invalid("name", Rule.IMAGE_NAME, "Image name must be 1..100 characters");
        }
        if (providerSlug == null || !providerSlug.matches("[a-z0-9][a-z0-9.\\-]{1,80}")) {
            throw CatalogViolation.invalid("providerSlug", Rule.PROVIDER_SLUG,
                    "Provider image slug is invalid: " + providerSlug);
        }
        if (distribution != null && distribution.strip().length() > 100) {
            throw CatalogViolation.invalid("distribution", Rule.DISTRIBUTION,
                    "Distribution has at most 100 characters");
        }
        this.name = name.strip();
        this.distribution = distribution == null ? "" : distribution.strip();
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
