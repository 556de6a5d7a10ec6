package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AdminInstancesUseCase;
import id.webrana.cloud.application.port.in.InstancesUseCase;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.application.port.in.ServerAgentUseCase;
import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.InstanceActionRepository;
import id.webrana.cloud.application.port.out.InstanceEventRepository;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.application.port.out.InstanceRepository.InstanceSearch;
import id.webrana.cloud.application.port.out.OrderRepository;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ProviderCapabilities;
import id.webrana.cloud.application.port.out.ProvisioningTaskRepository;
import id.webrana.cloud.application.port.out.ProvisioningWakeUp;
import id.webrana.cloud.application.port.out.ServerAction;
import id.webrana.cloud.application.port.out.ServerCredentialRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.ActionType;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.provisioning.ServerCredential;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Customers' servers (list, detail, actions, auto-renew, passwords), operators' interventions
 * (suspend, unsuspend, terminate, retry, cleanup) and the server agent's requests.
 *
 * <p>An action is checked and started under the instance's row lock, so two clicks cannot start two
 * actions; the provider is called inside that transaction and, because a power action is not
 * idempotent, never retried. Another customer's server is answered exactly like a server that does
 * not exist ({@code INSTANCE_NOT_FOUND}, 404), so ids cannot be probed.
 */
public class InstanceService implements InstancesUseCase, AdminInstancesUseCase, ServerAgentUseCase {

    private static final Logger LOG = Logger.getLogger(InstanceService.class.getName());
    private static final String WEBRANA_TAG = "webrana";

    private final InstanceRepository instances;
    private final InstanceActionRepository actions;
    private final InstanceEventRepository events;
    private final ServerCredentialRepository credentials;
    private final OrderRepository orders;
    private final ProvisioningTaskRepository tasks;
    private final Renewals renewals;
    private final LifecycleService lifecycle;
    private final CloudProvider provider;
    private final ProvisioningWakeUp wakeUp;
    private final TransactionRunner tx;
    private final Clock clock;
    private final LifecycleSettings settings;
    private final Duration provisioningTimeout;
    private final id.webrana.cloud.application.port.out.UserRepository users;
    private final Map<String, PowerState> powerStates = new ConcurrentHashMap<>();

    private record PowerState(String state, Instant at) {
    }

    public InstanceService(InstanceRepository instances, InstanceActionRepository actions,
                           InstanceEventRepository events, ServerCredentialRepository credentials,
                           OrderRepository orders, ProvisioningTaskRepository tasks, Renewals renewals,
                           LifecycleService lifecycle, CloudProvider provider, ProvisioningWakeUp wakeUp,
                           TransactionRunner tx, Clock clock, LifecycleSettings settings,
                           Duration provisioningTimeout, id.webrana.cloud.application.port.out.UserRepository users) {
        this.users = users;
        this.instances = instances;
        this.actions = actions;
        this.events = events;
        this.credentials = credentials;
        this.orders = orders;
        this.tasks = tasks;
        this.renewals = renewals;
        this.lifecycle = lifecycle;
        this.provider = provider;
        this.wakeUp = wakeUp;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.provisioningTimeout = provisioningTimeout;
    }

    // ------------------------------------------------------------------ customers

    @Override
    public List<InstanceSummary> listInstances(UUID userId) {
        return tx.inTransaction(() -> instances.findByUser(userId).stream().map(i -> {
            Optional<Order> order = orders.findById(i.orderId());
            return new InstanceSummary(i, order.map(o -> o.plan().name()).orElse(i.sizeSlug()),
                    order.map(o -> o.image().name()).orElse(i.imageSlug()));
        }).toList());
    }

    @Override
    public InstanceDetails getInstance(UUID userId, UUID instanceId) {
        Instance instance = tx.inTransaction(() -> owned(userId, instanceId));
        return details(instance, true);
    }

