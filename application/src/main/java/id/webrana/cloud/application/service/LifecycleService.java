package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.RunLifecycleUseCase;
import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.InstanceActionRepository;
import id.webrana.cloud.application.port.out.InstanceEventRepository;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ServerAction;
import id.webrana.cloud.application.port.out.ServerCredentialRepository;
import id.webrana.cloud.application.port.out.ServerStatus;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.WalletRepository;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.provisioning.ActionType;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.provisioning.LifecyclePolicy;
import id.webrana.cloud.domain.provisioning.LifecyclePolicy.Due;
import id.webrana.cloud.domain.provisioning.ServerCredential;
import id.webrana.cloud.domain.shared.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one scheduler behind renewals, reminders, grace, suspension and termination, and the follower
 * of running actions.
 *
 * <p>An instance is claimed with {@code FOR UPDATE SKIP LOCKED} when its {@code nextLifecycleAt} is
 * due; under that lock the {@link LifecyclePolicy} says which steps are due, each is performed and
 * recorded under its per-period key in the same transaction, and the next look is scheduled. A
 * second scheduler skips the locked row and, were the lock ever lost, the unique step key refuses
 * the second record and rolls its transaction back: no step is done twice. A step that calls the
 * provider (power off, power on, destroy) is recorded only once the provider accepted it; if the
 * provider fails, the step stays due and is tried again a minute later. After a downtime the policy
 * returns the overdue steps in order and marks the notices nobody needs any more as stale: they are
 * recorded as skipped, never sent.
 */
public class LifecycleService implements RunLifecycleUseCase {

    private static final Logger LOG = Logger.getLogger(LifecycleService.class.getName());
    static final Actor SCHEDULER = Actor.system("lifecycle");
    private static final Duration PROVIDER_RETRY = Duration.ofMinutes(1);
    private static final int MAX_STEPS_PER_CLAIM = 20;

    private final InstanceRepository instances;
    private final InstanceEventRepository events;
    private final InstanceActionRepository actions;
    private final ServerCredentialRepository credentials;
    private final InvoiceRepository invoices;
    private final WalletRepository wallets;
    private final Renewals renewals;
    private final CloudProvider provider;
    private final Notifier notifier;
    private final TransactionRunner tx;
    private final Clock clock;
    private final LifecycleSettings settings;

