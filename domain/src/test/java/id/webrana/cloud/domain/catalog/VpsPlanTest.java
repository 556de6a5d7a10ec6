package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VpsPlanTest {

    private final VpsImage ubuntu = CatalogFixtures.ubuntu();
    private final VpsPlan plan = CatalogFixtures.plan(150_000, ubuntu);

    @Test
    void an_active_plan_with_a_price_and_an_allowed_image_is_orderable() {
        assertThat(plan.requireOrderable(BillingPeriod.MONTHLY, ubuntu)).isEqualTo(Money.rupiah(150_000));
        assertThat(plan.requireOrderable(BillingPeriod.MONTHLY, null)).isEqualTo(Money.rupiah(150_000));
    }

    @Test
    void an_inactive_plan_is_an_invalid_plan() {
        plan.deactivate();
        assertCode(ErrorCode.INVALID_PLAN, () -> plan.requireOrderable(BillingPeriod.MONTHLY, ubuntu));
    }

    @Test
    void a_period_without_a_price_is_an_invalid_duration() {
        assertCode(ErrorCode.INVALID_DURATION, () -> plan.requireOrderable(BillingPeriod.YEARLY, ubuntu));
        plan.setPrice(BillingPeriod.YEARLY, Money.rupiah(1_500_000));
        assertThat(plan.requireOrderable(BillingPeriod.YEARLY, ubuntu)).isEqualTo(Money.rupiah(1_500_000));
        plan.removePrice(BillingPeriod.YEARLY);
        assertCode(ErrorCode.INVALID_DURATION, () -> plan.requireOrderable(BillingPeriod.YEARLY, ubuntu));
    }

    @Test
    void an_image_the_plan_does_not_allow_is_an_invalid_image() {
        VpsImage debian = VpsImage.create("Debian 12", "Debian", "debian-12-x64", VpsImage.Kind.OS);
        assertCode(ErrorCode.INVALID_IMAGE, () -> plan.requireOrderable(BillingPeriod.MONTHLY, debian));
        plan.allowImage(debian.id());
        assertThat(plan.requireOrderable(BillingPeriod.MONTHLY, debian)).isEqualTo(Money.rupiah(150_000));
        plan.disallowImage(debian.id());
        assertCode(ErrorCode.INVALID_IMAGE, () -> plan.requireOrderable(BillingPeriod.MONTHLY, debian));
    }

    @Test
    void an_inactive_image_is_an_invalid_image() {
        ubuntu.deactivate();
        assertCode(ErrorCode.INVALID_IMAGE, () -> plan.requireOrderable(BillingPeriod.MONTHLY, ubuntu));
    }

    @Test
    void a_zero_price_is_refused() {
        assertCode(ErrorCode.VALIDATION_ERROR, () -> plan.setPrice(BillingPeriod.DAILY, Money.ZERO));
        assertCode(ErrorCode.VALIDATION_ERROR, () -> plan.setPrice(BillingPeriod.DAILY, null));
    }

    @Test
    void plan_specs_are_validated() {
        assertCode(ErrorCode.VALIDATION_ERROR, () -> new VpsPlan.PlanSpec(" ", "s-1vcpu-1gb", 1, 1024, 25, 1));
        assertCode(ErrorCode.VALIDATION_ERROR, () -> new VpsPlan.PlanSpec("x".repeat(101), "s-1vcpu-1gb", 1, 1024, 25, 1));
        assertCode(ErrorCode.VALIDATION_ERROR, () -> new VpsPlan.PlanSpec("Basic", "S_1VCPU", 1, 1024, 25, 1));
        assertCode(ErrorCode.VALIDATION_ERROR, () -> new VpsPlan.PlanSpec("Basic", "s-1vcpu-1gb", 0, 1024, 25, 1));
        assertCode(ErrorCode.VALIDATION_ERROR, () -> new VpsPlan.PlanSpec("Basic", "s-1vcpu-1gb", 1, 255, 25, 1));
        assertCode(ErrorCode.VALIDATION_ERROR, () -> new VpsPlan.PlanSpec("Basic", "s-1vcpu-1gb", 1, 1024, 0, 1));
        assertCode(ErrorCode.VALIDATION_ERROR, () -> new VpsPlan.PlanSpec("Basic", "s-1vcpu-1gb", 1, 1024, 25, -1));
    }

    @Test
    void each_bad_spec_names_the_field_it_concerns() {
        assertViolation("name", CatalogViolation.Rule.PLAN_NAME,
                () -> new VpsPlan.PlanSpec(" ", "s-1vcpu-1gb", 1, 1024, 25, 1));
        assertViolation("sizeSlug", CatalogViolation.Rule.SIZE_SLUG,
                () -> new VpsPlan.PlanSpec("Basic", "S_1VCPU", 1, 1024, 25, 1));
        assertViolation("vcpu", CatalogViolation.Rule.VCPU,
                () -> new VpsPlan.PlanSpec("Basic", "s-1vcpu-1gb", 1025, 1024, 25, 1));
        assertViolation("memoryMb", CatalogViolation.Rule.MEMORY,
                () -> new VpsPlan.PlanSpec("Basic", "s-1vcpu-1gb", 1, 255, 25, 1));
        assertViolation("diskGb", CatalogViolation.Rule.DISK,
                () -> new VpsPlan.PlanSpec("Basic", "s-1vcpu-1gb", 1, 1024, 0, 1));
        assertViolation("transferTb", CatalogViolation.Rule.TRANSFER,
                () -> new VpsPlan.PlanSpec("Basic", "s-1vcpu-1gb", 1, 1024, 25, -1));
        assertThat(new VpsPlan.PlanSpec("  Basic  ", "s-1vcpu-1gb", 1, 1024, 25, 0).name()).isEqualTo("Basic");
    }

    @Test
    void the_sort_order_is_between_zero_and_a_million() {
        VpsPlan.PlanSpec spec = plan.spec();
        assertViolation("sortOrder", CatalogViolation.Rule.SORT_ORDER, () -> plan.revise(spec, -1));
        assertViolation("sortOrder", CatalogViolation.Rule.SORT_ORDER, () -> plan.revise(spec, 1_000_001));
        assertViolation("sortOrder", CatalogViolation.Rule.SORT_ORDER, () -> VpsPlan.create(spec, -5,
                Map.of(BillingPeriod.MONTHLY, Money.rupiah(1)), Set.of()));
        plan.revise(spec, VpsPlan.MAX_SORT_ORDER);
        assertThat(plan.sortOrder()).isEqualTo(1_000_000);
    }

    @Test
    void a_new_plan_needs_a_price() {
        assertViolation("prices", CatalogViolation.Rule.PRICE_MISSING,
                () -> VpsPlan.create(plan.spec(), 1, Map.of(), Set.of()));
        assertViolation("prices", CatalogViolation.Rule.PRICE_MISSING,
                () -> VpsPlan.create(plan.spec(), 1, null, Set.of()));
        assertViolation("prices.DAILY", CatalogViolation.Rule.PRICE_TOO_LOW,
                () -> VpsPlan.create(plan.spec(), 1, Map.of(BillingPeriod.DAILY, Money.ZERO), Set.of()));
    }

    @Test
    void replacing_the_prices_sells_exactly_the_periods_given() {
        plan.replacePrices(Map.of(BillingPeriod.DAILY, Money.rupiah(5_000), BillingPeriod.YEARLY,
                Money.rupiah(1_500_000)));

        assertThat(plan.prices()).containsOnlyKeys(BillingPeriod.DAILY, BillingPeriod.YEARLY);
        assertCode(ErrorCode.INVALID_DURATION, () -> plan.requireOrderable(BillingPeriod.MONTHLY, ubuntu));
    }

    @Test
    void a_refused_price_list_leaves_the_old_prices() {
        Map<BillingPeriod, Money> bad = new EnumMap<>(BillingPeriod.class);
        bad.put(BillingPeriod.DAILY, Money.rupiah(5_000));
        bad.put(BillingPeriod.MONTHLY, Money.ZERO);

        assertViolation("prices.MONTHLY", CatalogViolation.Rule.PRICE_TOO_LOW, () -> plan.replacePrices(bad));
        assertViolation("prices", CatalogViolation.Rule.PRICE_MISSING, () -> plan.replacePrices(Map.of()));

        assertThat(plan.prices()).containsExactly(Map.entry(BillingPeriod.MONTHLY, Money.rupiah(150_000)));
    }

    @Test
    void offering_images_replaces_the_list() {
        VpsImage debian = VpsImage.create("Debian 12", "Debian", "debian-12-x64", VpsImage.Kind.OS);
        plan.offerImages(Set.of(debian.id()));
        assertThat(plan.allowedImageIds()).containsExactly(debian.id());
        Set<UUID> withNull = new HashSet<>();
        withNull.add(null);
        assertCode(ErrorCode.INVALID_IMAGE, () -> plan.offerImages(withNull));
        assertThat(plan.allowedImageIds()).containsExactly(debian.id());
    }

    @Test
    void a_promo_must_be_for_a_period_sold_and_leave_something_to_pay() {
        assertViolation("period", CatalogViolation.Rule.PROMO_PERIOD_NOT_SOLD,
                () -> plan.requirePromotable(BillingPeriod.YEARLY, Discount.percent(10)));
        assertViolation("discountValue", CatalogViolation.Rule.PROMO_NOT_BELOW_PRICE,
                () -> plan.requirePromotable(BillingPeriod.MONTHLY, Discount.fixed(150_000)));
        assertViolation("discountValue", CatalogViolation.Rule.PROMO_NOT_BELOW_PRICE,
                () -> plan.requirePromotable(BillingPeriod.MONTHLY, Discount.percent(100)));
        plan.requirePromotable(BillingPeriod.MONTHLY, Discount.fixed(149_999));
        plan.requirePromotable(BillingPeriod.MONTHLY, Discount.percent(99));
    }

    @Test
    void revising_a_plan_changes_its_spec_and_order() {
        plan.revise(new VpsPlan.PlanSpec("Basic 2GB", "s-1vcpu-2gb", 1, 2048, 50, 2), 5);
        assertThat(plan.spec()).isEqualTo(new VpsPlan.PlanSpec("Basic 2GB", "s-1vcpu-2gb", 1, 2048, 50, 2));
        assertThat(plan.sortOrder()).isEqualTo(5);
        assertThat(plan.priceFor(BillingPeriod.MONTHLY)).contains(Money.rupiah(150_000));
    }

    @Test
    void images_are_validated() {
        assertCode(ErrorCode.VALIDATION_ERROR, () -> VpsImage.create("", "Ubuntu", "ubuntu-24-04-x64", null));
        assertCode(ErrorCode.VALIDATION_ERROR, () -> VpsImage.create("Ubuntu", "Ubuntu", "Ubuntu 24", null));
        assertThat(VpsImage.create("Ubuntu", null, "ubuntu-24-04-x64", null).kind()).isEqualTo(VpsImage.Kind.OS);
        assertViolation("name", CatalogViolation.Rule.IMAGE_NAME,
                () -> VpsImage.create("x".repeat(101), null, "ubuntu-24-04-x64", null));
        assertViolation("providerSlug", CatalogViolation.Rule.PROVIDER_SLUG,
                () -> VpsImage.create("Ubuntu", null, "Ubuntu 24", null));
        assertViolation("distribution", CatalogViolation.Rule.DISTRIBUTION,
                () -> VpsImage.create("Ubuntu", "d".repeat(101), "ubuntu-24-04-x64", null));
    }

    @Test
    void an_image_kind_is_os_or_app_in_any_case_and_os_when_empty() {
        assertThat(VpsImage.Kind.parse(" app ")).isEqualTo(VpsImage.Kind.APP);
        assertThat(VpsImage.Kind.parse("OS")).isEqualTo(VpsImage.Kind.OS);
        assertThat(VpsImage.Kind.parse("")).isEqualTo(VpsImage.Kind.OS);
        assertThat(VpsImage.Kind.parse(null)).isEqualTo(VpsImage.Kind.OS);
        assertViolation("kind", CatalogViolation.Rule.IMAGE_KIND, () -> VpsImage.Kind.parse("DESKTOP"));
    }

    private static void assertViolation(String field, CatalogViolation.Rule rule, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CatalogViolation.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
