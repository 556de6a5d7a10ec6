package id.webrana.cloud.domain.provisioning;

import id.webrana.cloud.domain.provisioning.LifecyclePolicy.Due;
import id.webrana.cloud.domain.provisioning.LifecyclePolicy.Step;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LifecyclePolicyTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T03:00:00Z");
    private final LifecyclePolicy policy = LifecyclePolicy.defaults();

    private static Instance server(BillingPeriod period) {
        return Instance.launched(UUID.randomUUID(), UUID.randomUUID(), "FAKE", "1", "web-1", "sgp1", "s-1vcpu-1gb",
                "ubuntu", "203.0.113.9", null, CREATED, CREATED, period, Money.rupiah(150_000), null);
    }

    private static List<String> keys(List<Due> due) {
        return due.stream().map(d -> d.key().substring(0, d.key().indexOf(':'))).toList();
    }

    @Test
    void a_monthly_server_has_its_invoice_four_reminders_grace_and_suspension_in_order() {
        Instance i = server(BillingPeriod.MONTHLY);
        Instant p = i.expiresAt();
        assertThat(p).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));

        assertThat(policy.due(i, p.minus(Duration.ofDays(8)), Set.of())).isEmpty();
        assertThat(policy.nextCheck(i, p.minus(Duration.ofDays(8)), Set.of())).isEqualTo(p.minus(Duration.ofDays(7)));
        assertThat(keys(policy.schedule(i))).containsExactly("RENEWAL_INVOICE", "REMINDER_7D", "REMINDER_3D",
                "REMINDER_1D", "REMINDER_8H", "GRACE_STARTED", "GRACE_FINAL_WARNING", "SUSPEND");
        assertThat(policy.schedule(i)).filteredOn(d -> d.step() == Step.SUSPEND).singleElement()
                .satisfies(d -> assertThat(d.at()).isEqualTo(p.plus(Duration.ofDays(3))));
    }

    @Test
    void steps_done_are_never_due_again_and_each_key_names_its_period() {
        Instance i = server(BillingPeriod.MONTHLY);
        Instant at = i.expiresAt().minus(Duration.ofDays(7));
        Set<String> done = new HashSet<>();
        List<Due> due = policy.due(i, at, done);
        assertThat(keys(due)).containsExactly("RENEWAL_INVOICE", "REMINDER_7D");
        assertThat(due).allSatisfy(d -> assertThat(d.key()).endsWith(":" + i.expiresAt()));
        due.forEach(d -> done.add(d.key()));
        assertThat(policy.due(i, at.plusSeconds(60), done)).isEmpty();
        assertThat(policy.nextCheck(i, at, done)).isEqualTo(i.expiresAt().minus(Duration.ofDays(3)));
    }

    @Test
    void after_a_downtime_only_the_latest_notice_is_sent_and_no_suspension_or_invoice_is_skipped() {
        Instance i = server(BillingPeriod.MONTHLY);
        List<Due> due = policy.due(i, i.expiresAt().minus(Duration.ofHours(2)), Set.of());
        assertThat(keys(due)).containsExactly("RENEWAL_INVOICE", "REMINDER_7D", "REMINDER_3D", "REMINDER_1D",
                "REMINDER_8H");
        assertThat(due).extracting(Due::stale).containsExactly(false, true, true, true, false);

        List<Due> longAfter = policy.due(i, i.expiresAt().plus(Duration.ofDays(30)), Set.of());
        assertThat(longAfter).filteredOn(d -> !d.stale()).extracting(Due::step)
                .containsExactly(Step.RENEWAL_INVOICE, Step.SUSPEND);
    }

    @Test
    void a_daily_server_gets_only_the_reminders_that_fall_inside_its_day() {
        Instance i = server(BillingPeriod.DAILY);
        assertThat(keys(policy.schedule(i))).containsExactly("RENEWAL_INVOICE", "REMINDER_8H", "GRACE_STARTED",
                "GRACE_FINAL_WARNING", "SUSPEND");
        assertThat(policy.schedule(i).get(0).at()).as("invoice half a day ahead, not 7 days")
                .isEqualTo(i.expiresAt().minus(Duration.ofHours(12)));
    }

    @Test
    void a_server_suspended_for_non_payment_is_terminated_after_the_retention_counted_from_its_suspension() {
        Instance i = server(BillingPeriod.MONTHLY);
        Instant suspendedAt = i.expiresAt().plus(Duration.ofDays(10)); // late: after a downtime
        i.suspendForNonPayment("SUSPEND:" + i.expiresAt(), suspendedAt);

        assertThat(policy.due(i, suspendedAt.plus(Duration.ofDays(7)).minusSeconds(1), Set.of())).isEmpty();
        assertThat(policy.due(i, suspendedAt.plus(Duration.ofDays(7)), Set.of())).extracting(Due::step)
                .containsExactly(Step.TERMINATE);
        assertThat(policy.terminationAt(i)).isEqualTo(suspendedAt.plus(Duration.ofDays(7)));
    }

    @Test
    void paying_a_suspended_server_makes_its_unsuspension_due_at_once() {
        Instance i = server(BillingPeriod.MONTHLY);
        Instant suspendedAt = i.expiresAt().plus(Duration.ofDays(3));
        i.suspendForNonPayment("SUSPEND:" + i.expiresAt(), suspendedAt);
        Instant paidAt = suspendedAt.plus(Duration.ofHours(5));

        i.renew(Actor.system("test"), "INV/1", paidAt);

        assertThat(policy.due(i, paidAt, Set.of())).extracting(Due::step).containsExactly(Step.UNSUSPEND);
        assertThat(i.nextLifecycleAt()).isEqualTo(paidAt);
    }

    @Test
    void an_operators_suspension_has_no_step_of_its_own() {
        Instance i = server(BillingPeriod.MONTHLY);
        i.suspendByOperator(new Actor(Actor.Type.ADMIN, "a"), "abuse", CREATED.plusSeconds(60));
        assertThat(policy.schedule(i)).isEmpty();
        assertThat(policy.nextCheck(i, CREATED, Set.of())).isNull();
    }
}
