package id.webrana.cloud.bootstrap;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanClient;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanSettings;
import id.webrana.cloud.adapter.out.persistence.JpaInstanceRepository;
import id.webrana.cloud.adapter.out.persistence.JpaOrderRepository;
import id.webrana.cloud.adapter.out.persistence.JpaProvisioningTaskRepository;
import id.webrana.cloud.adapter.out.persistence.JpaTransactionRunner;
import id.webrana.cloud.adapter.out.persistence.JpaUnit;
import id.webrana.cloud.adapter.out.persistence.JpaUserRepository;
import id.webrana.cloud.adapter.out.persistence.OutboxNotifier;
import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ProviderCapabilities;
import id.webrana.cloud.application.service.ProvisioningService;
import id.webrana.cloud.application.service.ProvisioningSettings;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.provisioning.Backoff;
import jakarta.persistence.EntityManagerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One provisioning worker process, wired like the application wires it (the real
 * {@link ProvisioningService} on the JPA repositories, {@link JpaTransactionRunner} and
 * {@link OutboxNotifier}, and the real {@link DigitalOceanClient}) but without a container. Started
 * by {@link ProvisioningSurvivesProcessDeathTest} as a child JVM.
 *
 * <p>Arguments: {@code --db=<database> --do-url=<base URL> --order=<order id> [--timeout-seconds=N]
 * [--halt-after-create]}. With {@code --halt-after-create} the process dies with
 * {@code Runtime.halt(137)} the moment the provider's create call has returned: the droplet exists,
 * the step's transaction is still open and never commits (no shutdown hooks, no rollback, no
 * finally blocks: as close to {@code kill -9} as Java gets).
 *
 * <p>Otherwise it processes due tasks until the order is {@code ACTIVE} (exit 0), {@code FAILED}
 * (exit {@value #EXIT_FAILED}) or the timeout passes (exit {@value #EXIT_TIMEOUT}).
 */
public final class ProvisioningWorkerProcess {

    static final int EXIT_HALTED = 137;
    static final int EXIT_FAILED = 3;
    static final int EXIT_TIMEOUT = 4;
    static final String HALT_MARKER = "HALTING after the provider created droplet ";

    private ProvisioningWorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String db = ChildJvm.required(args, "--db");
        String doUrl = ChildJvm.required(args, "--do-url");
        UUID orderId = UUID.fromString(ChildJvm.required(args, "--order"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(ChildJvm.arg(args, "--timeout-seconds").orElse("20")));
        boolean haltAfterCreate = List.of(args).contains("--halt-after-create");

        EntityManagerFactory emf = JpaUnit.create(ThrowAwayDatabase.dataSource(db, "webrana-crash-worker"));
        JpaTransactionRunner tx = new JpaTransactionRunner(emf);
        JpaOrderRepository orders = new JpaOrderRepository();
        DigitalOceanClient digitalOcean = new DigitalOceanClient(DigitalOceanClient.restClient(
                DigitalOceanSettings.of(doUrl, "dop_v1_crash-test").withTimeouts(Duration.ofSeconds(2),
                        Duration.ofSeconds(5))));
        CloudProvider provider = haltAfterCreate ? new HaltAfterCreate(digitalOcean) : digitalOcean;
        ProvisioningService worker = new ProvisioningService(new JpaProvisioningTaskRepository(), orders,
                new JpaInstanceRepository(), new JpaUserRepository(), provider, new OutboxNotifier(), tx,
                Clock.systemUTC(), new ProvisioningSettings(Duration.ofMillis(200),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1))),
                new id.webrana.cloud.adapter.out.persistence.JpaInstanceEventRepository(),
                new id.webrana.cloud.adapter.out.persistence.JpaServerCredentialRepository(),
                new id.webrana.cloud.adapter.out.security.Sha512CryptServerPasswordHasher());
        System.out.println("worker started (halt after create: " + haltAfterCreate + ") for order " + orderId);

        long deadline = System.nanoTime() + timeout.toNanos();
        int exit = EXIT_TIMEOUT;
        while (System.nanoTime() < deadline) {
            int steps = worker.processDueTasks(10);
            OrderStatus status = tx.inTransaction(() -> orders.findById(orderId)).orElseThrow().status();
            if (status == OrderStatus.ACTIVE) {
                exit = 0;
                break;
            }
            if (status == OrderStatus.FAILED) {
                exit = EXIT_FAILED;
                break;
            }
            if (steps == 0) {
                Thread.sleep(50);
            }
        }
        OrderStatus last = tx.inTransaction(() -> orders.findById(orderId)).orElseThrow().status();
        System.out.println("worker done: order " + orderId + " is " + last + ", exit " + exit);
        System.out.flush();
        digitalOcean.close();
        emf.close();
        System.exit(exit);
    }

    /** The real provider, except that the process dies right after a create call returned. */
    private record HaltAfterCreate(CloudProvider delegate) implements CloudProvider {

        @Override
        public ProviderCapabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public CloudServer createServer(CreateServerRequest request) {
            CloudServer created = delegate.createServer(request);
            System.out.println(HALT_MARKER + created.providerServerId());
            System.out.flush();
            Runtime.getRuntime().halt(EXIT_HALTED);
            throw new AssertionError("unreachable");
        }

        @Override
        public Optional<CloudServer> findServer(String providerServerId) {
            return delegate.findServer(providerServerId);
        }

        @Override
        public List<CloudServer> findServersByTag(String tag) {
            return delegate.findServersByTag(tag);
        }

        @Override
        public void deleteServer(String providerServerId) {
            delegate.deleteServer(providerServerId);
        }

        @Override
        public id.webrana.cloud.application.port.out.ProviderAction performAction(String providerServerId,
                id.webrana.cloud.application.port.out.ServerAction action) {
            return delegate.performAction(providerServerId, action);
        }

        @Override
        public id.webrana.cloud.application.port.out.ProviderAction findAction(String providerServerId,
                                                                             String providerActionId) {
            return delegate.findAction(providerServerId, providerActionId);
        }

        @Override
        public id.webrana.cloud.application.port.out.ProviderAction snapshot(String providerServerId, String name) {
            return delegate.snapshot(providerServerId, name);
        }
    }
}
