package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.port.in.BrowseCatalogUseCase.PlanOffer;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.CouponCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanRemoval;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PromoCommand;
import id.webrana.cloud.application.service.CatalogService;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Hostname;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.PlanSnapshot;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Catalog maintenance on PostgreSQL: the repository methods behind deleting plans and promos, and the catalog
 * service's changes seen by the next read. Every plan a test creates is removed again, so the demo catalog the
 * other tests read stays as seeded.
 */
class CatalogMaintenanceTest extends PostgresTest {

    private final List<UUID> createdPlans = new ArrayList<>();
    private final List<UUID> createdCoupons = new ArrayList<>();
    private MutableClock clock;
    private CatalogService catalog;

    @BeforeEach
    void wireTheCatalog() {
        clock = new MutableClock(T0);
        catalog = new CatalogService(db.plans, db.images, db.promos, db.coupons, db.tx, clock);
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        for (UUID coupon : createdCoupons) {
            db.execute("DELETE FROM coupons WHERE id = ?", coupon);
        }
        for (UUID plan : createdPlans) {
            db.execute("DELETE FROM plan_promos WHERE plan_id = ?", plan);
            db.execute("DELETE FROM vps_plans WHERE id = ?", plan);
        }
    }

    private VpsPlan newPlan(long monthly) {
        VpsPlan plan = catalog.savePlan(new PlanCommand(null, "Uji " + UUID.randomUUID().toString().substring(0, 8),
                "s-1vcpu-1gb", 1, 1024, 25, 1, true, 990, Map.of("MONTHLY", monthly, "DAILY", 3_000L),
                Set.of(Fixtures.IMAGE_UBUNTU_2404, Fixtures.IMAGE_DEBIAN_12)));
        createdPlans.add(plan.id());
        return plan;
    }

    /** The plan's version as the admin pages read it. */
    private long versionRead(UUID planId) {
        return catalog.allPlans().stream().filter(p -> p.id().equals(planId)).findFirst().orElseThrow().version();
    }

    private PlanPromo newPromo(UUID planId, long fixedOff) {
        return catalog.createPromo(new PromoCommand(planId, "MONTHLY", "Gajian", "FIXED", fixedOff,
                T0.minusSeconds(60), T0.plus(Duration.ofDays(7))));
    }

    private PlanOffer offerOf(UUID planId) {
        return catalog.listPlans().stream().filter(o -> o.plan().id().equals(planId)).findFirst().orElseThrow();
    }

    private void orderFor(VpsPlan plan) {
        User buyer = Fixtures.newUser("catalog");
        db.inTx(() -> db.users.save(buyer));
        Order order = Order.place(buyer.id(), PlanSnapshot.of(plan), Fixtures.ubuntu(), new Hostname("web-catalog"),
                "sgp1", Fixtures.pricing(), List.of(), Fixtures.customer(buyer.id()), T0, T0.plus(Duration.ofDays(1)));
        db.inTx(() -> db.orders.save(order));
    }

    @Test
    void a_plan_has_orders_only_once_one_was_placed_for_it() {
        VpsPlan plan = newPlan(80_000);
        assertThat(db.inTx(() -> db.plans.hasOrders(plan.id()))).isFalse();
        assertThat(db.inTx(() -> db.plans.hasOrders(UUID.randomUUID()))).isFalse();

        orderFor(plan);

        assertThat(db.inTx(() -> db.plans.hasOrders(plan.id()))).isTrue();
    }

