package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

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
    }

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
