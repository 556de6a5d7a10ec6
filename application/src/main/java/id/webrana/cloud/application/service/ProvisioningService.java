package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.ProvisionServersUseCase;
import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.InstanceEventRepository;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.application.port.out.ServerCredentialRepository;
import id.webrana.cloud.application.port.out.ServerPasswordHasher;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.OrderRepository;
import id.webrana.cloud.application.port.out.ProvisioningTaskRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.provisioning.ServerCredential;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns paid orders into running servers, one durable step at a time.
 *
 * <p>Each step runs in its own transaction while the task's row is locked, so no two workers ever
 * work on one task, and a step that dies half-way (process killed, exception) leaves the task
 * exactly as it was before the step: the next worker repeats the step. Repeating is safe because
 * before creating a server the worker asks the provider for servers carrying the order's tag and
 * adopts one if it exists; an order never gets two servers.
 */
public class ProvisioningService implements ProvisionServersUseCase {

    private static final Logger LOG = Logger.getLogger(ProvisioningService.class.getName());
    private static final Actor WORKER = Actor.system("provisioning-worker");

    private final ProvisioningTaskRepository tasks;
    private final OrderRepository orders;
    private final InstanceRepository instances;
    private final UserRepository users;
    private final CloudProvider provider;
    private final Notifier notifier;
    private final TransactionRunner tx;
    private final Clock clock;
    private final ProvisioningSettings settings;
    private final InstanceEventRepository events;
    private final ServerCredentialRepository credentials;
    private final ServerPasswordHasher passwordHasher;

