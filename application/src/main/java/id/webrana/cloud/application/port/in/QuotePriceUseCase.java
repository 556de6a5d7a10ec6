package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.catalog.PricingSnapshot;

import java.util.UUID;

/** UC: price breakdown before ordering, and coupon validation (same computation as the order). */
public interface QuotePriceUseCase {

    PricingSnapshot quote(QuoteCommand command);

    /**
     * @param userId     the buyer (per-user coupon limits), may be null for anonymous quotes
     * @param imageId    optional: when given, it must be allowed for the plan
     * @param couponCode optional
     */
    record QuoteCommand(UUID userId, UUID planId, UUID imageId, String period, String couponCode) {
    }
}
