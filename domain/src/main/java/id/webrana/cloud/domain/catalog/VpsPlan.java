package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A VPS plan of the catalog: a provider size sold at a rupiah price per billing period, with
 * the images it may be ordered with.
 *
 * <p>A plan can be ordered only while it is active, for a period it has a price for, with an
 * image it allows ({@link #requireOrderable}). Prices are whole rupiah.
 */
public final class VpsPlan {

    private final UUID id;
    private String name;
    private String sizeSlug;
    private int vcpu;
    private int memoryMb;
    private int diskGb;
    private int transferTb;
    private boolean active;
    private int sortOrder;
    private final Map<BillingPeriod, Money> prices = new EnumMap<>(BillingPeriod.class);
    private final Set<UUID> allowedImageIds = new LinkedHashSet<>();
    private long version;

    public VpsPlan(UUID id, PlanSpec spec, boolean active, int sortOrder, Map<BillingPeriod, Money> prices,
                   Set<UUID> allowedImageIds, long version) {
        this.id = Objects.requireNonNull(id, "id");
        applySpec(spec);
        this.active = active;
        this.sortOrder = sortOrder;
        if (prices != null) {
            prices.forEach(this::setPrice);
        }
        if (allowedImageIds != null) {
            this.allowedImageIds.addAll(allowedImageIds);
        }
        this.version = version;
    }

    /** A new, active plan. */
    public static VpsPlan create(PlanSpec spec, int sortOrder, Map<BillingPeriod, Money> prices, Set<UUID> imageIds) {
        return new VpsPlan(UUID.randomUUID(), spec, true, sortOrder, prices, imageIds, 0);
    }

    /** Name, provider size and the specs shown to customers. */
    public record PlanSpec(String name, String sizeSlug, int vcpu, int memoryMb, int diskGb, int transferTb) {
        public PlanSpec {
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "Plan name must be 1..100 characters");
            }
            if (sizeSlug == null || !sizeSlug.matches("[a-z0-9][a-z0-9\\-]{1,62}")) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "Provider size slug is invalid: " + sizeSlug);
            }
            if (vcpu < 1 || memoryMb < 256 || diskGb < 1 || transferTb < 0) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR,
                        "Plan specs must be positive (vcpu >= 1, memory >= 256 MB, disk >= 1 GB)");
            }
        }
    }

    public void revise(PlanSpec spec, int sortOrder) {
        applySpec(spec);
        this.sortOrder = sortOrder;
    }

    private void applySpec(PlanSpec spec) {
        Objects.requireNonNull(spec, "spec");
        this.name = spec.name();
        this.sizeSlug = spec.sizeSlug();
        this.vcpu = spec.vcpu();
        this.memoryMb = spec.memoryMb();
        this.diskGb = spec.diskGb();
        this.transferTb = spec.transferTb();
    }

    /** Sets the price of one period; a zero price is refused (nothing is given away by a typo). */
    public void setPrice(BillingPeriod period, Money price) {
        Objects.requireNonNull(period, "period");
        if (price == null || price.isZero()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A price must be at least Rp 1");
        }
        prices.put(period, price);
    }

    public void removePrice(BillingPeriod period) {
        prices.remove(period);
    }

    public void allowImage(UUID imageId) {
        allowedImageIds.add(Objects.requireNonNull(imageId));
    }

    public void disallowImage(UUID imageId) {
        allowedImageIds.remove(imageId);
    }

    public void activate() {
        active = true;
    }

    public void deactivate() {
        active = false;
    }

    public Optional<Money> priceFor(BillingPeriod period) {
        return Optional.ofNullable(prices.get(period));
    }

    /**
     * The price of this plan for an order of {@code period} with {@code image}.
     *
     * @throws DomainException INVALID_PLAN when inactive, INVALID_DURATION when the period has no
     *                         price, INVALID_IMAGE when the image is inactive or not allowed
     */
    public Money requireOrderable(BillingPeriod period, VpsImage image) {
        if (!active) {
            throw new DomainException(ErrorCode.INVALID_PLAN, "Plan '" + name + "' is not available");
        }
        Money price = prices.get(period);
        if (price == null) {
            throw new DomainException(ErrorCode.INVALID_DURATION, "Plan '" + name + "' is not sold " + period);
        }
        if (image != null && (!image.isActive() || !allowedImageIds.contains(image.id()))) {
            throw new DomainException(ErrorCode.INVALID_IMAGE,
                    "Image '" + image.name() + "' is not available for plan '" + name + "'");
        }
        return price;
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public String sizeSlug() { return sizeSlug; }
    public int vcpu() { return vcpu; }
    public int memoryMb() { return memoryMb; }
    public int diskGb() { return diskGb; }
    public int transferTb() { return transferTb; }
    public boolean isActive() { return active; }
    public int sortOrder() { return sortOrder; }
    public Map<BillingPeriod, Money> prices() { return Collections.unmodifiableMap(prices); }
    public Set<UUID> allowedImageIds() { return Collections.unmodifiableSet(allowedImageIds); }
    public long version() { return version; }
    public PlanSpec spec() { return new PlanSpec(name, sizeSlug, vcpu, memoryMb, diskGb, transferTb); }
}
