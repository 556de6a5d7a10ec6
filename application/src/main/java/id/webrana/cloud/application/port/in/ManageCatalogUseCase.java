package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * UC: operators maintain plans, prices, images, promos and coupons. Every change is seen by the next catalog read
 * (nothing is cached). A refused input throws a {@link id.webrana.cloud.domain.catalog.CatalogViolation} naming the
 * rule and the command field it concerns; an unknown id the matching {@code *_NOT_FOUND}; an edit made from a stale
 * version (when the command carries one) {@code CONCURRENT_MODIFICATION}.
 */
public interface ManageCatalogUseCase {

    List<VpsPlan> allPlans();

    VpsPlan savePlan(PlanCommand command);

    /** Starts or stops selling a plan (an active plan needs at least one image). */
    VpsPlan setPlanActive(UUID planId, boolean active);

    /**
     * Deletes a plan nothing refers to, with its promos. A plan that orders or coupons refer to is deactivated
     * instead (orders and invoices keep pointing at it).
     */
    PlanRemoval removePlan(UUID planId);

    List<VpsImage> allImages();

    VpsImage saveImage(ImageCommand command);

    /** Starts or stops offering an image (with every plan that lists it). */
    VpsImage setImageActive(UUID imageId, boolean active);

    List<Coupon> allCoupons();

    Coupon saveCoupon(CouponCommand command);

    /** Lets customers use a coupon again, or stops it; its redemptions stay. */
    Coupon setCouponActive(UUID couponId, boolean active);

    List<PlanPromo> allPromos();

    /** Every promo with where it stands now, newest start first. */
    List<PromoStanding> promoStandings();

    PlanPromo createPromo(PromoCommand command);

    /** Replaces a promo's plan, period, name, discount and window. */
    PlanPromo updatePromo(UUID promoId, PromoCommand command);

    /** Stops a promo now: a running one ends now, a scheduled one is cancelled. */
    PlanPromo endPromo(UUID promoId);

    /** Deletes a promo (orders keep the discount they were placed with). */
    void deletePromo(UUID promoId);

    /** What {@link #removePlan} did. */
    enum PlanRemoval {
        DELETED,
        /** Orders or coupons refer to the plan: it stays, no longer sold. */
        DEACTIVATED
    }

    /** A promo and its status at the moment of asking. */
    record PromoStanding(PlanPromo promo, PlanPromo.Status status) {
    }

    /**
     * Creates a plan when {@code id} is null, else updates it. {@code prices} maps a period name to
     * whole rupiah; periods left out are no longer sold. {@code expectedVersion}, when given, is the plan's version
     * as read by {@link #allPlans} when the edit began.
     */
    record PlanCommand(UUID id, String name, String sizeSlug, int vcpu, int memoryMb, int diskGb, int transferTb,
                       boolean active, int sortOrder, Map<String, Long> prices, Set<UUID> imageIds,
                       Long expectedVersion) {

        /** A command that overwrites whatever version is stored. */
        public PlanCommand(UUID id, String name, String sizeSlug, int vcpu, int memoryMb, int diskGb, int transferTb,
                           boolean active, int sortOrder, Map<String, Long> prices, Set<UUID> imageIds) {
            this(id, name, sizeSlug, vcpu, memoryMb, diskGb, transferTb, active, sortOrder, prices, imageIds, null);
        }
    }

    /** Creates an image when {@code id} is null, else updates it; {@code kind} OS (default) or APP. */
    record ImageCommand(UUID id, String name, String distribution, String providerSlug, String kind,
                        boolean active, Long expectedVersion) {

        /** A command that overwrites whatever version is stored. */
        public ImageCommand(UUID id, String name, String distribution, String providerSlug, String kind,
                            boolean active) {
            this(id, name, distribution, providerSlug, kind, active, null);
        }
    }

    /**
     * Creates a coupon when {@code id} is null, else updates its terms (the code never changes).
     * {@code discountType} PERCENT or FIXED; null limits mean unlimited; empty sets allow all.
     */
    record CouponCommand(UUID id, String code, String discountType, long discountValue, Long maxDiscount,
                         Instant validFrom, Instant validUntil, Integer totalLimit, Integer perUserLimit,
                         Long minimumOrder, Set<UUID> planIds, Set<String> periods, boolean active,
                         Long expectedVersion) {

        /** A command that overwrites whatever version is stored. */
        public CouponCommand(UUID id, String code, String discountType, long discountValue, Long maxDiscount,
                             Instant validFrom, Instant validUntil, Integer totalLimit, Integer perUserLimit,
                             Long minimumOrder, Set<UUID> planIds, Set<String> periods, boolean active) {
            this(id, code, discountType, discountValue, maxDiscount, validFrom, validUntil, totalLimit, perUserLimit,
                    minimumOrder, planIds, periods, active, null);
        }
    }

    /** A promo on one plan and period: {@code discountType} PERCENT or FIXED, from {@code startsAt} to {@code endsAt}. */
    record PromoCommand(UUID planId, String period, String name, String discountType, long discountValue,
                        Instant startsAt, Instant endsAt) {
    }
}