    public LifecycleService(InstanceRepository instances, InstanceEventRepository events,
                            InstanceActionRepository actions, ServerCredentialRepository credentials,
                            InvoiceRepository invoices, WalletRepository wallets, Renewals renewals,
                            CloudProvider provider, Notifier notifier, TransactionRunner tx, Clock clock,
                            LifecycleSettings settings) {
        this.instances = instances;
        this.events = events;
        this.actions = actions;
        this.credentials = credentials;
        this.invoices = invoices;
        this.wallets = wallets;
        this.renewals = renewals;
        this.provider = provider;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public int runDueLifecycleSteps(int maxInstances) {
        int handled = 0;
        while (handled < maxInstances) {
            java.util.concurrent.atomic.AtomicReference<java.util.UUID> claimed =
                    new java.util.concurrent.atomic.AtomicReference<>();
            boolean worked;
            try {
                worked = tx.inTransaction(() -> {
                    List<Instance> due = instances.claimDueForLifecycle(clock.instant(), 1);
                    if (due.isEmpty()) {
                        return false;
                    }
                    claimed.set(due.get(0).id());
                    handle(due.get(0));
                    return true;
                });
            } catch (RuntimeException e) {
                if (claimed.get() == null) {
                    throw e; // the claim itself failed: the database is in trouble, not one instance
                }
                // One instance must not stop the others: its steps were rolled back; look at it again later.
                if (!postpone(claimed.get(), e)) {
                    return handled;
                }
                worked = true;
            }
            if (!worked) {
                break;
            }
            handled++;
        }
        return handled;
    }

    /** After a failed pass over an instance: its next look in {@link #FAILED_PASS_RETRY}, operators told. */
    private boolean postpone(java.util.UUID instanceId, RuntimeException failure) {
        LOG.log(Level.WARNING, "lifecycle pass over instance " + instanceId + " failed; trying again in "
                + FAILED_PASS_RETRY, failure);
        try {
            tx.inTransaction(() -> {
                instances.findByIdForUpdate(instanceId).ifPresent(i -> {
                    i.scheduleNextLifecycleCheck(clock.instant().plus(FAILED_PASS_RETRY));
                    instances.save(i);
                    alert("server " + i.hostname() + " (" + i.id() + ")", "the lifecycle step failed and is "
                            + "tried again every " + FAILED_PASS_RETRY.toMinutes() + " minutes: " + failure);
                });
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not postpone instance " + instanceId, e);
            return false;
        }
    }

    static final Duration FAILED_PASS_RETRY = Duration.ofMinutes(5);

    /** Performs every step due for the locked instance, then schedules its next look. */
    private void handle(Instance instance) {
        Instant now = clock.instant();
        LifecyclePolicy policy = settings.policy();
        Set<String> done = new HashSet<>(events.stepKeys(instance.id()));
        for (int round = 0; round < MAX_STEPS_PER_CLAIM; round++) {
            List<Due> due = policy.due(instance, now, done);
            if (due.isEmpty()) {
                break;
            }
            Due step = due.get(0);
            try {
                perform(instance, step, now, done);
            } catch (CloudProviderException e) {
                if (!e.isTransient()) {
                    alert("server " + instance.hostname() + " (" + instance.id() + ")", "lifecycle step " + step.key()
                            + " was refused by the provider and will be tried again: " + e.getMessage());
                }
                Duration retry = e.retryAfter().filter(d -> d.compareTo(PROVIDER_RETRY) < 0).orElse(PROVIDER_RETRY);
                LOG.log(Level.WARNING, "lifecycle step " + step.key() + " of " + instance.id()
                        + " needs the provider, which failed; trying again in " + retry, e);
                instance.scheduleNextLifecycleCheck(now.plus(retry));
                instances.save(instance);
                return;
            }
            done.add(step.key());
        }
        // more due than one claim may do (a long downtime): come back at once, else at the next step's time
        Instant next = policy.due(instance, now, done).isEmpty() ? policy.nextCheck(instance, now, done) : now;
        instance.scheduleNextLifecycleCheck(next);
        instances.save(instance);
    }

    private void perform(Instance instance, Due step, Instant now, Set<String> done) {
        switch (step.step()) {
            case RENEWAL_INVOICE -> {
                Renewals.Raised raised = renewals.raise(instance, now);
                record(InstanceEvent.of(instance.id(), "RENEWAL_INVOICE_RAISED", SCHEDULER,
                        "invoice " + raised.invoice().number(), step.key(), now));
                if (!tryAutoRenew(instance, raised.invoice(), now, done) && raised.raised()) {
                    renewals.notifyOwner(instance, "VPS_RENEWAL_INVOICE", invoiceVariables(instance, raised.invoice()),
                            "VPS_RENEWAL_INVOICE:" + raised.invoice().id());
                }
            }
            case REMINDER, GRACE_STARTED, GRACE_FINAL_WARNING -> notice(instance, step, now, done);
            case SUSPEND -> {
                Invoice invoice = renewals.raise(instance, now).invoice();
                if (tryAutoRenew(instance, invoice, now, done)) {
                    record(InstanceEvent.of(instance.id(), "SUSPENSION_AVOIDED", SCHEDULER,
                            "renewed from the wallet at the last moment", step.key(), now));
                    return;
                }
                String powerOff = powerOff(instance);
                record(instance.suspendForNonPayment(step.key(), now));
                events.append(InstanceEvent.of(instance.id(), "POWER_OFF", SCHEDULER, powerOff, null, now));
                Map<String, String> vars = invoiceVariables(instance, invoice);
                vars.put("reason", "tagihan perpanjangan " + invoice.number() + " belum dibayar");
                vars.put("terminateAt", instance.suspendedAt().plus(settings.policy().retention()).toString());
                renewals.notifyOwner(instance, "VPS_SUSPENDED", vars, "VPS_SUSPENDED:" + step.key());
            }
            case UNSUSPEND -> {
                String powerOn = powerOn(instance);
                record(instance.unsuspend(SCHEDULER, "renewal paid", step.key(), now));
                events.append(InstanceEvent.of(instance.id(), "POWER_ON", SCHEDULER, powerOn, null, now));
                renewals.notifyOwner(instance, "VPS_UNSUSPENDED", Map.of("expiresAt", instance.expiresAt().toString()),
                        "VPS_UNSUSPENDED:" + step.key());
            }
            case TERMINATE -> terminate(instance, step, now, done);
        }
    }

    /** A reminder or grace warning: sent unless stale or no longer needed (auto-renewed now). */
    private void notice(Instance instance, Due step, Instant now, Set<String> done) {
        String type = step.step() == LifecyclePolicy.Step.REMINDER ? "REMINDER" : step.step().name();
        if (step.stale()) {
            record(InstanceEvent.of(instance.id(), type + "_SKIPPED", SCHEDULER,
                    "overtaken by a later step (due " + step.at() + ")", step.key(), now));
            return;
        }
        Invoice invoice = renewals.raise(instance, now).invoice();
        if (tryAutoRenew(instance, invoice, now, done)) {
            record(InstanceEvent.of(instance.id(), type + "_NOT_NEEDED", SCHEDULER, "renewed from the wallet",
                    step.key(), now));
            return;
        }
        record(InstanceEvent.of(instance.id(), type + "_SENT", SCHEDULER,
                step.label() == null ? null : step.label(), step.key(), now));
        Map<String, String> vars = invoiceVariables(instance, invoice);
        if (step.step() == LifecyclePolicy.Step.REMINDER) {
            vars.put("ipv4", instance.ipv4() == null ? "" : instance.ipv4());
            vars.put("instanceId", instance.id().toString());
            vars.put("reminder", step.label());
            vars.put("autoRenew", Boolean.toString(instance.autoRenew()));
            renewals.notifyOwner(instance, "VPS_EXPIRING", vars, "VPS_EXPIRING:" + step.key());
        } else {
            vars.put("suspendAt", settings.policy().suspensionAt(instance).toString());
            renewals.notifyOwner(instance, "VPS_EXPIRED", vars, "VPS_EXPIRED:" + step.key());
        }
    }

    /**
     * Pays the open renewal invoice from the wallet when auto-renew is on and the balance covers it.
     * The first shortfall of a period is recorded and told to the customer once.
     */
    private boolean tryAutoRenew(Instance instance, Invoice invoice, Instant now, Set<String> done) {
        if (!instance.autoRenew() || !invoice.isUnpaid()) {
            return false;
        }
        Instant period = instance.expiresAt();
        if (renewals.payFromWalletIfPossible(instance, invoice, Actor.system("auto-renew"), now)) {
            events.append(InstanceEvent.of(instance.id(), "AUTO_RENEWED", SCHEDULER, "invoice " + invoice.number()
                    + " paid from the wallet; paid until " + instance.expiresAt(), null, now));
            return true;
        }
        String key = "AUTO_RENEW_FAILED:" + period;
        if (!done.contains(key)) {
            long balance = wallets.find(instance.userId()).balance().rupiah(); // a read: no lock held for it
            record(InstanceEvent.of(instance.id(), "AUTO_RENEW_FAILED", SCHEDULER, "wallet balance " + balance
                    + " < " + invoice.total().rupiah() + " for invoice " + invoice.number(), key, now));
            done.add(key);
            Map<String, String> vars = invoiceVariables(instance, invoice);
            vars.put("balance", Long.toString(balance));
            renewals.notifyOwner(instance, "VPS_AUTO_RENEW_FAILED", vars, "VPS_AUTO_RENEW_FAILED:" + key);
        }
        return false;
    }

    private void terminate(Instance instance, Due step, Instant now, Set<String> done) {
        Optional<Invoice> open = renewals.openInvoice(instance);
        if (open.isPresent() && tryAutoRenew(instance, open.get(), now, done)) {
            return; // renewed at the last moment: the unsuspension is due now instead
        }
        if (settings.snapshotBeforeTerminate() && provider.capabilities().snapshots()) {
            String snapshotKey = "SNAPSHOT:" + instance.suspendedAt();
            if (!done.contains(snapshotKey)) {
                ProviderAction snapshot = provider.snapshot(instance.providerServerId(),
                        "webrana-" + instance.hostname() + "-" + now.getEpochSecond());
                record(InstanceEvent.of(instance.id(), "SNAPSHOT_REQUESTED", SCHEDULER,
                        snapshot.providerActionId(), snapshotKey, now));
                done.add(snapshotKey);
                throw waitForSnapshot();
            }
            InstanceEvent requested = events.history(instance.id(), 500).stream()
                    .filter(e -> snapshotKey.equals(e.stepKey())).findFirst().orElse(null);
            if (requested != null && requested.detail() != null) {
                ProviderAction state = provider.findAction(instance.providerServerId(), requested.detail());
                if (state.status() == ProviderAction.Status.ERRORED) {
                    // never destroy the data without the snapshot that was promised: an operator decides
                    alert("server " + instance.hostname() + " (" + instance.id() + ")", "the snapshot before "
                            + "termination failed; the server stays suspended until an operator terminates it");
                    throw waitForSnapshot();
                }
                boolean waitedLongEnough = now.isAfter(requested.at().plus(settings.actionTimeout()));
                if (state.status() == ProviderAction.Status.IN_PROGRESS && !waitedLongEnough) {
                    throw waitForSnapshot();
                }
            }
        }
        provider.deleteServer(instance.providerServerId());
        String reason = "renewal not paid; suspended since " + instance.suspendedAt();
        record(instance.terminate(SCHEDULER, reason, step.key(), now));
        endRunningAction(instance, "the server was terminated", now);
        closeOpenInvoice(instance, "server terminated");
        renewals.notifyOwner(instance, "VPS_TERMINATED", Map.of("reason", "tagihan perpanjangan tidak dibayar",
                "terminatedAt", now.toString()), "VPS_TERMINATED:" + instance.id());
    }

    /** Thrown to leave the termination due and look again a minute later (the snapshot is still running). */
    private static CloudProviderException waitForSnapshot() {
        return CloudProviderException.transientFailure("waiting for the snapshot before destroying", 0, null);
    }

    void closeOpenInvoice(Instance instance, String reason) {
        renewals.openInvoice(instance).flatMap(i -> invoices.findByIdForUpdate(i.id())).filter(Invoice::isUnpaid)
                .ifPresent(i -> {
                    i.expire(reason);
                    invoices.save(i);
                });
    }

    /** Powers the server off unless it is off already; returns what was done, for the history. */
    String powerOff(Instance instance) {
        if (actions.findInProgress(instance.id()).isPresent()) {
            // a power_on or power_cycle still running would undo the power-off: wait until it has ended
            throw CloudProviderException.transientFailure("an action is still running on the server", 0,
                    Duration.ofSeconds(30));
        }
        Optional<CloudServer> server = provider.findServer(instance.providerServerId());
        if (server.isEmpty() || server.get().status() == ServerStatus.OFF) {
            return server.isEmpty() ? "the provider no longer knows the server" : "already off";
        }
        ProviderAction action = provider.performAction(instance.providerServerId(), ServerAction.POWER_OFF);
        return "provider action " + action.providerActionId();
    }

    /** Powers the server on unless it is running already; returns what was done, for the history. */
    String powerOn(Instance instance) {
        Optional<CloudServer> server = provider.findServer(instance.providerServerId());
        if (server.isEmpty() || server.get().status() == ServerStatus.ACTIVE) {
            return server.isEmpty() ? "the provider no longer knows the server" : "already running";
        }
        ProviderAction action = provider.performAction(instance.providerServerId(), ServerAction.POWER_ON);
        return "provider action " + action.providerActionId();
    }

    /** Records a step; should its key exist after all (a lost lock), the transaction is rolled back. */
    private void record(InstanceEvent event) {
        if (event.stepKey() == null) {
            events.append(event);
        } else if (!events.recordStep(event)) {
            throw new IllegalStateException("lifecycle step " + event.stepKey() + " was recorded by someone else");
        }
    }

    private Map<String, String> invoiceVariables(Instance instance, Invoice invoice) {
        Map<String, String> vars = new java.util.HashMap<>();
        vars.put("expiresAt", instance.expiresAt().toString());
        vars.put("invoiceNumber", invoice.number());
        vars.put("amount", Long.toString(invoice.total().rupiah()));
        vars.put("link", renewals.invoiceLink(invoice));
        vars.put("autoRenew", Boolean.toString(instance.autoRenew()));
        return vars;
    }

    // ------------------------------------------------------------------ running actions

    @Override
    public int followRunningActions(int maxActions) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            List<InstanceAction> running = actions.claimInProgress(maxActions);
            int ended = 0;
            for (InstanceAction action : running) {
                InstanceEvent event = follow(action, now);
                if (event != null) {
                    actions.save(action);
                    events.append(event);
                    ended++;
                }
            }
            return ended;
        });
    }

