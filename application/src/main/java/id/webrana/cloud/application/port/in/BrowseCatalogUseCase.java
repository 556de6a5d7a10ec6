package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.BillingPeriod;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** UC: anyone browses the active catalog, with today's promo prices. */
public interface BrowseCatalogUseCase {

    List<PlanOffer> listPlans();

    PlanOffer getPlan(UUID planId);

    List<VpsImage> listImages();

    VpsImage getImage(UUID imageId);

    /** A plan with its price per period after any promo running now, and the images it allows. */
    record PlanOffer(VpsPlan plan, Map<BillingPeriod, PricingSnapshot> prices, List<VpsImage> images) {
    }
}
