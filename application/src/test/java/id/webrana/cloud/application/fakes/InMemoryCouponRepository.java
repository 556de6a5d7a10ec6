package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.CouponRepository;
import id.webrana.cloud.domain.catalog.Coupon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Coupons (versioned, unique codes) and the redemption ledger. */
public final class InMemoryCouponRepository implements CouponRepository, TransactionalResource {

    /** One row of the redemption ledger. */
    public record Redemption(UUID couponId, UUID userId, UUID orderId, Instant at) {
    }

    private final InMemoryStore<Coupon> table = new InMemoryStore<>("coupon", Coupon::id, Coupon::version, Copies::coupon);
    private List<Redemption> redemptions = new ArrayList<>();

    @Override
    public List<Coupon> findAll() {
        return table.all().toList();
    }

    @Override
    public Optional<Coupon> findByCode(String normalizedCode) {
        return table.findFirst(c -> c.code().equals(normalizedCode));
    }

    @Override
    public Optional<Coupon> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public void save(Coupon coupon) {
        table.findFirst(c -> c.code().equals(coupon.code()) && !c.id().equals(coupon.id())).ifPresent(other -> {
            throw new IllegalStateException("unique constraint: coupon code " + coupon.code() + " is taken");
        });
        table.save(coupon);
    }

    @Override
    public int countRedemptions(UUID couponId, UUID userId) {
        return (int) redemptions.stream().filter(r -> r.couponId().equals(couponId) && r.userId().equals(userId))
                .count();
    }

    @Override
    public void recordRedemption(UUID couponId, UUID userId, UUID orderId, Instant at) {
        redemptions.add(new Redemption(couponId, userId, orderId, at));
    }

    @Override
    public boolean removeRedemption(UUID couponId, UUID orderId) {
        return redemptions.removeIf(r -> r.couponId().equals(couponId) && r.orderId().equals(orderId));
    }

    public List<Redemption> redemptions() {
        return List.copyOf(redemptions);
    }

    public Coupon get(String code) {
        return findByCode(code).orElseThrow(() -> new AssertionError("no coupon " + code));
    }

    @Override
    public Object snapshot() {
        return new Object[] {table.snapshot(), List.copyOf(redemptions)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        Object[] parts = (Object[]) snapshot;
        table.restore(parts[0]);
        redemptions = new ArrayList<>((List<Redemption>) parts[1]);
    }
}