    @Override
    public ActionResult performAction(PerformActionCommand c) {
        ActionType type = ActionType.parse(c.action());
        ProviderCapabilities caps = provider.capabilities();
        ActionResult result = tx.inTransaction(() -> {
            Instant now = clock.instant();
            Instance instance = ownedForUpdate(c.userId(), c.instanceId());
            instance.requireCustomerActionsAllowed();
            if (type == ActionType.CONSOLE) {
                return console(instance, caps, c.actor(), now);
            }
            if (actions.findInProgress(instance.id()).isPresent()) {
                throw new DomainException(ErrorCode.ACTION_IN_PROGRESS, "Another action is still running on "
                        + instance.hostname() + "; wait until it has finished");
            }
            if (actions.countRequestedSince(instance.id(), now.minus(settings.actionWindow()))
                    >= settings.actionsPerWindow()) {
                throw new DomainException(ErrorCode.ACTION_RATE_LIMITED, "At most " + settings.actionsPerWindow()
                        + " actions per " + settings.actionWindow().toMinutes() + " minutes on one server; try later");
            }
            return type == ActionType.RESET_PASSWORD ? resetPassword(instance, c.actor(), now)
                    : powerAction(instance, type, caps, c.actor(), now);
        });
        powerStates.remove(c.instanceId().toString());
        return result;
    }

    private ActionResult console(Instance instance, ProviderCapabilities caps, Actor actor, Instant now) {
        if (!caps.webConsole()) {
            throw new DomainException(ErrorCode.ACTION_NOT_SUPPORTED, caps.providerName()
                    + " offers no web console through its API. Log in with ssh root@" + instance.ipv4()
                    + " (your SSH key or the root password), or use reset_password if you lost the password.");
        }
        String url = provider.consoleUrl(instance.providerServerId());
        InstanceAction action = InstanceAction.completedAtOnce(instance.id(), ActionType.CONSOLE, actor, now);
        actions.save(action);
        events.append(InstanceEvent.of(instance.id(), "CONSOLE_OPENED", actor, null, null, now));
        return new ActionResult(action, null, url, "Console opened");
    }

    /**
     * The platform chooses the password and shows it now, once; the agent on the server fetches it and
     * applies it (see {@link CloudInit}). DigitalOcean's own reset would email it to the platform's
     * account owner instead of the customer.
     */
    private ActionResult resetPassword(Instance instance, Actor actor, Instant now) {
        if (instance.agentTokenHash() == null) {
            throw new DomainException(ErrorCode.ACTION_NOT_SUPPORTED, "Server " + instance.hostname()
                    + " was created without the WeBrana agent, so its password cannot be reset from here");
        }
        String password = SecretTokens.newServerPassword();
        InstanceAction action = InstanceAction.started(instance.id(), ActionType.RESET_PASSWORD, null, actor, now);
        actions.save(action);
        credentials.save(ServerCredential.reset(instance.id(), action.id(), password, now));
        events.append(InstanceEvent.of(instance.id(), "ACTION_REQUESTED", actor, "reset_password", null, now));
        return new ActionResult(action, password, null, "The WeBrana agent on the server applies this password "
                + "within about a minute; it is shown only now. The action completes when the agent confirms.");
    }

    private ActionResult powerAction(Instance instance, ActionType type, ProviderCapabilities caps, Actor actor,
                                     Instant now) {
        ServerAction serverAction = ServerAction.valueOf(type.name());
        if (!caps.supports(serverAction)) {
            throw new DomainException(ErrorCode.ACTION_NOT_SUPPORTED, caps.providerName() + " does not offer "
                    + type.apiName());
        }
        ProviderAction started = callProvider(() -> provider.performAction(instance.providerServerId(), serverAction));
        InstanceAction action = InstanceAction.started(instance.id(), type, started.providerActionId(), actor, now);
        actions.save(action);
        events.append(InstanceEvent.of(instance.id(), "ACTION_REQUESTED", actor, type.apiName()
                + " (provider action " + started.providerActionId() + ")", null, now));
        if (started.status() != ProviderAction.Status.IN_PROGRESS) {
            InstanceEvent ended = started.status() == ProviderAction.Status.COMPLETED ? action.complete(now)
                    : action.fail("the provider reported the action as errored", now);
            actions.save(action);
            events.append(ended);
        }
        return new ActionResult(action, null, null, type.apiName() + " started");
    }

