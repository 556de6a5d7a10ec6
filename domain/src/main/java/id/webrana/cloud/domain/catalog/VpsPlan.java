package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.catalog.CatalogViolation.Rule;
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

    /** The highest sort order (plans are listed by it, then by name). */
    public static final int MAX_SORT_ORDER = 1_000_000;

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

    /**
     * A new, active plan.
     *
     * @throws CatalogViolation SORT_ORDER, PRICE_MISSING or PRICE_TOO_LOW
     */
    public static VpsPlan create(PlanSpec spec, int sortOrder, Map<BillingPeriod, Money> prices, Set<UUID> imageIds) {
        requireSortOrder(sortOrder);
        VpsPlan plan = new VpsPlan(UUID.randomUUID(), spec, true, sortOrder, Map.of(), imageIds, 0);
        plan.replacePrices(prices);
        return plan;
    }

    /** Name, provider size and the specs shown to customers. */
    public record PlanSpec(String name, String sizeSlug, int vcpu, int memoryMb, int diskGb, int transferTb) {
        public PlanSpec {
            if (name == null || name.isBlank() || name.strip().length() > 100) {
                throw CatalogViolation.invalid("name", Rule.PLAN_NAME, "Plan name must be 1..100 characters");
            }
            name = name.strip();
            if (sizeSlug == null || !sizeSlug.matches("[a-z0-9][a-z0-9\\-]{1,62}")) {
                throw CatalogViolation.invalid("sizeSlug", Rule.SIZE_SLUG, "Provider size slug is invalid: " + sizeSlug);
            }
            if (vcpu < 1 || vcpu > 1024) {
                throw CatalogViolation.invalid("vcpu", Rule.VCPU, "A plan has 1..1024 vCPUs");
            }
            if (memoryMb < 256) {
                throw CatalogViolation.invalid("memoryMb", Rule.MEMORY, "A plan has at least 256 MB of memory");
            }
            if (diskGb < 1) {
                throw CatalogViolation.invalid("diskGb", Rule.DISK, "A plan has at least 1 GB of disk");
            }
            if (transferTb < 0) {
                throw CatalogViolation.invalid("transferTb", Rule.TRANSFER, "Transfer cannot be negative");
            }
        }
    }

    /**
     * Changes the plan's name, size, specs and place in the list. Orders already placed keep what they were
     * placed with.
     */
    public void revise(PlanSpec spec, int sortOrder) {
        requireSortOrder(sortOrder);
        applySpec(spec);
        this.sortOrder = sortOrder;
    }

    private static void requireSortOrder(int sortOrder) {
        if (sortOrder < 0 || sortOrder > MAX_SORT_ORDER) {
            throw CatalogViolation.invalid("sortOrder", Rule.SORT_ORDER,
                    "Sort order must be 0.." + MAX_SORT_ORDER);
        }
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
            throw CatalogViolation.invalid("prices." + period.name(), Rule.PRICE_TOO_LOW,
                    "Price for " + period + " must be at least Rp 1");
        }
        prices.put(period, price);
    }

    public void removePrice(BillingPeriod period) {
        prices.remove(period);
    }

    /**
     * Sells the plan for exactly the periods of {@code newPrices}, at those prices; a period left out is no
     * longer sold. Nothing changes when a price is refused.
     *
     * @throws CatalogViolation PRICE_MISSING without any price, PRICE_TOO_LOW for a zero price
     */
    public void replacePrices(Map<BillingPeriod, Money> newPrices) {
        if (newPrices == null || newPrices.isEmpty()) {
            throw CatalogViolation.invalid("prices", Rule.PRICE_MISSING, "A plan needs a price for at least one period");
        }
        Map<BillingPeriod, Money> before = new EnumMap<>(prices);
        try {
            prices.clear();
            newPrices.forEach(this::setPrice);
        } catch (RuntimeException e) {
            prices.clear();
            prices.putAll(before);
            throw e;
        }
    }

    /** Offers exactly {@code imageIds} with this plan (no image id may be null). */
    public void offerImages(Set<UUID> imageIds) {
        Objects.requireNonNull(imageIds, "imageIds");
        if (imageIds.stream().anyMatch(Objects::isNull)) {
            throw new CatalogViolation(ErrorCode.INVALID_IMAGE, "imageIds", Rule.IMAGE_UNKNOWN,
                    "An image id cannot be empty");
        }
        allowedImageIds.clear();
        allowedImageIds.addAll(imageIds);
    }

    /**
     * Checks that a promo for {@code period} granting {@code discount} makes sense on this plan: the plan is sold
     * for that period, and the discount leaves something to pay (a promo never gives a server away).
     *
     * @throws CatalogViolation PROMO_PERIOD_NOT_SOLD or PROMO_NOT_BELOW_PRICE
     */
    public void requirePromotable(BillingPeriod period, Discount discount) {
        Money price = prices.get(period);
        if (price == null) {
            throw CatalogViolation.invalid("period", Rule.PROMO_PERIOD_NOT_SOLD,
                    "Plan '" + name + "' is not sold " + period);
        }
        if (discount.on(price).equals(price)) {
            throw CatalogViolation.invalid("discountValue", Rule.PROMO_NOT_BELOW_PRICE,
                    "A promo must leave something to pay of the plan's " + period + " price (" + price + ")");
        }
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