    private InstanceEvent follow(InstanceAction action, Instant now) {
        if (action.type() == ActionType.RESET_PASSWORD) {
            return followPasswordReset(action, now);
        }
        if (action.providerActionId() == null) {
            return action.fail("no provider action to follow", now);
        }
        Optional<Instance> instance = instances.findById(action.instanceId());
        if (instance.isEmpty() || instance.get().status() == Instance.Status.TERMINATED) {
            return action.fail("the server was terminated", now);
        }
        boolean overdue = now.isAfter(action.requestedAt().plus(settings.actionTimeout()));
        try {
            ProviderAction state = provider.findAction(instance.get().providerServerId(), action.providerActionId());
            return switch (state.status()) {
                case COMPLETED -> action.complete(now);
                case ERRORED -> action.fail("the provider reported the action as errored", now);
                case IN_PROGRESS -> overdue ? action.fail("still in progress after "
                        + settings.actionTimeout().toMinutes() + " minutes", now) : null;
            };
        } catch (CloudProviderException e) {
            if (!e.isTransient()) { // e.g. 404: the provider no longer knows the action; it will never end
                return action.fail("the provider cannot tell: " + e.getMessage(), now);
            }
            if (overdue) {
                return action.fail("the provider could not be asked for " + settings.actionTimeout().toMinutes()
                        + " minutes: " + e.getMessage(), now);
            }
            LOG.log(Level.FINE, "could not follow action " + action.id() + "; later", e);
            return null;
        }
    }