    @Override
    public InstanceDetails setAutoRenew(UUID userId, UUID instanceId, boolean enabled) {
        Instance instance = tx.inTransaction(() -> {
            Instance locked = ownedForUpdate(userId, instanceId);
            if (locked.autoRenew() != enabled) {
                events.append(locked.changeAutoRenew(enabled, customer(userId), clock.instant()));
                instances.save(locked);
            }
            return locked;
        });
        return details(instance, false);
    }

    @Override
    public String revealInitialPassword(UUID userId, UUID instanceId) {
        return tx.inTransaction(() -> {
            Instance instance = ownedForUpdate(userId, instanceId);
            Instant now = clock.instant();
            ServerCredential credential = credentials.findInitial(instance.id()).orElseThrow(
                    () -> new DomainException(ErrorCode.ACTION_NOT_SUPPORTED, "Server " + instance.hostname()
                            + " was created without a root password from WeBrana; use reset_password for one"));
            String password = credential.reveal(now);
            credentials.save(credential);
            events.append(InstanceEvent.of(instance.id(), "INITIAL_PASSWORD_SHOWN", customer(userId), null, null,
                    now));
            return password;
        });
    }

    @Override
    public Invoice renewalInvoice(UUID userId, UUID instanceId) {
        return tx.inTransaction(() -> {
            Instance instance = ownedForUpdate(userId, instanceId);
            Renewals.Raised raised = renewals.raise(instance, clock.instant());
            if (raised.raised()) {
                events.append(InstanceEvent.of(instance.id(), "RENEWAL_INVOICE_RAISED", customer(userId),
                        "invoice " + raised.invoice().number() + " (asked by the customer)", null, clock.instant()));
            }
            return raised.invoice();
        });
    }

    // ------------------------------------------------------------------ operators