    @Test
    void deleting_a_plan_removes_its_prices_and_image_list() {
        VpsPlan plan = newPlan(80_000);
        assertThat(db.count("SELECT COUNT(*) FROM plan_prices WHERE plan_id = ?", plan.id())).isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM plan_images WHERE plan_id = ?", plan.id())).isEqualTo(2);

        db.inTx(() -> db.plans.delete(plan.id()));

        assertThat(db.inTx(() -> db.plans.findById(plan.id()))).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM plan_prices WHERE plan_id = ?", plan.id())).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM plan_images WHERE plan_id = ?", plan.id())).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM vps_images WHERE id = ?", Fixtures.IMAGE_DEBIAN_12)).isEqualTo(1);
    }

    @Test
    void promos_are_found_by_id_and_deleted_one_by_one_or_all_of_a_plan() {
        VpsPlan one = newPlan(80_000);
        VpsPlan other = newPlan(90_000);
        PlanPromo first = newPromo(one.id(), 5_000);
        PlanPromo second = newPromo(one.id(), 6_000);
        PlanPromo kept = newPromo(other.id(), 7_000);

        assertThat(db.inTx(() -> db.promos.findById(first.id()))).contains(first);
        assertThat(db.inTx(() -> db.promos.findById(UUID.randomUUID()))).isEmpty();

        assertThat(db.inTx(() -> db.promos.delete(first.id()))).isTrue();
        assertThat(db.inTx(() -> db.promos.delete(first.id()))).isFalse();
        assertThat(db.inTx(() -> db.promos.findAll())).doesNotContain(first).contains(second, kept);

        db.inTx(() -> db.promos.deleteAllOf(one.id()));
        assertThat(db.inTx(() -> db.promos.findAll())).doesNotContain(second).contains(kept);
        // the demo promo is untouched
        assertThat(db.inTx(() -> db.promos.findAll())).anySatisfy(p ->
                assertThat(p.planId()).isEqualTo(Fixtures.PLAN_STANDARD_2VCPU));
    }

    @Test
    void removing_a_plan_nothing_refers_to_deletes_it_with_its_promos_in_one_transaction() {
        VpsPlan plan = newPlan(80_000);
        newPromo(plan.id(), 5_000);

        assertThat(catalog.removePlan(plan.id())).isEqualTo(PlanRemoval.DELETED);

        assertThat(db.count("SELECT COUNT(*) FROM vps_plans WHERE id = ?", plan.id())).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM plan_promos WHERE plan_id = ?", plan.id())).isZero();
    }

    @Test
    void removing_an_ordered_plan_or_one_a_coupon_names_deactivates_it() {
        VpsPlan ordered = newPlan(80_000);
        orderFor(ordered);
        VpsPlan named = newPlan(85_000);
        Coupon coupon = catalog.saveCoupon(new CouponCommand(null, "UJI" + System.nanoTime() % 1_000_000, "PERCENT",
                10, null, null, null, null, null, null, Set.of(named.id()), null, true));
        createdCoupons.add(coupon.id());

        assertThat(catalog.removePlan(ordered.id())).isEqualTo(PlanRemoval.DEACTIVATED);
        assertThat(catalog.removePlan(named.id())).isEqualTo(PlanRemoval.DEACTIVATED);

        assertThat(db.inTx(() -> db.plans.findById(ordered.id()))).get().satisfies(p ->
                assertThat(p.isActive()).isFalse());
        assertThat(db.inTx(() -> db.plans.findById(named.id()))).get().satisfies(p ->
                assertThat(p.isActive()).isFalse());
        assertThat(catalog.listPlans()).extracting(o -> o.plan().id()).doesNotContain(ordered.id(), named.id());
    }

    @Test
    void a_price_and_a_promo_change_show_in_the_next_catalog_read() {
        VpsPlan plan = newPlan(80_000);
        assertThat(offerOf(plan.id()).prices().get(BillingPeriod.MONTHLY).finalPrice()).isEqualTo(Money.rupiah(80_000));

        catalog.savePlan(new PlanCommand(plan.id(), plan.name(), "s-1vcpu-1gb", 1, 1024, 25, 1, true, 990,
                Map.of("MONTHLY", 70_000L), Set.of(Fixtures.IMAGE_UBUNTU_2404), versionRead(plan.id())));
        assertThat(offerOf(plan.id()).prices()).containsOnlyKeys(BillingPeriod.MONTHLY);
        assertThat(offerOf(plan.id()).prices().get(BillingPeriod.MONTHLY).finalPrice()).isEqualTo(Money.rupiah(70_000));
        assertThat(offerOf(plan.id()).images()).extracting(i -> i.id()).containsExactly(Fixtures.IMAGE_UBUNTU_2404);

        PlanPromo promo = newPromo(plan.id(), 10_000);
        assertThat(offerOf(plan.id()).prices().get(BillingPeriod.MONTHLY).finalPrice()).isEqualTo(Money.rupiah(60_000));

        catalog.updatePromo(promo.id(), new PromoCommand(plan.id(), "MONTHLY", "Gajian", "PERCENT", 50,
                T0.minusSeconds(60), T0.plus(Duration.ofDays(7))));
        assertThat(offerOf(plan.id()).prices().get(BillingPeriod.MONTHLY).finalPrice()).isEqualTo(Money.rupiah(35_000));

        clock.advance(Duration.ofHours(1));
        catalog.endPromo(promo.id());
        assertThat(offerOf(plan.id()).prices().get(BillingPeriod.MONTHLY).finalPrice()).isEqualTo(Money.rupiah(70_000));
        assertThat(db.inTx(() -> db.promos.findById(promo.id()))).get()
                .satisfies(p -> assertThat(p.endsAt()).isEqualTo(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void an_edit_from_a_stale_version_is_refused_by_the_service() {
        VpsPlan plan = newPlan(80_000);
        long read = versionRead(plan.id());
        catalog.savePlan(new PlanCommand(plan.id(), plan.name(), "s-1vcpu-1gb", 1, 1024, 25, 1, true, 990,
                Map.of("MONTHLY", 75_000L), Set.of(Fixtures.IMAGE_UBUNTU_2404), read));
        assertThat(versionRead(plan.id())).isEqualTo(read + 1);

        assertThatThrownBy(() -> catalog.savePlan(new PlanCommand(plan.id(), plan.name(), "s-1vcpu-1gb", 1, 1024,
                25, 1, true, 990, Map.of("MONTHLY", 1_000L), Set.of(Fixtures.IMAGE_UBUNTU_2404), read)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
        assertThat(db.inTx(() -> db.plans.findById(plan.id()))).get()
                .satisfies(p -> assertThat(p.priceFor(BillingPeriod.MONTHLY)).contains(Money.rupiah(75_000)));
    }
}
