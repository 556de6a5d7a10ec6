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

/** UC: operators maintain plans, prices, images, promos and coupons. */
public interface ManageCatalogUseCase {

    List<VpsPlan> allPlans();

    VpsPlan savePlan(PlanCommand command);

    List<VpsImage> allImages();

    VpsImage saveImage(ImageCommand command);

    List<Coupon> allCoupons();

    Coupon saveCoupon(CouponCommand command);

    List<PlanPromo> allPromos();

    PlanPromo createPromo(PromoCommand command);

    /**
     * Creates a plan when {@code id} is null, else updates it. {@code prices} maps a period name to
     * whole rupiah; periods left out are no longer sold.
     */
    record PlanCommand(UUID id, String name, String sizeSlug, int vcpu, int memoryMb, int diskGb, int transferTb,
                       boolean active, int sortOrder, Map<String, Long> prices, Set<UUID> imageIds) {
    }

    record ImageCommand(UUID id, String name, String distribution, String providerSlug, String kind,
                        boolean active) {
    }

    /** {@code discountType} PERCENT or FIXED; null limits mean unlimited; empty sets allow all. */
    record CouponCommand(UUID id, String code, String discountType, long discountValue, Long maxDiscount,
                         Instant validFrom, Instant validUntil, Integer totalLimit, Integer perUserLimit,
                         Long minimumOrder, Set<UUID> planIds, Set<String> periods, boolean active) {
    }

    record PromoCommand(UUID planId, String period, String name, String discountType, long discountValue,
                        Instant startsAt, Instant endsAt) {
    }
}