    /**
     * A password reset ends when the agent confirms; without an answer it ends ERRORED, saying whether the
     * agent had fetched the new password (then it may be in force: the agent died before confirming).
     */
    private InstanceEvent followPasswordReset(InstanceAction action, Instant now) {
        if (!now.isAfter(action.requestedAt().plus(settings.passwordResetTimeout()))) {
            return null;
        }
        Optional<ServerCredential> credential = credentials.findByAction(action.id());
        boolean fetched = credential.map(c -> c.deliveredAt() != null).orElse(false);
        credential.filter(ServerCredential::isPendingDelivery).ifPresent(c -> {
            c.discard();
            credentials.save(c);
        });
        return action.fail(fetched
                ? "the WeBrana agent fetched the new password but did not confirm within "
                        + settings.passwordResetTimeout().toMinutes() + " minutes: try logging in with the new "
                        + "password, else with the old one"
                : "the WeBrana agent on the server did not fetch the new password within "
                        + settings.passwordResetTimeout().toMinutes() + " minutes (is webrana-agent.timer running?);"
                        + " the old password still works", now);
    }

    /** A terminated server's running action will never end: end it now. */
    void endRunningAction(Instance instance, String why, Instant now) {
        actions.findInProgress(instance.id()).ifPresent(a -> {
            InstanceEvent ended = a.fail(why, now);
            if (ended != null) {
                actions.save(a);
                events.append(ended);
            }
        });
    }

    /** Tells operators once an hour per subject. */
    private void alert(String subject, String message) {
        notifier.notify(new Notification("PROVIDER_UNREACHABLE", "OPERATOR", "operators", "id",
                Map.of("subject", subject, "message", message), "LIFECYCLE:" + subject + ":"
                        + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
    }
}
