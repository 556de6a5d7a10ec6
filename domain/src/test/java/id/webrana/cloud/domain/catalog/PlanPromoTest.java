package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanPromoTest {

    private static final UUID PLAN = UUID.randomUUID();
    private static final Instant START = Instant.parse("2025-08-01T00:00:00Z");
    private static final Instant END = Instant.parse("2025-08-18T00:00:00Z");

    private static PlanPromo promo(boolean active) {
        return new PlanPromo(UUID.randomUUID(), PLAN, BillingPeriod.MONTHLY, "Merdeka", Discount.percent(17), START,
                END, active);
    }

    @Test
    void a_promo_applies_from_its_start_inclusive_to_its_end_exclusive() {
        PlanPromo promo = promo(true);
        assertThat(promo.appliesTo(PLAN, BillingPeriod.MONTHLY, START.minusMillis(1))).isFalse();
        assertThat(promo.appliesTo(PLAN, BillingPeriod.MONTHLY, START)).isTrue();
        assertThat(promo.appliesTo(PLAN, BillingPeriod.MONTHLY, END.minusMillis(1))).isTrue();
        assertThat(promo.appliesTo(PLAN, BillingPeriod.MONTHLY, END)).isFalse();
    }

    @Test
    void a_promo_applies_only_to_its_plan_and_period() {
        PlanPromo promo = promo(true);
        assertThat(promo.appliesTo(UUID.randomUUID(), BillingPeriod.MONTHLY, START)).isFalse();
        assertThat(promo.appliesTo(PLAN, BillingPeriod.YEARLY, START)).isFalse();
    }

    @Test
    void an_inactive_promo_never_applies() {
        assertThat(promo(false).appliesTo(PLAN, BillingPeriod.MONTHLY, START)).isFalse();
    }

    @Test
    void a_promo_must_end_after_it_starts() {
        assertThatThrownBy(() -> new PlanPromo(UUID.randomUUID(), PLAN, BillingPeriod.MONTHLY, "x",
                Discount.percent(5), START, START, true)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new PlanPromo(UUID.randomUUID(), PLAN, BillingPeriod.MONTHLY, "x",
                Discount.percent(5), null, END, true)).isInstanceOf(DomainException.class);
        assertThat(new PlanPromo(UUID.randomUUID(), PLAN, BillingPeriod.MONTHLY, null, Discount.percent(5), START,
                END, true).name()).isEmpty();
    }
}
