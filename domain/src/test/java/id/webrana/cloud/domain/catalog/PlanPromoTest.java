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

    @Test
    void a_new_promo_needs_a_name_and_starts_active() {
        assertThatThrownBy(() -> PlanPromo.create(PLAN, BillingPeriod.MONTHLY, " ", Discount.percent(5), START, END))
                .isInstanceOfSatisfying(CatalogViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.rule()).isEqualTo(CatalogViolation.Rule.PROMO_NAME);
                });
        assertThatThrownBy(() -> PlanPromo.create(PLAN, BillingPeriod.MONTHLY, "x", Discount.percent(5), END, START))
                .isInstanceOfSatisfying(CatalogViolation.class, e -> assertThat(e.field()).isEqualTo("endsAt"));

        PlanPromo promo = PlanPromo.create(PLAN, BillingPeriod.MONTHLY, " Merdeka ", Discount.percent(17), START, END);
        assertThat(promo.name()).isEqualTo("Merdeka");
        assertThat(promo.active()).isTrue();
    }

    @Test
    void revising_keeps_the_id_and_the_active_flag() {
        PlanPromo stopped = promo(false);
        UUID otherPlan = UUID.randomUUID();

        PlanPromo revised = stopped.revise(otherPlan, BillingPeriod.YEARLY, "Tahunan", Discount.fixed(50_000),
                START.plusSeconds(60), END.plusSeconds(60));

        assertThat(revised).isEqualTo(new PlanPromo(stopped.id(), otherPlan, BillingPeriod.YEARLY, "Tahunan",
                Discount.fixed(50_000), START.plusSeconds(60), END.plusSeconds(60), false));
        assertThatThrownBy(() -> stopped.revise(PLAN, BillingPeriod.MONTHLY, "", Discount.percent(1), START, END))
                .isInstanceOf(CatalogViolation.class);
    }

    @Test
    void the_status_follows_the_window_and_the_active_flag() {
        assertThat(promo(true).statusAt(START.minusMillis(1))).isEqualTo(PlanPromo.Status.SCHEDULED);
        assertThat(promo(true).statusAt(START)).isEqualTo(PlanPromo.Status.RUNNING);
        assertThat(promo(true).statusAt(END)).isEqualTo(PlanPromo.Status.ENDED);
        assertThat(promo(false).statusAt(START)).isEqualTo(PlanPromo.Status.STOPPED);
        assertThat(promo(false).statusAt(END)).isEqualTo(PlanPromo.Status.ENDED);
        assertThat(promo(true).isUpcomingOrRunning(START.minusSeconds(1))).isTrue();
        assertThat(promo(true).isUpcomingOrRunning(END.minusSeconds(1))).isTrue();
        assertThat(promo(true).isUpcomingOrRunning(END)).isFalse();
        assertThat(promo(false).isUpcomingOrRunning(START)).isFalse();
    }

    @Test
    void ending_a_running_promo_ends_it_now() {
        Instant now = START.plusSeconds(3600);
        PlanPromo ended = promo(true).endAt(now);

        assertThat(ended.endsAt()).isEqualTo(now);
        assertThat(ended.active()).isTrue();
        assertThat(ended.statusAt(now)).isEqualTo(PlanPromo.Status.ENDED);
        assertThat(ended.appliesTo(PLAN, BillingPeriod.MONTHLY, now.minusMillis(1))).isTrue();
        assertThat(ended.appliesTo(PLAN, BillingPeriod.MONTHLY, now)).isFalse();
    }

    @Test
    void ending_a_scheduled_promo_or_one_that_just_started_cancels_it() {
        PlanPromo early = promo(true).endAt(START.minusSeconds(60));
        assertThat(early.active()).isFalse();
        assertThat(early.endsAt()).isEqualTo(END);
        assertThat(early.statusAt(START)).isEqualTo(PlanPromo.Status.STOPPED);

        PlanPromo atStart = promo(true).endAt(START);
        assertThat(atStart.active()).isFalse();
        assertThat(atStart.appliesTo(PLAN, BillingPeriod.MONTHLY, START)).isFalse();
    }

    @Test
    void ending_a_promo_that_is_over_changes_nothing() {
        PlanPromo over = promo(true);
        assertThat(over.endAt(END.plusSeconds(1))).isSameAs(over);
        PlanPromo stopped = promo(false);
        assertThat(stopped.endAt(START)).isSameAs(stopped);
    }
}