    public ProvisioningService(ProvisioningTaskRepository tasks, OrderRepository orders, InstanceRepository instances,
                               UserRepository users, CloudProvider provider, Notifier notifier, TransactionRunner tx,
                               Clock clock, ProvisioningSettings settings, InstanceEventRepository events,
                               ServerCredentialRepository credentials, ServerPasswordHasher passwordHasher) {
        this.events = events;
        this.credentials = credentials;
        this.passwordHasher = passwordHasher;
        this.tasks = tasks;
        this.orders = orders;
        this.instances = instances;
        this.users = users;
        this.provider = provider;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public int processDueTasks(int maxSteps) {
        int processed = 0;
        while (processed < maxSteps) {
            boolean worked = tx.inTransaction(() -> tasks.claimNextDue(clock.instant()).map(task -> {
                step(task);
                return true;
            }).orElse(false));
            if (!worked) {
                break;
            }
            processed++;
        }
        return processed;
    }

    private void step(ProvisioningTask task) {
        Instant now = clock.instant();
        Order order = orders.findByIdForUpdate(task.orderId()).orElseThrow(
                () -> new IllegalStateException("provisioning task " + task.id() + " has no order"));
        try {
            if (order.status() == OrderStatus.PAID) {
                order.startProvisioning(WORKER, now);
            }
            if (order.status() != OrderStatus.PROVISIONING) {
                // e.g. an operator failed it meanwhile: nothing left to do but not to leave a server behind
                destroyLeftover(task, order);
                task.failed("order is " + order.status(), now);
            } else if (task.status() == ProvisioningTask.Status.PENDING) {
                if (task.isPastDeadline(now)) {
                    timeout(task, order, now);
                } else {
                    requestServer(task, order, now);
                }
            } else {
                checkServer(task, order, now); // a server ready at the deadline is still handed over
            }
        } catch (CloudProviderException e) {
            if (task.isFinished()) {
                throw e;
            }
            if (e.isTransient()) {
                if (task.isPastDeadline(now)) {
                    timeout(task, order, now);
                } else {
                    var delay = settings.retryBackoff().delayFor(task.attempts(), e.retryAfter().orElse(null));
                    if (task.attempts() == UNREACHABLE_ALERT_AFTER_ATTEMPTS) {
                        // Persistent trouble, not a blip: tell operators once per task (and at most once an hour).
                        notifier.notify(new Notification("PROVIDER_UNREACHABLE", "OPERATOR", "operators", "id",
                                Map.of("subject", "order " + order.id(), "message", task.attempts()
                                        + " attempts failed, still retrying: " + e.getMessage()),
                                "PROVIDER_UNREACHABLE:" + now.truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
                    }
                    LOG.info(() -> "provider busy for order " + order.id() + ", retrying in " + delay + ": " + e.getMessage());
                    task.retryLater(e.getMessage(), now, delay);
                }
            } else {
                fail(task, order, "PROVIDER_ERROR", e.getMessage(), now);
            }
        } catch (RuntimeException e) {
            if (task.isFinished()) {
                throw e; // the step decided already; let the transaction roll back and the step run again
            }
            // A bug or an unexpected answer: keep the task, back off, and let an operator see it.
            LOG.log(Level.WARNING, "provisioning step failed for order " + order.id(), e);
            task.retryLater("unexpected error: " + e, now, settings.retryBackoff().delayFor(task.attempts()));
        }
        tasks.save(task);
        orders.save(order);
    }

    private void timeout(ProvisioningTask task, Order order, Instant now) {
        fail(task, order, "PROVISIONING_TIMEOUT",
                "The server was not ready within the provisioning time limit" + lastErrorSuffix(task), now);
    }

    private void requestServer(ProvisioningTask task, Order order, Instant now) {
        List<CloudServer> existing = provider.findServersByTag(order.providerTag());
        CloudServer server;
        if (!existing.isEmpty()) {
            server = oldest(existing);
            LOG.info(() -> "order " + order.id() + " already has server " + server.providerServerId() + ": adopting it");
            destroyExtras(existing, server, order);
        } else {
            server = provider.createServer(new CreateServerRequest(order.hostname().value(), order.region(),
                    order.plan().sizeSlug(), order.image().providerSlug(), List.of(order.providerTag(), "webrana"),
                    cloudInit(order, task), List.of()));
        }
        task.serverRequested(server.providerServerId(), now, settings.pollInterval());
    }

    private void checkServer(ProvisioningTask task, Order order, Instant now) {
        var found = provider.findServer(task.providerServerId());
        if (found.isEmpty()) {
            fail(task, order, "SERVER_VANISHED", "The provider no longer knows server " + task.providerServerId(), now);
            return;
        }
        CloudServer server = found.get();
        if (!server.isReady()) {
            if (task.isPastDeadline(now)) {
                timeout(task, order, now);
            } else {
                task.pollAgain(now, settings.pollInterval());
            }
            return;
        }
        Instance instance = Instance.launched(order.id(), order.userId(), provider.capabilities().providerName(),
                server.providerServerId(), server.name(), server.region(), server.sizeSlug(), server.imageSlug(),
                server.publicIpv4(), server.publicIpv6(), server.createdAt(), now, order.pricing().period(),
                order.pricing().basePrice(), task.agentToken() == null ? null : SecretTokens.hash(task.agentToken()));
        instances.save(instance);
        events.append(InstanceEvent.of(instance.id(), "CREATED", WORKER, "server " + server.providerServerId()
                + " at " + instance.provider() + ", paid until " + instance.expiresAt(), null, now));
        if (task.rootPassword() != null) {
            credentials.save(ServerCredential.initial(instance.id(), task.rootPassword(), now));
        }
        order.activate(instance.id(), WORKER, now);
        task.succeeded(now);
        users.findById(order.userId()).ifPresent(user -> notifier.notify(Notification.email("VPS_ACTIVE",
                user.email().value(), Map.of("name", user.fullName(), "hostname", order.hostname().value(),
                        "ipv4", server.publicIpv4(), "plan", order.plan().name(), "image", order.image().name(),
                        "vcpu", Integer.toString(order.plan().vcpu()),
                        "memoryMb", Integer.toString(order.plan().memoryMb()),
                        "diskGb", Integer.toString(order.plan().diskGb())),
                "VPS_ACTIVE:" + order.id())));
    }

    /** After this many failed attempts in a row the provider counts as unreachable and operators are told. */
    static final int UNREACHABLE_ALERT_AFTER_ATTEMPTS = 3;

    private void fail(ProvisioningTask task, Order order, String code, String message, Instant now) {
        LOG.warning(() -> "provisioning of order " + order.id() + " failed: " + code + " " + message);
        destroyLeftover(task, order);
        order.failProvisioning(code, message, WORKER, now);
        task.failed(code + ": " + message, now);
        users.findById(order.userId()).ifPresent(user -> notifier.notify(Notification.email("PROVISIONING_FAILED",
                user.email().value(), Map.of("name", user.fullName(), "hostname", order.hostname().value(),
                        "orderId", order.id().toString(), "errorCode", code,
                        "errorMessage", message == null ? "" : message),
                "PROVISIONING_FAILED:" + order.id())));
    }

    /**
     * A server that was requested but will never be handed over must not keep running at our
     * cost. Best effort: if the provider cannot be reached now, the server stays tagged with the
     * order and an operator's cleanup finds it.
     */
    private void destroyLeftover(ProvisioningTask task, Order order) {
        try {
            List<String> ids = task.providerServerId() != null ? List.of(task.providerServerId())
                    // the outcome of a create call may be unknown: look for the order's tag
                    : provider.findServersByTag(order.providerTag()).stream().map(CloudServer::providerServerId).toList();
            for (String serverId : ids) {
                provider.deleteServer(serverId);
                LOG.info(() -> "destroyed server " + serverId + " left by failed order " + order.id());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not destroy the server(s) of failed order " + order.id()
                    + "; they stay tagged " + order.providerTag() + " for cleanup", e);
        }
    }

    private static CloudServer oldest(List<CloudServer> servers) {
        return servers.stream().min(java.util.Comparator.comparing((CloudServer s) -> s.createdAt() == null
                ? Instant.MAX : s.createdAt()).thenComparing(CloudServer::providerServerId)).orElseThrow();
    }

    /** Should a second server ever exist for one order (a lost lock), only the oldest is kept. */
    private void destroyExtras(List<CloudServer> servers, CloudServer kept, Order order) {
        for (CloudServer extra : servers) {
            if (!extra.providerServerId().equals(kept.providerServerId())) {
                LOG.warning(() -> "order " + order.id() + " has a second server " + extra.providerServerId()
                        + ": destroying it, keeping " + kept.providerServerId());
                try {
                    provider.deleteServer(extra.providerServerId());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not destroy extra server " + extra.providerServerId(), e);
                }
            }
        }
    }

    private static String lastErrorSuffix(ProvisioningTask task) {
        return task.lastError() == null ? "" : " (last error: " + task.lastError() + ")";
    }

    /** cloud-init user data: the customer's SSH keys, the root password's hash and the agent (see {@link CloudInit}). */
    String cloudInit(Order order, ProvisioningTask task) {
        return CloudInit.userData(order.sshKeys(),
                task.rootPassword() == null ? null : passwordHasher.sha512Crypt(task.rootPassword()),
                settings.agentBaseUrl(), order.id(), task.agentToken());
    }
}
