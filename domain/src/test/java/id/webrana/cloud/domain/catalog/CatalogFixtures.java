package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Catalog objects for domain tests. */
final class CatalogFixtures {

    static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");

    private CatalogFixtures() {
    }

    static VpsImage ubuntu() {
        return VpsImage.create("Ubuntu 24.04", "Ubuntu", "ubuntu-24-04-x64", VpsImage.Kind.OS);
    }

    static VpsPlan plan(long monthly, VpsImage... images) {
        Set<UUID> ids = new java.util.HashSet<>();
        for (VpsImage i : images) {
            ids.add(i.id());
        }
        return VpsPlan.create(new VpsPlan.PlanSpec("Basic 1GB", "s-1vcpu-1gb", 1, 1024, 25, 1), 1,
                Map.of(BillingPeriod.MONTHLY, Money.rupiah(monthly)), ids);
    }

    static Coupon.Terms terms(Discount discount) {
        return new Coupon.Terms(discount, null, null, null, null, null, null, null, null);
    }

    static Coupon coupon(Discount discount) {
        return Coupon.create("HEMAT10", terms(discount));
    }

    static PlanPromo promo(UUID planId, Discount discount) {
        return new PlanPromo(UUID.randomUUID(), planId, BillingPeriod.MONTHLY, "Promo " + discount, discount,
                NOW.minusSeconds(3600), NOW.plusSeconds(3600), true);
    }
}