    @Override
    public Page<Instance> searchInstances(String status, UUID userId, String text, PageRequest page) {
        if (status != null && !status.isBlank()) {
            try {
                Instance.Status.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "Unknown status '" + status
                        + "': use ACTIVE, SUSPENDED or TERMINATED");
            }
        }
        return tx.inTransaction(() -> instances.search(new InstanceSearch(
                status == null || status.isBlank() ? null : status.trim().toUpperCase(java.util.Locale.ROOT),
                userId, text), page));
    }

    @Override
    public InstanceDetails getInstance(UUID instanceId) {
        return details(tx.inTransaction(() -> existing(instanceId)), true);
    }

    @Override
    public InstanceDetails forceSuspend(UUID instanceId, Actor actor, String reason) {
        Instance instance = tx.inTransaction(() -> {
            Operators.require(users, actor);
            Instance locked = lockExisting(instanceId);
            Instant now = clock.instant();
            InstanceEvent suspended = locked.suspendByOperator(actor, reason, now);
            String powerOff = callProvider(() -> lifecycle.powerOff(locked));
            events.append(suspended);
            events.append(InstanceEvent.of(locked.id(), "POWER_OFF", actor, powerOff, null, now));
            instances.save(locked);
            renewals.notifyOwner(locked, "VPS_SUSPENDED_BY_OPERATOR", Map.of("reason", reason.trim()),
                    "VPS_SUSPENDED_BY_OPERATOR:" + suspended.id());
            return locked;
        });
        powerStates.remove(instanceId.toString());
        return details(instance, true);
    }

    @Override
    public InstanceDetails forceUnsuspend(UUID instanceId, Actor actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A reason is required");
        }
        Instance instance = tx.inTransaction(() -> {
            Operators.require(users, actor);
            Instance locked = lockExisting(instanceId);
            Instant now = clock.instant();
            if (locked.suspension() == Instance.Suspension.NON_PAYMENT && !locked.expiresAt().isAfter(now)) {
                // lifting a suspension for non-payment without a payment would hand out a free server that the
                // scheduler never looks at again: the renewal is paid from the wallet (credit it first if need be)
                Invoice renewal = renewals.raise(locked, now).invoice();
                if (!renewals.payFromWalletIfPossible(locked, renewal, actor, now)) {
                    throw new DomainException(ErrorCode.INSTANCE_STATE_CONFLICT, "Server " + locked.hostname()
                            + " is suspended for non-payment and renewal invoice " + renewal.number() + " ("
                            + renewal.total() + ") is unpaid; credit the customer's wallet with an adjustment, then"
                            + " unsuspend again: the renewal is paid from the wallet");
                }
            }
            InstanceEvent unsuspended = locked.unsuspend(actor, reason.trim(), null, now);
            String powerOn = callProvider(() -> lifecycle.powerOn(locked));
            events.append(unsuspended);
            events.append(InstanceEvent.of(locked.id(), "POWER_ON", actor, powerOn, null, now));
            instances.save(locked);
            renewals.notifyOwner(locked, "VPS_UNSUSPENDED", Map.of("expiresAt", locked.expiresAt().toString()),
                    "VPS_UNSUSPENDED:OPERATOR:" + unsuspended.id());
            return locked;
        });
        powerStates.remove(instanceId.toString());
        return details(instance, true);
    }

    @Override
    public InstanceDetails forceTerminate(UUID instanceId, Actor actor, String reason) {
        Instance instance = tx.inTransaction(() -> {
            Operators.require(users, actor);
            Instance locked = lockExisting(instanceId);
            Instant now = clock.instant();
            InstanceEvent terminated = locked.terminate(actor, reason, null, now);
            callProvider(() -> {
                provider.deleteServer(locked.providerServerId());
                return null;
            });
            events.append(terminated);
            instances.save(locked);
            lifecycle.endRunningAction(locked, "the server was terminated", now);
            lifecycle.closeOpenInvoice(locked, "server terminated by an operator");
            renewals.notifyOwner(locked, "VPS_TERMINATED", Map.of("reason", reason.trim(),
                    "terminatedAt", now.toString()), "VPS_TERMINATED:" + locked.id());
            return locked;
        });
        powerStates.remove(instanceId.toString());
        return details(instance, false);
    }

    @Override
    public OrderDetails retryProvisioning(UUID orderId, Actor actor, String reason) {
        OrderDetails result = tx.inTransaction(() -> {
            Operators.require(users, actor);
            Order order = orders.findByIdForUpdate(orderId).orElseThrow(
                    () -> new DomainException(ErrorCode.ORDER_NOT_FOUND, "Order " + orderId + " not found"));
            Instant now = clock.instant();
            order.retryProvisioning(actor, reason, now);
            ProvisioningTask task = tasks.findByOrderId(orderId).orElseThrow(() -> new DomainException(
                    ErrorCode.ORDER_NOT_RETRYABLE, "Order " + orderId + " has no provisioning task to retry"));
            task.retry(now, provisioningTimeout, SecretTokens.newServerPassword(), SecretTokens.newSecret());
            tasks.save(task);
            orders.save(order);
            return new OrderDetails(order, instances.findByOrderId(orderId), Optional.of(task));
        });
        wakeUp.taskDue();
        return result;
    }

    @Override
    public CleanupReport cleanUpFailedOrderServers(Actor actor) {
        tx.inTransaction(() -> {
            Operators.require(users, actor);
            return null;
        });
        List<CloudServer> servers = callProvider(() -> provider.findServersByTag(WEBRANA_TAG));
        List<String> destroyed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (CloudServer server : servers) {
            Optional<UUID> orderId = server.tags().stream().map(Order::orderIdFromTag).flatMap(Optional::stream)
                    .findFirst();
            if (orderId.isEmpty()) {
                kept.add(server.providerServerId() + ": no order tag");
                continue;
            }
            try {
                String outcome = tx.inTransaction(() -> {
                    Optional<Order> order = orders.findByIdForUpdate(orderId.get());
                    if (order.isEmpty()) {
                        return "KEPT:" + server.providerServerId() + ": order " + orderId.get() + " unknown here";
                    }
                    if (order.get().status() != id.webrana.cloud.domain.order.OrderStatus.FAILED) {
                        return "KEPT:" + server.providerServerId() + ": order " + orderId.get() + " is "
                                + order.get().status();
                    }
                    provider.deleteServer(server.providerServerId());
                    order.get().recordNote(actor, "cleanup destroyed server " + server.providerServerId()
                            + " left by the failed provisioning", clock.instant());
                    orders.save(order.get());
                    return "DESTROYED:" + server.providerServerId() + " (order " + orderId.get() + ")";
                });
                if (outcome.startsWith("DESTROYED:")) {
                    destroyed.add(outcome.substring("DESTROYED:".length()));
                } else {
                    kept.add(outcome.substring("KEPT:".length()));
                }
            } catch (RuntimeException e) {
                errors.add(server.providerServerId() + ": " + e.getMessage());
            }
        }
        LOG.info(() -> "cleanup by " + actor + ": destroyed " + destroyed + ", kept " + kept.size()
                + ", errors " + errors);
        return new CleanupReport(destroyed, kept, errors);
    }

    // ------------------------------------------------------------------ the server agent

    @Override
    public Optional<PendingPassword> nextPassword(UUID serverRef, String agentToken) {
        return tx.inTransaction(() -> {
            Instance instance = agentsInstance(serverRef, agentToken);
            Optional<ServerCredential> pending = credentials.findPendingResetForUpdate(instance.id());
            if (pending.isEmpty()) {
                return Optional.<PendingPassword>empty();
            }
            ServerCredential credential = pending.get();
            boolean stillWanted = credential.actionId() != null && actions.findById(credential.actionId())
                    .map(InstanceAction::isInProgress).orElse(false);
            if (!stillWanted) {
                credential.discard();
                credentials.save(credential);
                return Optional.<PendingPassword>empty();
            }
            String password = credential.deliver(clock.instant());
            credentials.save(credential);
            events.append(InstanceEvent.of(instance.id(), "PASSWORD_FETCHED_BY_AGENT", Actor.system("agent"), null,
                    null, clock.instant()));
            return Optional.of(new PendingPassword(credential.actionId(), password));
        });
    }

    @Override
    public void passwordApplied(UUID serverRef, String agentToken, UUID actionId, boolean ok, String error) {
        tx.inTransaction(() -> {
            Instance instance = agentsInstance(serverRef, agentToken);
            InstanceAction action = actions.findById(actionId).filter(a -> a.instanceId().equals(instance.id())
                            && a.type() == ActionType.RESET_PASSWORD) // the agent answers for password resets only
                    .orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_ERROR, "Unknown action " + actionId));
            Instant now = clock.instant();
            InstanceEvent ended = ok ? action.complete(now)
                    : action.fail("the agent could not apply the password: " + (error == null ? "unknown error"
                    : error.length() > 200 ? error.substring(0, 200) : error), now);
            if (ended != null) {
                actions.save(action);
                events.append(ended);
                if (ok) {
                    renewals.notifyOwner(instance, "VPS_PASSWORD_RESET", Map.of("at", now.toString()),
                            "VPS_PASSWORD_RESET:" + action.id());
                }
            }
            return null;
        });
    }

    @Override
    public String renewAgentToken(UUID serverRef, String agentToken) {
        return tx.inTransaction(() -> {
            Instance instance = agentsServer(serverRef, agentToken);
            String fresh = SecretTokens.newSecret();
            instance.rotateAgentToken(SecretTokens.hash(agentToken), SecretTokens.hash(fresh));
            instances.save(instance);
            return fresh;
        });
    }

    /** The locked instance whose agent presents an accepted secret of its own; else INSTANCE_NOT_FOUND. */
    private Instance agentsInstance(UUID serverRef, String agentToken) {
        Instance instance = agentsServer(serverRef, agentToken);
        if (!instance.agentTokenUsed(SecretTokens.hash(agentToken))) {
            throw new DomainException(ErrorCode.INSTANCE_NOT_FOUND, "Unknown server");
        }
        instances.save(instance);
        return instance;
    }

    private Instance agentsServer(UUID serverRef, String agentToken) {
        Optional<Instance> found = instances.findByOrderId(serverRef)
                .flatMap(i -> instances.findByIdForUpdate(i.id()));
        if (found.isEmpty() || found.get().agentTokenHash() == null || agentToken == null || agentToken.isBlank()
                || found.get().status() == Instance.Status.TERMINATED) {
            throw new DomainException(ErrorCode.INSTANCE_NOT_FOUND, "Unknown server");
        }
        return found.get();
    }

    // ------------------------------------------------------------------ helpers

    private InstanceDetails details(Instance instance, boolean askProvider) {
        String power = instance.status() == Instance.Status.TERMINATED ? "DESTROYED"
                : askProvider ? powerState(instance).state() : cachedOrUnknown(instance).state();
        Instant powerAt = powerStates.getOrDefault(instance.id().toString(), new PowerState(power, clock.instant())).at();
        ProviderCapabilities caps = provider.capabilities();
        return tx.inTransaction(() -> {
            Optional<Order> order = orders.findById(instance.orderId());
            boolean initialPassword = credentials.findInitial(instance.id())
                    .map(c -> c.revealedAt() == null && c.secret() != null).orElse(false);
            return new InstanceDetails(instance, order.map(o -> o.plan().name()).orElse(instance.sizeSlug()),
                    order.map(o -> o.image().name()).orElse(instance.imageSlug()),
                    order.map(o -> o.plan().vcpu()).orElse(0), order.map(o -> o.plan().memoryMb()).orElse(0),
                    order.map(o -> o.plan().diskGb()).orElse(0), power, powerAt,
                    actions.recent(instance.id(), 20), events.history(instance.id(), 100), caps.webConsole(),
                    caps.passwordResetReturnsPassword() ? "PROVIDER" : "AGENT", initialPassword,
                    renewals.openInvoice(instance).orElse(null),
                    instance.status() == Instance.Status.ACTIVE ? settings.policy().suspensionAt(instance) : null,
                    settings.policy().terminationAt(instance));
        });
    }

    /** The provider's power state, reused for {@code statusCacheTtl}; UNKNOWN when the provider cannot be asked. */
    private PowerState powerState(Instance instance) {
        String key = instance.id().toString();
        Instant now = clock.instant();
        PowerState cached = powerStates.get(key);
        if (cached != null && cached.at().plus(settings.statusCacheTtl()).isAfter(now)) {
            return cached;
        }
        PowerState fresh;
        try {
            fresh = new PowerState(provider.findServer(instance.providerServerId()).map(s -> s.status().name())
                    .orElse("GONE"), now);
        } catch (CloudProviderException e) {
            return new PowerState("UNKNOWN", now);
        }
        powerStates.put(key, fresh);
        return fresh;
    }

    private PowerState cachedOrUnknown(Instance instance) {
        PowerState cached = powerStates.get(instance.id().toString());
        return cached != null ? cached : new PowerState("UNKNOWN", clock.instant());
    }

    private Instance owned(UUID userId, UUID instanceId) {
        return instances.findById(instanceId).filter(i -> i.isOwnedBy(userId))
                .orElseThrow(() -> notFound(instanceId));
    }

    private Instance ownedForUpdate(UUID userId, UUID instanceId) {
        owned(userId, instanceId); // refuse strangers before taking any lock
        return instances.findByIdForUpdate(instanceId).orElseThrow(() -> notFound(instanceId));
    }

    private Instance existing(UUID instanceId) {
        return instances.findById(instanceId).orElseThrow(() -> notFound(instanceId));
    }

    private Instance lockExisting(UUID instanceId) {
        return instances.findByIdForUpdate(instanceId).orElseThrow(() -> notFound(instanceId));
    }

    private static DomainException notFound(UUID instanceId) {
        return new DomainException(ErrorCode.INSTANCE_NOT_FOUND, "Server " + instanceId + " not found");
    }

    private static Actor customer(UUID userId) {
        return new Actor(Actor.Type.CUSTOMER, userId.toString());
    }

    /** Provider failures become clear errors: 503 when trying later may help, 502 when the provider refused. */
    private static <T> T callProvider(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CloudProviderException e) {
            throw new DomainException(e.isTransient() ? ErrorCode.PROVIDER_UNAVAILABLE : ErrorCode.PROVIDER_REFUSED,
                    (e.isTransient() ? "The provider is busy or unreachable; try again shortly: "
                            : "The provider refused: ") + e.getMessage());
        }
    }
}
