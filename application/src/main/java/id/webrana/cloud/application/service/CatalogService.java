package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.BrowseCatalogUseCase;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase;
import id.webrana.cloud.application.port.in.QuotePriceUseCase;
import id.webrana.cloud.application.port.out.CouponRepository;
import id.webrana.cloud.application.port.out.ImageRepository;
import id.webrana.cloud.application.port.out.PlanRepository;
import id.webrana.cloud.application.port.out.PromoRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.domain.catalog.CatalogViolation;
import id.webrana.cloud.domain.catalog.CatalogViolation.Rule;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The catalog: browsing, price quotes and coupon checks, and its maintenance by operators. Every read goes to the
 * repositories (no cache), so a change an operator saves shows in the next page or API answer.
 */
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

    // ------------------------------------------------------------------ maintenance: plans

    @Override
    public List<VpsPlan> allPlans() {
        return tx.inTransaction(() -> plans.findAll(false));
    }

    @Override
    public VpsPlan savePlan(PlanCommand c) {
        VpsPlan.PlanSpec spec = new VpsPlan.PlanSpec(c.name(), c.sizeSlug(), c.vcpu(), c.memoryMb(), c.diskGb(),
                c.transferTb());
        Map<BillingPeriod, Money> prices = pricesOf(c.prices());
        if (c.imageIds() != null && c.imageIds().stream().anyMatch(Objects::isNull)) {
            throw new CatalogViolation(ErrorCode.INVALID_IMAGE, "imageIds", Rule.IMAGE_UNKNOWN,
                    "An image id cannot be empty");
        }
        Set<UUID> imageIds = c.imageIds() == null ? Set.of() : new HashSet<>(c.imageIds());
        if (c.active() && imageIds.isEmpty()) {
            throw needsImage(spec.name());
        }
        return tx.inTransaction(() -> {
            for (UUID imageId : imageIds) {
                if (images.findById(imageId).isEmpty()) {
                    throw new CatalogViolation(ErrorCode.INVALID_IMAGE, "imageIds", Rule.IMAGE_UNKNOWN,
                            "Image " + imageId + " does not exist");
                }
            }
            VpsPlan plan;
            if (c.id() == null) {
                plan = VpsPlan.create(spec, c.sortOrder(), prices, imageIds);
            } else {
                plan = plans.findById(c.id()).orElseThrow(() -> planNotFound(c.id()));
                requireVersion(c.expectedVersion(), plan.version(), "Plan '" + plan.name() + "'");
                plan.revise(spec, c.sortOrder());
                plan.replacePrices(prices);
                plan.offerImages(imageIds);
                requirePricesAbovePromos(plan);
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

    /** Period names to prices; a missing, unknown or non-positive entry is refused naming its period. */
    private static Map<BillingPeriod, Money> pricesOf(Map<String, Long> given) {
        Map<BillingPeriod, Money> prices = new EnumMap<>(BillingPeriod.class);
        if (given != null) {
            given.forEach((name, amount) -> {
                BillingPeriod period = period(name, "prices");
                if (amount == null || amount < 1) {
                    throw CatalogViolation.invalid("prices." + period.name(), Rule.PRICE_TOO_LOW,
                            "Price for " + period + " must be at least Rp 1");
                }
                prices.put(period, Money.rupiah(amount));
            });
        }
        if (prices.isEmpty()) {
            throw CatalogViolation.invalid("prices", Rule.PRICE_MISSING, "A plan needs a price for at least one period");
        }
        return prices;
    }

    /** A new price must stay above what a running or scheduled promo takes off, or the server would be free. */
    private void requirePricesAbovePromos(VpsPlan plan) {
        Instant now = clock.instant();
        for (PlanPromo promo : promos.findAll()) {
            if (!promo.planId().equals(plan.id()) || !promo.isUpcomingOrRunning(now)) {
                continue;
            }
            plan.priceFor(promo.period()).ifPresent(price -> {
                if (promo.discount().on(price).equals(price)) {
                    throw CatalogViolation.invalid("prices." + promo.period().name(), Rule.PRICE_BELOW_PROMO,
                            "The " + promo.period() + " price must stay above the discount of promo '"
                                    + promo.name() + "'");
                }
            });
        }
    }

    @Override
    public VpsPlan setPlanActive(UUID planId, boolean active) {
        return tx.inTransaction(() -> {
            VpsPlan plan = plans.findById(planId).orElseThrow(() -> planNotFound(planId));
            if (active) {
                if (plan.allowedImageIds().isEmpty()) {
                    throw needsImage(plan.name());
                }
                plan.activate();
            } else {
                plan.deactivate();
            }
            plans.save(plan);
            return plan;
        });
    }

    @Override
    public PlanRemoval removePlan(UUID planId) {
        return tx.inTransaction(() -> {
            VpsPlan plan = plans.findById(planId).orElseThrow(() -> planNotFound(planId));
            boolean namedByCoupon = coupons.findAll().stream()
                    .anyMatch(c -> c.terms().allowedPlanIds().contains(planId));
            if (namedByCoupon || plans.hasOrders(planId)) {
                plan.deactivate();
                plans.save(plan);
                return PlanRemoval.DEACTIVATED;
            }
            promos.deleteAllOf(planId);
            plans.delete(planId);
            return PlanRemoval.DELETED;
        });
    }

    private static CatalogViolation needsImage(String planName) {
        return CatalogViolation.invalid("imageIds", Rule.PLAN_NEEDS_IMAGE,
                "Plan '" + planName + "' needs at least one image to be sold");
    }

    private static DomainException planNotFound(UUID id) {
        return new DomainException(ErrorCode.PLAN_NOT_FOUND, "Plan " + id + " not found");
    }

    // ------------------------------------------------------------------ maintenance: images

    @Override
    public List<VpsImage> allImages() {
        return tx.inTransaction(() -> images.findAll(false));
    }

    @Override
    public VpsImage saveImage(ImageCommand c) {
        VpsImage.Kind kind = VpsImage.Kind.parse(c.kind());
        return tx.inTransaction(() -> {
            VpsImage image;
            if (c.id() == null) {
                image = VpsImage.create(c.name(), c.distribution(), c.providerSlug(), kind);
            } else {
                image = images.findById(c.id()).orElseThrow(() -> imageNotFound(c.id()));
                requireVersion(c.expectedVersion(), image.version(), "Image '" + image.name() + "'");
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
    public VpsImage setImageActive(UUID imageId, boolean active) {
        return tx.inTransaction(() -> {
            VpsImage image = images.findById(imageId).orElseThrow(() -> imageNotFound(imageId));
            if (active) {
                image.activate();
            } else {
                image.deactivate();
            }
            images.save(image);
            return image;
        });
    }

    private static DomainException imageNotFound(UUID id) {
        return new DomainException(ErrorCode.IMAGE_NOT_FOUND, "Image " + id + " not found");
    }

    // ------------------------------------------------------------------ maintenance: coupons

    @Override
    public List<Coupon> allCoupons() {
        return tx.inTransaction(coupons::findAll);
    }

    @Override
    public Coupon saveCoupon(CouponCommand c) {
        Discount discount = Discount.of(c.discountType(), c.discountValue());
        Set<BillingPeriod> periods = EnumSet.noneOf(BillingPeriod.class);
        if (c.periods() != null) {
            c.periods().forEach(p -> periods.add(period(p, "periods")));
        }
        Coupon.Terms terms = new Coupon.Terms(discount, money(c.maxDiscount(), "maxDiscount", Rule.MAX_DISCOUNT),
                c.validFrom(), c.validUntil(), c.totalLimit(), c.perUserLimit(),
                money(c.minimumOrder(), "minimumOrder", Rule.MINIMUM_ORDER), c.planIds(), periods);
        return tx.inTransaction(() -> {
            for (UUID planId : terms.allowedPlanIds()) {
                if (plans.findById(planId).isEmpty()) {
                    throw new CatalogViolation(ErrorCode.INVALID_PLAN, "planIds", Rule.PLAN_UNKNOWN,
                            "Plan " + planId + " does not exist");
                }
            }
            Coupon coupon;
            if (c.id() == null) {
                String code = Coupon.normalize(c.code());
                if (coupons.findByCode(code).isPresent()) {
                    throw new CatalogViolation(ErrorCode.DUPLICATE_CODE, "code", Rule.COUPON_CODE_TAKEN,
                            "Coupon " + code + " already exists");
                }
                coupon = Coupon.create(code, terms);
            } else {
                coupon = coupons.findById(c.id()).orElseThrow(() -> couponNotFound(c.id()));
                requireVersion(c.expectedVersion(), coupon.version(), "Coupon " + coupon.code());
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
    public Coupon setCouponActive(UUID couponId, boolean active) {
        return tx.inTransaction(() -> {
            Coupon coupon = coupons.findById(couponId).orElseThrow(() -> couponNotFound(couponId));
            if (active) {
                coupon.activate();
            } else {
                coupon.deactivate();
            }
            coupons.save(coupon);
            return coupon;
        });
    }

    private static DomainException couponNotFound(UUID id) {
        return new DomainException(ErrorCode.COUPON_NOT_FOUND, "Coupon " + id + " not found");
    }

    // ------------------------------------------------------------------ maintenance: promos

    @Override
    public List<PlanPromo> allPromos() {
        return tx.inTransaction(promos::findAll);
    }

    @Override
    public List<PromoStanding> promoStandings() {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            return promos.findAll().stream()
                    .sorted(Comparator.comparing(PlanPromo::startsAt).reversed())
                    .map(p -> new PromoStanding(p, p.statusAt(now)))
                    .toList();
        });
    }

    @Override
    public PlanPromo createPromo(PromoCommand c) {
        PromoTerms terms = promoTerms(c);
        return tx.inTransaction(() -> {
            promotablePlan(c.planId()).requirePromotable(terms.period(), terms.discount());
            PlanPromo promo = PlanPromo.create(c.planId(), terms.period(), c.name(), terms.discount(), c.startsAt(),
                    c.endsAt());
            promos.save(promo);
            return promo;
        });
    }

    @Override
    public PlanPromo updatePromo(UUID promoId, PromoCommand c) {
        PromoTerms terms = promoTerms(c);
        return tx.inTransaction(() -> {
            PlanPromo promo = promos.findById(promoId).orElseThrow(() -> promoNotFound(promoId));
            promotablePlan(c.planId()).requirePromotable(terms.period(), terms.discount());
            PlanPromo revised = promo.revise(c.planId(), terms.period(), c.name(), terms.discount(), c.startsAt(),
                    c.endsAt());
            promos.save(revised);
            return revised;
        });
    }

    @Override
    public PlanPromo endPromo(UUID promoId) {
        return tx.inTransaction(() -> {
            PlanPromo ended = promos.findById(promoId).orElseThrow(() -> promoNotFound(promoId))
                    .endAt(clock.instant());
            promos.save(ended);
            return ended;
        });
    }

    @Override
    public void deletePromo(UUID promoId) {
        tx.inTransaction(() -> {
            if (!promos.delete(promoId)) {
                throw promoNotFound(promoId);
            }
        });
    }

    private record PromoTerms(BillingPeriod period, Discount discount) {
    }

    private static PromoTerms promoTerms(PromoCommand c) {
        BillingPeriod period = period(c.period(), "period");
        return new PromoTerms(period, Discount.of(c.discountType(), c.discountValue()));
    }

    private VpsPlan promotablePlan(UUID planId) {
        if (planId == null) {
            throw new CatalogViolation(ErrorCode.INVALID_PLAN, "planId", Rule.PLAN_UNKNOWN, "A plan must be chosen");
        }
        return plans.findById(planId).orElseThrow(() -> new CatalogViolation(ErrorCode.INVALID_PLAN, "planId",
                Rule.PLAN_UNKNOWN, "Plan " + planId + " does not exist"));
    }

    private static CatalogViolation promoNotFound(UUID id) {
        return CatalogViolation.invalid("id", Rule.PROMO_UNKNOWN, "Promo " + id + " does not exist");
    }

    // ------------------------------------------------------------------ helpers

    /** A billing period named in {@code field}; anything else is an {@code INVALID_DURATION} on that field. */
    private static BillingPeriod period(String name, String field) {
        try {
            return BillingPeriod.parse(name);
        } catch (DomainException e) {
            throw new CatalogViolation(ErrorCode.INVALID_DURATION, field, Rule.PERIOD_UNKNOWN, e.getMessage());
        }
    }

    private static void requireVersion(Long expected, long stored, String what) {
        if (expected != null && expected != stored) {
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, what + " was changed meanwhile (version "
                    + stored + ", edited from " + expected + "); reload and try again");
        }
    }

    private static Money money(Long amount, String field, Rule rule) {
        if (amount == null) {
            return null;
        }
        if (amount < 0) {
            throw CatalogViolation.invalid(field, rule, "Amounts cannot be negative");
        }
        return Money.rupiah(amount);
    }
}
