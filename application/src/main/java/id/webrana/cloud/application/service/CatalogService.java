package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.BrowseCatalogUseCase;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase;
import id.webrana.cloud.application.port.in.QuotePriceUseCase;
import id.webrana.cloud.application.port.out.CouponRepository;
import id.webrana.cloud.application.port.out.ImageRepository;
import id.webrana.cloud.application.port.out.PlanRepository;
import id.webrana.cloud.application.port.out.PromoRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.catalog.PriceCalculator;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The catalog: browsing, price quotes and coupon checks, and its maintenance by operators. */
public class CatalogService implements BrowseCatalogUseCase, QuotePriceUseCase, ManageCatalogUseCase {

    private final PlanRepository plans;
    private final ImageRepository images;
    private final PromoRepository promos;
    private final CouponRepository coupons;
    private final TransactionRunner tx;
    private final Clock clock;

    public CatalogService(PlanRepository plans, ImageRepository images, PromoRepository promos,
                          CouponRepository coupons, TransactionRunner tx, Clock clock) {
        this.plans = plans;
        this.images = images;
        this.promos = promos;
        this.coupons = coupons;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<PlanOffer> listPlans() {
        return tx.inTransaction(() -> {
            List<PlanPromo> allPromos = promos.findAll();
            List<VpsImage> activeImages = images.findAll(true);
            Instant now = clock.instant();
            return plans.findAll(true).stream().map(p -> offer(p, allPromos, activeImages, now)).toList();
        });
    }

    @Override
    public PlanOffer getPlan(UUID planId) {
        return tx.inTransaction(() -> {
            VpsPlan plan = plans.findById(planId).filter(VpsPlan::isActive)
                    .orElseThrow(() -> new DomainException(ErrorCode.PLAN_NOT_FOUND, "Plan " + planId + " not found"));
            return offer(plan, promos.findAll(), images.findAll(true), clock.instant());
        });
    }

    private PlanOffer offer(VpsPlan plan, List<PlanPromo> allPromos, List<VpsImage> activeImages, Instant now) {
        Map<BillingPeriod, PricingSnapshot> prices = new EnumMap<>(BillingPeriod.class);
        for (BillingPeriod period : plan.prices().keySet()) {
            prices.put(period, PriceCalculator.quote(plan, period, null, allPromos, null, now));
        }
        List<VpsImage> allowed = activeImages.stream().filter(i -> plan.allowedImageIds().contains(i.id())).toList();
        return new PlanOffer(plan, prices, allowed);
    }

    @Override
    public List<VpsImage> listImages() {
        return tx.inTransaction(() -> images.findAll(true));
    }

    @Override
    public VpsImage getImage(UUID imageId) {
        return tx.inTransaction(() -> images.findById(imageId).filter(VpsImage::isActive)
                .orElseThrow(() -> new DomainException(ErrorCode.IMAGE_NOT_FOUND, "Image " + imageId + " not found")));
    }

    @Override
    public PricingSnapshot quote(QuoteCommand command) {
        return tx.inTransaction(() -> priceOf(command.userId(), command.planId(), command.imageId(),
                BillingPeriod.parse(command.period()), command.couponCode()).snapshot());
    }

    /** A computed price and the coupon it used, if any (for redemption by the order). */
    record Priced(VpsPlan plan, VpsImage image, PricingSnapshot snapshot, Coupon coupon) {
    }

    /** Prices an order; must run inside a transaction. Shared by quotes and orders. */
    Priced priceOf(UUID userId, UUID planId, UUID imageId, BillingPeriod period, String couponCode) {
        if (planId == null) {
            throw new DomainException(ErrorCode.INVALID_PLAN, "A plan must be chosen");
        }
        VpsPlan plan = plans.findById(planId)
                .orElseThrow(() -> new DomainException(ErrorCode.INVALID_PLAN, "Plan " + planId + " does not exist"));
        VpsImage image = null;
        if (imageId != null) {
            image = images.findById(imageId)
                    .orElseThrow(() -> new DomainException(ErrorCode.INVALID_IMAGE, "Image " + imageId + " does not exist"));
        }
        Coupon coupon = null;
        PriceCalculator.CouponUse use = null;
        if (couponCode != null && !couponCode.isBlank()) {
            String code = Coupon.normalize(couponCode);
            coupon = coupons.findByCode(code)
                    .orElseThrow(() -> new DomainException(ErrorCode.INVALID_COUPON, "Coupon " + code + " does not exist"));
            int used = userId == null ? 0 : coupons.countRedemptions(coupon.id(), userId);
            use = new PriceCalculator.CouponUse(coupon, used);
        }
        PricingSnapshot snapshot = PriceCalculator.quote(plan, period, image, promos.findAll(), use, clock.instant());
        return new Priced(plan, image, snapshot, coupon);
    }

    @Override
    public List<VpsPlan> allPlans() {
        return tx.inTransaction(() -> plans.findAll(false));
    }

    @Override
    public VpsPlan savePlan(PlanCommand c) {
        VpsPlan.PlanSpec spec = new VpsPlan.PlanSpec(c.name(), c.sizeSlug(), c.vcpu(), c.memoryMb(), c.diskGb(),
                c.transferTb());
        Map<BillingPeriod, Money> prices = new EnumMap<>(BillingPeriod.class);
        if (c.prices() != null) {
            c.prices().forEach((period, amount) -> {
                if (amount == null || amount < 1) {
                    throw new DomainException(ErrorCode.VALIDATION_ERROR, "Price for " + period + " must be at least Rp 1");
                }
                prices.put(BillingPeriod.parse(period), Money.rupiah(amount));
            });
        }
        if (prices.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A plan needs a price for at least one period");
        }
        if (c.imageIds() != null && c.imageIds().stream().anyMatch(java.util.Objects::isNull)) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "An image id cannot be empty");
        }
        Set<UUID> imageIds = c.imageIds() == null ? Set.of() : new HashSet<>(c.imageIds());
        return tx.inTransaction(() -> {
            for (UUID imageId : imageIds) {
                images.findById(imageId).orElseThrow(
                        () -> new DomainException(ErrorCode.INVALID_IMAGE, "Image " + imageId + " does not exist"));
            }
            VpsPlan plan;
            if (c.id() == null) {
                plan = VpsPlan.create(spec, c.sortOrder(), prices, imageIds);
            } else {
                plan = plans.findById(c.id()).orElseThrow(
                        () -> new DomainException(ErrorCode.PLAN_NOT_FOUND, "Plan " + c.id() + " not found"));
                plan.revise(spec, c.sortOrder());
                for (BillingPeriod p : BillingPeriod.values()) {
                    if (prices.containsKey(p)) {
                        plan.setPrice(p, prices.get(p));
                    } else {
                        plan.removePrice(p);
                    }
                }
                Set.copyOf(plan.allowedImageIds()).forEach(plan::disallowImage);
                imageIds.forEach(plan::allowImage);
            }
            if (c.active()) {
                plan.activate();
            } else {
                plan.deactivate();
            }
            plans.save(plan);
            return plan;
        });
    }

    @Override
    public List<VpsImage> allImages() {
        return tx.inTransaction(() -> images.findAll(false));
    }

    @Override
    public VpsImage saveImage(ImageCommand c) {
        VpsImage.Kind kind = parseEnum(VpsImage.Kind.class, c.kind() == null ? "OS" : c.kind(), "image kind");
        return tx.inTransaction(() -> {
            VpsImage image;
            if (c.id() == null) {
                image = VpsImage.create(c.name(), c.distribution(), c.providerSlug(), kind);
            } else {
                image = images.findById(c.id()).orElseThrow(
                        () -> new DomainException(ErrorCode.IMAGE_NOT_FOUND, "Image " + c.id() + " not found"));
                image.revise(c.name(), c.distribution(), c.providerSlug(), kind);
            }
            if (c.active()) {
                image.activate();
            } else {
                image.deactivate();
            }
            images.save(image);
            return image;
        });
    }

    @Override
    public List<Coupon> allCoupons() {
        return tx.inTransaction(coupons::findAll);
    }

    @Override
    public Coupon saveCoupon(CouponCommand c) {
        Discount discount = new Discount(parseEnum(Discount.Type.class, c.discountType(), "discount type"),
                c.discountValue());
        Set<BillingPeriod> periods = EnumSet.noneOf(BillingPeriod.class);
        if (c.periods() != null) {
            c.periods().forEach(p -> periods.add(BillingPeriod.parse(p))); // parse refuses null with INVALID_DURATION
        }
        Coupon.Terms terms = new Coupon.Terms(discount, money(c.maxDiscount()), c.validFrom(), c.validUntil(),
                c.totalLimit(), c.perUserLimit(), money(c.minimumOrder()), c.planIds(), periods);
        return tx.inTransaction(() -> {
            Coupon coupon;
            if (c.id() == null) {
                String code = Coupon.normalize(c.code());
                if (coupons.findByCode(code).isPresent()) {
                    throw new DomainException(ErrorCode.DUPLICATE_CODE, "Coupon " + code + " already exists");
                }
                coupon = Coupon.create(code, terms);
            } else {
                coupon = coupons.findById(c.id()).orElseThrow(
                        () -> new DomainException(ErrorCode.COUPON_NOT_FOUND, "Coupon " + c.id() + " not found"));
                coupon.revise(terms);
            }
            if (c.active()) {
                coupon.activate();
            } else {
                coupon.deactivate();
            }
            coupons.save(coupon);
            return coupon;
        });
    }

    @Override
    public List<PlanPromo> allPromos() {
        return tx.inTransaction(promos::findAll);
    }

    @Override
    public PlanPromo createPromo(PromoCommand c) {
        Discount discount = new Discount(parseEnum(Discount.Type.class, c.discountType(), "discount type"),
                c.discountValue());
        BillingPeriod period = BillingPeriod.parse(c.period());
        return tx.inTransaction(() -> {
            plans.findById(c.planId()).orElseThrow(
                    () -> new DomainException(ErrorCode.INVALID_PLAN, "Plan " + c.planId() + " does not exist"));
            PlanPromo promo = new PlanPromo(UUID.randomUUID(), c.planId(), period, c.name(), discount, c.startsAt(),
                    c.endsAt(), true);
            promos.save(promo);
            return promo;
        });
    }

    private static Money money(Long amount) {
        if (amount == null) {
            return null;
        }
        if (amount < 0) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Amounts cannot be negative");
        }
        return Money.rupiah(amount);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Unknown " + what + ": " + value);
        }
    }
}
