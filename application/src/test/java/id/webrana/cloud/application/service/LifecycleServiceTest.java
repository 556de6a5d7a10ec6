package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.InstancesUseCase.PerformActionCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.application.fakes.FakePaymentGateway;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleServiceTest {

    private final TestWorld world = new TestWorld();
    /** A second scheduler on the same storage, as a second server on the same database. */
    private final LifecycleService otherScheduler = new LifecycleService(world.instances, world.instanceEvents,
            world.instanceActions, world.credentials, world.invoices, world.wallets, world.renewals, world.cloud,
            world.notifier, world.tx, world.clock, world.lifecycleSettings);

    private void runBothSchedulersAt(Instant at) {
        world.clock.set(at);
        world.lifecycle.runDueLifecycleSteps(50);
        otherScheduler.runDueLifecycleSteps(50);
        world.lifecycle.runDueLifecycleSteps(50);
    }

    private Instance reload(Instance i) {
        return world.instances.findById(i.id()).orElseThrow();
    }

    private List<String> reminders(Instance i) {
        return world.notifier.sent("VPS_EXPIRING").stream().filter(n -> n.variables().get("hostname")
                .equals(i.hostname())).map(n -> n.variables().get("reminder")).toList();
    }

    @Test
    void a_server_walks_through_reminders_a_failed_auto_renewal_grace_suspension_payment_and_termination() {
        Instance instance = world.activeInstance();
        UUID owner = instance.userId();
        world.instanceService.setAutoRenew(owner, instance.id(), true);
        Instant p = instance.expiresAt();
        String serverId = instance.providerServerId();

        runBothSchedulersAt(p.minus(Duration.ofDays(8)));
        assertThat(world.notifier.sent("VPS_EXPIRING")).isEmpty();
        assertThat(world.renewals.openInvoice(reload(instance))).isEmpty();

        // 7 days ahead: the renewal invoice, a failed auto-renewal (empty wallet), the 7-day reminder
        runBothSchedulersAt(p.minus(Duration.ofDays(7)));
        runBothSchedulersAt(p.minus(Duration.ofDays(7)).plusSeconds(30));
        Invoice renewal = world.renewals.openInvoice(reload(instance)).orElseThrow();
        assertThat(renewal.purpose()).isEqualTo(InvoicePurpose.RENEWAL);
        assertThat(renewal.total().rupiah()).isEqualTo(150_000);
        assertThat(world.notifier.sent("VPS_AUTO_RENEW_FAILED")).hasSize(1);
        assertThat(reminders(instance)).containsExactly("7D");

        for (Duration before : List.of(Duration.ofDays(3), Duration.ofDays(1), Duration.ofHours(8))) {
            runBothSchedulersAt(p.minus(before));
            runBothSchedulersAt(p.minus(before).plusSeconds(1));
        }
        assertThat(reminders(instance)).containsExactly("7D", "3D", "1D", "8H");
        assertThat(world.notifier.sent("VPS_AUTO_RENEW_FAILED")).as("told once per period").hasSize(1);

        // expiry and grace: warnings, the server keeps running
        runBothSchedulersAt(p);
        runBothSchedulersAt(p.plus(Duration.ofDays(2)));
        assertThat(world.notifier.sent("VPS_EXPIRED")).hasSize(2);
        assertThat(reload(instance).status()).isEqualTo(Instance.Status.ACTIVE);
        assertThat(world.cloud.performedActions()).isEmpty();

        // grace over: suspended, powered off at the provider, customer actions locked
        runBothSchedulersAt(p.plus(Duration.ofDays(3)));
        runBothSchedulersAt(p.plus(Duration.ofDays(3)).plusSeconds(5));
        assertThat(reload(instance).status()).isEqualTo(Instance.Status.SUSPENDED);
        assertThat(world.cloud.performedActions()).containsExactly(serverId + ":POWER_OFF");
        assertThat(world.cloud.isPoweredOff(serverId)).isTrue();
        assertThat(world.notifier.sent("VPS_SUSPENDED")).hasSize(1);
        assertThatThrownBy(() -> world.instanceService.performAction(new PerformActionCommand(owner, instance.id(),
                "reboot", new Actor(Actor.Type.CUSTOMER, owner.toString()))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSTANCE_SUSPENDED));

        // the customer tops up and pays the renewal: one more month from the old expiry, powered on at once
        world.clock.set(p.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)));
        world.topUp(owner, 150_000);
        world.billing.pay(new PayInvoiceCommand(owner, renewal.id(), "WALLET"));
        assertThat(reload(instance).expiresAt()).isEqualTo(BillingPeriod.MONTHLY.addTo(p));
        runBothSchedulersAt(world.clock.instant());
        assertThat(reload(instance).status()).isEqualTo(Instance.Status.ACTIVE);
        assertThat(world.cloud.performedActions()).containsExactly(serverId + ":POWER_OFF", serverId + ":POWER_ON");
        assertThat(world.notifier.sent("VPS_UNSUSPENDED")).hasSize(1);

        // the second period: auto-renew off, nobody pays; all the way to termination
        world.instanceService.setAutoRenew(owner, instance.id(), false);
        Instant p2 = reload(instance).expiresAt();
        for (Duration before : List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1), Duration.ofHours(8))) {
            runBothSchedulersAt(p2.minus(before));
        }
        runBothSchedulersAt(p2);
        runBothSchedulersAt(p2.plus(Duration.ofDays(3)));
        Instance suspended = reload(instance);
        assertThat(suspended.status()).isEqualTo(Instance.Status.SUSPENDED);
        runBothSchedulersAt(suspended.suspendedAt().plus(Duration.ofDays(7)).minusSeconds(1));
        assertThat(world.cloud.deletedServers()).isEmpty();
        runBothSchedulersAt(suspended.suspendedAt().plus(Duration.ofDays(7)));
        runBothSchedulersAt(suspended.suspendedAt().plus(Duration.ofDays(8)));

        assertThat(reload(instance).status()).isEqualTo(Instance.Status.TERMINATED);
        assertThat(world.cloud.deletedServers()).containsExactly(serverId);
        assertThat(world.notifier.sent("VPS_TERMINATED")).hasSize(1);
        assertThat(reminders(instance)).containsExactly("7D", "3D", "1D", "8H", "7D", "3D", "1D", "8H");
        assertThat(world.cloud.performedActions()).containsExactly(serverId + ":POWER_OFF", serverId + ":POWER_ON",
                serverId + ":POWER_OFF");
        assertThat(world.instanceEvents.types(instance.id())).containsSubsequence("CREATED", "RENEWAL_INVOICE_RAISED",
                "AUTO_RENEW_FAILED", "REMINDER_SENT", "GRACE_STARTED_SENT", "GRACE_FINAL_WARNING_SENT", "SUSPENDED",
                "RENEWED", "UNSUSPENDED", "SUSPENDED", "TERMINATED");
        assertThat(world.invoices.findLatestFor(InvoicePurpose.RENEWAL, instance.id()).orElseThrow().isUnpaid())
                .as("the unpaid renewal is closed with the server").isFalse();
    }

    @Test
    void auto_renewal_from_the_wallet_extends_the_expiry_by_exactly_one_period_and_writes_one_ledger_entry() {
        Instance instance = world.activeInstance();
        UUID owner = instance.userId();
        world.instanceService.setAutoRenew(owner, instance.id(), true);
        world.topUp(owner, 400_000);
        Instant p = instance.expiresAt();

        runBothSchedulersAt(p.minus(Duration.ofDays(7)));
        runBothSchedulersAt(p.minus(Duration.ofDays(3)));

        assertThat(reload(instance).expiresAt()).isEqualTo(BillingPeriod.MONTHLY.addTo(p));
        List<WalletEntry> renewals = world.wallets.entries(owner, new PageRequest(0, 50)).items().stream()
                .filter(e -> e.type() == WalletEntryType.RENEWAL).toList();
        assertThat(renewals).hasSize(1);
        assertThat(renewals.get(0).amount()).isEqualTo(-150_000);
        assertThat(world.wallets.find(owner).balance().rupiah()).isEqualTo(250_000);
        assertThat(world.wallets.ledgerSum(owner)).isEqualTo(250_000);
        assertThat(world.notifier.sent("VPS_EXPIRING")).as("a renewed server needs no reminder").isEmpty();
        assertThat(world.notifier.sent("VPS_RENEWED")).hasSize(1);
    }

    @Test
    void after_a_long_downtime_the_scheduler_suspends_without_sending_the_stale_reminders() {
        Instance instance = world.activeInstance();
        Instant p = instance.expiresAt();

        runBothSchedulersAt(p.plus(Duration.ofDays(4)));

        assertThat(reload(instance).status()).isEqualTo(Instance.Status.SUSPENDED);
        assertThat(world.notifier.sent("VPS_EXPIRING")).isEmpty();
        assertThat(world.notifier.sent("VPS_EXPIRED")).isEmpty();
        assertThat(world.notifier.sent("VPS_SUSPENDED")).hasSize(1);
        assertThat(world.instanceEvents.types(instance.id()))
                .filteredOn(t -> t.endsWith("_SKIPPED")).hasSize(6);
        assertThat(world.renewals.openInvoice(reload(instance))).as("the renewal invoice is still raised").isPresent();
    }

    @Test
    void a_downtime_inside_the_reminder_window_sends_only_the_latest_reminder() {
        Instance instance = world.activeInstance();
        Instant p = instance.expiresAt();

        runBothSchedulersAt(p.minus(Duration.ofHours(20)));

        assertThat(reminders(instance)).containsExactly("1D");
    }

    @Test
    void a_provider_failure_leaves_the_suspension_due_and_it_happens_once_the_provider_answers() {
        Instance instance = world.activeInstance();
        Instant p = instance.expiresAt();
        runBothSchedulersAt(p.plus(Duration.ofDays(2)));
        world.cloud.failNextCallsTransiently(1, 503, null);

        runBothSchedulersAt(p.plus(Duration.ofDays(3)));
        assertThat(reload(instance).status()).isEqualTo(Instance.Status.ACTIVE);
        assertThat(world.notifier.sent("VPS_SUSPENDED")).isEmpty();

        runBothSchedulersAt(p.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
        assertThat(reload(instance).status()).isEqualTo(Instance.Status.SUSPENDED);
        assertThat(world.notifier.sent("VPS_SUSPENDED")).hasSize(1);
    }

    @Test
    void a_server_suspended_by_an_operator_is_neither_unsuspended_nor_terminated_by_the_scheduler() {
        Instance instance = world.activeInstance();
        world.instanceService.forceSuspend(instance.id(), TestWorld.ADMIN, "abuse report #12");

        runBothSchedulersAt(world.clock.instant().plus(Duration.ofDays(20)));

        assertThat(reload(instance).status()).isEqualTo(Instance.Status.SUSPENDED);
        assertThat(reload(instance).suspension()).isEqualTo(Instance.Suspension.OPERATOR);
        assertThat(world.cloud.deletedServers()).isEmpty();
    }

    @Test
    void paying_the_renewal_through_the_gateway_renews_the_server_too() {
        Instance instance = world.activeInstance();
        runBothSchedulersAt(instance.expiresAt().minus(Duration.ofDays(7)));
        Invoice renewal = world.renewals.openInvoice(reload(instance)).orElseThrow();

        String reference = world.billing.pay(new PayInvoiceCommand(instance.userId(), renewal.id(), "BRIVA"))
                .openAttempt().reference();
        world.gateway.settle(reference, GatewayStatus.PAID, world.clock.instant());
        byte[] body = world.gateway.body(world.gateway.callbackFor(reference));
        world.billing.handleCallback(body, FakePaymentGateway.sign(body), "payment_status");

        assertThat(reload(instance).expiresAt()).isEqualTo(BillingPeriod.MONTHLY.addTo(instance.expiresAt()));
        Notification renewed = world.notifier.only("VPS_RENEWED");
        assertThat(renewed.variables()).containsEntry("invoiceNumber", renewal.number());
    }

    @Test
    void with_snapshots_configured_a_snapshot_is_taken_and_finished_before_the_droplet_is_destroyed() {
        TestWorld snapshots = new TestWorld(LifecycleSettings.defaults().withSnapshotBeforeTerminate(true));
        Instance instance = snapshots.activeInstance();
        Instant p = instance.expiresAt();
        snapshots.clock.set(p.plus(Duration.ofDays(3)));
        snapshots.lifecycle.runDueLifecycleSteps(10);
        Instant terminateAt = snapshots.instances.findById(instance.id()).orElseThrow().suspendedAt()
                .plus(Duration.ofDays(7));

        snapshots.clock.set(terminateAt);
        snapshots.lifecycle.runDueLifecycleSteps(10);
        assertThat(snapshots.cloud.performedActions()).last().asString().contains(":SNAPSHOT:webrana-web-1-");
        assertThat(snapshots.cloud.deletedServers()).as("not before the snapshot is done").isEmpty();

        snapshots.clock.set(terminateAt.plus(Duration.ofMinutes(1)));
        snapshots.lifecycle.runDueLifecycleSteps(10);
        assertThat(snapshots.cloud.deletedServers()).containsExactly(instance.providerServerId());
        assertThat(snapshots.instanceEvents.types(instance.id())).containsSubsequence("SNAPSHOT_REQUESTED",
                "TERMINATED");
    }
}
