package id.webrana.cloud.domain.provisioning;

import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceTest {

    private static final Instant NOW = Instant.parse("2026-01-31T10:00:00Z");
    private static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "admin-1");

    private static Instance server() {
        return Instance.launched(UUID.randomUUID(), UUID.randomUUID(), "FAKE", "1", "web-1", "sgp1", "s-1vcpu-1gb",
                "ubuntu", "203.0.113.9", null, NOW, NOW, BillingPeriod.MONTHLY, Money.rupiah(150_000), "hash");
    }

    private static void assertRefused(Runnable r, ErrorCode code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void a_launched_server_is_active_paid_for_one_period_with_auto_renew_off() {
        Instance i = server();
        assertThat(i.status()).isEqualTo(Instance.Status.ACTIVE);
        assertThat(i.expiresAt()).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(i.autoRenew()).isFalse();
        assertThat(i.nextLifecycleAt()).isEqualTo(NOW);
    }

    @Test
    void a_renewal_adds_one_period_to_the_old_expiry_however_late_in_the_grace_it_is_paid() {
        Instance i = Instance.launched(UUID.randomUUID(), UUID.randomUUID(), "FAKE", "1", "web-1", "sgp1", "s",
                "ubuntu", "203.0.113.9", null, NOW, Instant.parse("2026-01-15T10:00:00Z"), BillingPeriod.MONTHLY,
                Money.rupiah(150_000), "hash");
        Instant old = i.expiresAt();
        InstanceEvent event = i.renew(ADMIN, "INV/2026/02/000001", old.plusSeconds(86_400 * 2));
        assertThat(i.expiresAt()).isEqualTo(Instant.parse("2026-03-15T10:00:00Z"))
                .isEqualTo(BillingPeriod.MONTHLY.addTo(old));
        assertThat(event.type()).isEqualTo("RENEWED");
        assertThat(event.detail()).contains("INV/2026/02/000001");
    }

    @Test
    void customer_actions_are_locked_while_suspended_and_after_termination() {
        Instance i = server();
        i.requireCustomerActionsAllowed();
        i.suspendByOperator(ADMIN, "abuse", NOW);
        assertRefused(i::requireCustomerActionsAllowed, ErrorCode.INSTANCE_SUSPENDED);
        i.terminate(ADMIN, "closed", null, NOW);
        assertRefused(i::requireCustomerActionsAllowed, ErrorCode.INSTANCE_TERMINATED);
        assertThat(i.nextLifecycleAt()).isNull();
    }

    @Test
    void operators_must_give_a_reason_and_cannot_suspend_twice() {
        Instance i = server();
        assertRefused(() -> i.suspendByOperator(ADMIN, "  ", NOW), ErrorCode.VALIDATION_ERROR);
        assertRefused(() -> i.terminate(ADMIN, null, null, NOW), ErrorCode.VALIDATION_ERROR);
        i.suspendByOperator(ADMIN, "abuse", NOW);
        assertRefused(() -> i.suspendByOperator(ADMIN, "again", NOW), ErrorCode.INSTANCE_STATE_CONFLICT);
        assertThat(i.unsuspend(ADMIN, "resolved", null, NOW).actor()).isEqualTo(ADMIN);
        assertThat(i.suspension()).isNull();
    }

    @Test
    void a_terminated_server_is_never_renewed() {
        Instance i = server();
        i.terminate(ADMIN, "closed", null, NOW);
        assertRefused(() -> i.renew(ADMIN, null, NOW), ErrorCode.INSTANCE_TERMINATED);
    }

    @Test
    void a_server_created_on_the_31st_renews_on_the_31st_after_a_short_month() {
        Instance i = server(); // created 2026-01-31, paid until 2026-02-28
        i.renew(ADMIN, null, NOW);
        assertThat(i.expiresAt()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
        i.renew(ADMIN, null, NOW);
        assertThat(i.expiresAt()).isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));
        i.renew(ADMIN, null, NOW);
        assertThat(i.expiresAt()).isEqualTo(Instant.parse("2026-05-31T10:00:00Z"));
    }

    @Test
    void a_daily_server_paid_after_its_suspension_gets_a_whole_day_from_the_payment() {
        Instance i = Instance.launched(UUID.randomUUID(), UUID.randomUUID(), "FAKE", "1", "web-1", "sgp1", "s",
                "ubuntu", "203.0.113.9", null, NOW, NOW, BillingPeriod.DAILY, Money.rupiah(5_000), "hash");
        Instant paidAt = i.expiresAt().plus(java.time.Duration.ofDays(4));
        i.suspendForNonPayment("SUSPEND:x", i.expiresAt().plus(java.time.Duration.ofDays(3)));
        i.renew(ADMIN, null, paidAt);
        assertThat(i.expiresAt()).isEqualTo(paidAt.plus(java.time.Duration.ofDays(1)));
        assertThat(i.isDueForUnsuspension(paidAt)).isTrue();
    }
}
