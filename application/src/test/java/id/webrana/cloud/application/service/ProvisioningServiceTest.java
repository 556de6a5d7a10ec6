package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.out.Notifier.Notification;

import id.webrana.cloud.application.fakes.FakeCloudProvider;
import id.webrana.cloud.application.fakes.FakeTransactionRunner;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static id.webrana.cloud.application.service.TestWorld.POLL_INTERVAL;
import static id.webrana.cloud.application.service.TestWorld.PROVISIONING_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningServiceTest {

    private static final Actor WORKER = Actor.system("provisioning-worker");

    private final TestWorld world = new TestWorld();
    private final ProvisioningService provisioning = world.provisioning;
    private final FakeCloudProvider cloud = world.cloud;

    /** Stands for the worker's process dying: not a RuntimeException, so nothing in the step catches it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("worker killed right after the provider accepted the server");
        }
    }

    private int runWorker() {
        return provisioning.processDueTasks(10);
    }

    /** Lets time pass one poll interval at a time, running the worker each time, until nothing is open. */
    private void runUntilSettled(int maxRounds) {
        for (int i = 0; i < maxRounds && world.tasks.all().stream().anyMatch(t -> !t.isFinished()); i++) {
            runWorker();
            world.clock.advance(POLL_INTERVAL);
        }
    }

    private Order order(Order o) {
        return world.orders.get(o.id());
    }

    private ProvisioningTask task(Order o) {
        return world.tasks.getByOrderId(o.id());
    }

    @Nested
    class HappyPath {

        @Test
        void a_paid_order_becomes_an_active_server_with_its_address() {
            cloud.serversBecomeReadyOnPoll(3);
            Order paid = world.paidOrder();
            Instant paidAt = world.clock.instant();

            // step 1: PAID -> PROVISIONING, the server is requested
            assertThat(runWorker()).isEqualTo(1);
            assertThat(order(paid).status()).isEqualTo(OrderStatus.PROVISIONING);
            assertThat(task(paid).status()).isEqualTo(ProvisioningTask.Status.WAITING_FOR_SERVER);
            assertThat(task(paid).nextAttemptAt()).isEqualTo(paidAt.plus(POLL_INTERVAL));
            assertThat(cloud.createCalls()).isEqualTo(1);
            String serverId = task(paid).providerServerId();
            assertThat(serverId).isEqualTo(cloud.servers().get(0).providerServerId());

            // nothing is due before the poll interval
            assertThat(runWorker()).isZero();

            // polls 1 and 2: still booting
            world.clock.advance(POLL_INTERVAL);
            assertThat(runWorker()).isEqualTo(1);
            world.clock.advance(POLL_INTERVAL);
            runWorker();
            assertThat(order(paid).status()).isEqualTo(OrderStatus.PROVISIONING);

            // poll 3: ready
            world.clock.advance(POLL_INTERVAL);
            runWorker();
            Instant readyAt = world.clock.instant();

            Order active = order(paid);
            assertThat(active.status()).isEqualTo(OrderStatus.ACTIVE);
            assertThat(task(paid).status()).isEqualTo(ProvisioningTask.Status.SUCCEEDED);
            Instance instance = world.instances.findByOrderId(paid.id()).orElseThrow();
            assertThat(active.instanceId()).isEqualTo(instance.id());
            assertThat(instance.ipv4()).isEqualTo(FakeCloudProvider.ipv4Of(serverId));
            assertThat(instance.providerServerId()).isEqualTo(serverId);
            assertThat(instance.provider()).isEqualTo(FakeCloudProvider.NAME);
            assertThat(instance.userId()).isEqualTo(paid.userId());
            assertThat(instance.hostname()).isEqualTo("web-1");
            assertThat(instance.region()).isEqualTo("sgp1");
            assertThat(instance.sizeSlug()).isEqualTo("s-1vcpu-1gb");
            assertThat(instance.imageSlug()).isEqualTo("ubuntu-24-04-x64");
            assertThat(instance.status()).isEqualTo(Instance.Status.ACTIVE);
            assertThat(instance.createdAt()).isEqualTo(readyAt);
            assertThat(instance.expiresAt()).isEqualTo(readyAt.atOffset(java.time.ZoneOffset.UTC).plusMonths(1)
                    .toInstant());

            assertThat(active.history()).extracting(StatusChange::from, StatusChange::to, StatusChange::actor)
                    .containsSubsequence(
                            org.assertj.core.groups.Tuple.tuple(OrderStatus.PAID, OrderStatus.PROVISIONING, WORKER),
                            org.assertj.core.groups.Tuple.tuple(OrderStatus.PROVISIONING, OrderStatus.ACTIVE, WORKER));
            assertThat(world.notifier.only("VPS_ACTIVE").variables())
                    .containsEntry("ipv4", instance.ipv4()).containsEntry("hostname", "web-1");
            assertThat(runWorker()).isZero();

            var details = world.orderService.getOrder(paid.userId(), paid.id());
            assertThat(details.instance()).hasValueSatisfying(i -> assertThat(i.ipv4()).isEqualTo(instance.ipv4()));
            assertThat(details.provisioning()).hasValueSatisfying(
                    t -> assertThat(t.status()).isEqualTo(ProvisioningTask.Status.SUCCEEDED));
        }

        @Test
        void the_server_is_created_from_the_order_with_its_tag_and_the_customers_ssh_keys() {
            Order paid = world.paidOrder();

            runWorker();

            CreateServerRequest request = cloud.createRequests().get(0);
            assertThat(request.name()).isEqualTo("web-1");
            assertThat(request.region()).isEqualTo("sgp1");
            assertThat(request.sizeSlug()).isEqualTo("s-1vcpu-1gb");
            assertThat(request.imageSlug()).isEqualTo("ubuntu-24-04-x64");
            assertThat(request.tags()).contains("webrana-order-" + paid.id());
            assertThat(request.userData()).startsWith("#cloud-config").contains(paid.sshKeys().get(0));
        }

        @Test
        void the_server_vanishing_while_booting_fails_the_order() {
            cloud.serversNeverBecomeReady();
            Order paid = world.paidOrder();
            runWorker();
            cloud.forget(task(paid).providerServerId());

            world.clock.advance(POLL_INTERVAL);
            runWorker();

            assertThat(order(paid).status()).isEqualTo(OrderStatus.FAILED);
            assertThat(order(paid).failureCode()).isEqualTo("SERVER_VANISHED");
            assertThat(task(paid).status()).isEqualTo(ProvisioningTask.Status.FAILED);
        }

        @Test
        void the_worker_processes_due_tasks_oldest_first_up_to_its_limit() {
            Order first = world.paidOrder();
            world.clock.advance(Duration.ofSeconds(1));
            Order second = world.paidOrder();

            assertThat(provisioning.processDueTasks(1)).isEqualTo(1);
            assertThat(order(first).status()).isEqualTo(OrderStatus.PROVISIONING);
            assertThat(order(second).status()).isEqualTo(OrderStatus.PAID);

            assertThat(provisioning.processDueTasks(5)).isEqualTo(1);
            assertThat(order(second).status()).isEqualTo(OrderStatus.PROVISIONING);
        }
    }

    @Nested
    class ProviderTrouble {

        @Test
        void a_rate_limited_create_is_retried_no_sooner_than_the_provider_asked() {
            Duration retryAfter = Duration.ofSeconds(45);
            cloud.failNextCreate(CloudProviderException.transientFailure("429 too many requests", 429, retryAfter));
            Order paid = world.paidOrder();
            Instant failedAt = world.clock.instant();

            runWorker();

            ProvisioningTask t = task(paid);
            assertThat(t.status()).isEqualTo(ProvisioningTask.Status.PENDING);
            assertThat(t.attempts()).isEqualTo(1);
            assertThat(t.lastError()).isEqualTo("429 too many requests");
            assertThat(t.nextAttemptAt()).isAfterOrEqualTo(failedAt.plus(retryAfter));
            assertThat(order(paid).status()).isEqualTo(OrderStatus.PROVISIONING);

            world.clock.advance(retryAfter.minusSeconds(1));
            assertThat(runWorker()).isZero();
            assertThat(cloud.createCalls()).isEqualTo(1);

            world.clock.advance(Duration.ofSeconds(1));
            runUntilSettled(10);
            assertThat(cloud.createCalls()).isEqualTo(2);
            assertThat(cloud.servers()).hasSize(1);
            assertThat(order(paid).status()).isEqualTo(OrderStatus.ACTIVE);
        }

        @Test
        void operators_hear_once_when_the_provider_keeps_failing_but_not_about_a_blip() {
            cloud.failNextCallsTransiently(2, 503, null);
            Order blip = world.paidOrder();
            for (int i = 0; i < 3; i++) {
                runWorker();
                world.clock.set(task(blip).nextAttemptAt());
            }
            assertThat(world.notifier.sent("PROVIDER_UNREACHABLE")).isEmpty();

            cloud.failNextCallsTransiently(8, 503, null);
            Order outage = world.paidOrder();
            for (int i = 0; i < 8; i++) {
                runWorker();
                world.clock.set(task(outage).nextAttemptAt());
            }
            // every task that keeps failing raises it, but with one dedupe key per hour: the outbox keeps one
            assertThat(world.notifier.sent("PROVIDER_UNREACHABLE")).isNotEmpty()
                    .allSatisfy(n -> assertThat(n.channel()).isEqualTo("OPERATOR"))
                    .extracting(Notification::dedupeKey).containsOnly("PROVIDER_UNREACHABLE:2025-05-01T03:00:00Z");
            runUntilSettled(10);
            assertThat(order(outage).status()).isEqualTo(OrderStatus.ACTIVE);
        }

        @Test
        void transient_failures_back_off_exponentially() {
            cloud.failNextCallsTransiently(3, 503, null);
            Order paid = world.paidOrder();

            Instant t0 = world.clock.instant();
            runWorker();
            assertThat(task(paid).nextAttemptAt()).isEqualTo(t0.plusSeconds(2));
            world.clock.set(task(paid).nextAttemptAt());
            Instant t1 = world.clock.instant();
            runWorker();
            assertThat(task(paid).nextAttemptAt()).isEqualTo(t1.plusSeconds(4));
            world.clock.set(task(paid).nextAttemptAt());
            Instant t2 = world.clock.instant();
            runWorker();
            assertThat(task(paid).nextAttemptAt()).isEqualTo(t2.plusSeconds(8));
            assertThat(task(paid).attempts()).isEqualTo(3);

            world.clock.set(task(paid).nextAttemptAt());
            runUntilSettled(10);
            assertThat(order(paid).status()).isEqualTo(OrderStatus.ACTIVE);
        }

        @Test
        void a_transient_failure_while_polling_keeps_waiting_for_the_same_server() {
            cloud.serversBecomeReadyOnPoll(2);
            Order paid = world.paidOrder();
            runWorker();
            String serverId = task(paid).providerServerId();
            cloud.failNextCallsTransiently(1, 500, null);

            world.clock.advance(POLL_INTERVAL);
            runWorker();
            assertThat(task(paid).status()).isEqualTo(ProvisioningTask.Status.WAITING_FOR_SERVER);
            assertThat(task(paid).attempts()).isEqualTo(1);

            runUntilSettled(10);
            assertThat(order(paid).status()).isEqualTo(OrderStatus.ACTIVE);
            assertThat(world.instances.findByOrderId(paid.id()).orElseThrow().providerServerId()).isEqualTo(serverId);
            assertThat(cloud.createCalls()).isEqualTo(1);
        }

        @Test
        void a_permanent_refusal_fails_the_order_with_the_providers_message() {
            cloud.failNextCreate(CloudProviderException.permanentFailure(
                    "422 unprocessable: size s-1vcpu-1gb is not available in sgp1", 422));
            Order paid = world.paidOrder();

            runWorker();

            Order failed = order(paid);
            assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(failed.failureCode()).isEqualTo("PROVIDER_ERROR");
            assertThat(failed.failureMessage()).isEqualTo("422 unprocessable: size s-1vcpu-1gb is not available in sgp1");
            assertThat(failed.history()).last().satisfies(c -> {
                assertThat(c.to()).isEqualTo(OrderStatus.FAILED);
                assertThat(c.reason()).contains("422 unprocessable");
            });
            assertThat(task(paid).status()).isEqualTo(ProvisioningTask.Status.FAILED);
            assertThat(task(paid).lastError()).contains("PROVIDER_ERROR");
            assertThat(world.notifier.only("PROVISIONING_FAILED").recipient())
                    .isEqualTo(world.users.findById(paid.userId()).orElseThrow().email().value());
            assertThat(world.instances.all()).isEmpty();

            world.clock.advance(Duration.ofHours(1));
            assertThat(runWorker()).isZero();
            assertThat(cloud.createCalls()).isEqualTo(1);
        }

        @Test
        void a_server_not_ready_by_the_deadline_fails_the_order_with_provisioning_timeout() {
            cloud.serversNeverBecomeReady();
            Order paid = world.paidOrder();
            Instant deadline = task(paid).deadline();

            runUntilSettled(1_000);

            Order failed = order(paid);
            assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(failed.failureCode()).isEqualTo("PROVISIONING_TIMEOUT");
            assertThat(failed.history()).last().satisfies(c -> assertThat(c.at()).isAfterOrEqualTo(deadline));
            assertThat(task(paid).status()).isEqualTo(ProvisioningTask.Status.FAILED);
            assertThat(task(paid).lastError()).startsWith("PROVISIONING_TIMEOUT");
            assertThat(deadline).isEqualTo(failed.paidAt().plus(PROVISIONING_TIMEOUT));
            assertThat(world.notifier.sent("PROVISIONING_FAILED")).hasSize(1);
            assertThat(cloud.createCalls()).isEqualTo(1);
        }

        @Test
        void a_provider_that_stays_unreachable_times_out_with_its_last_error() {
            cloud.failNextCallsTransiently(10_000, 0, null);
            Order paid = world.paidOrder();

            runUntilSettled(1_000);

            assertThat(order(paid).failureCode()).isEqualTo("PROVISIONING_TIMEOUT");
            assertThat(order(paid).failureMessage()).contains("last error");
            assertThat(cloud.servers()).isEmpty();
        }

        @Test
        void a_server_left_behind_by_a_timed_out_provisioning_is_destroyed() {
            cloud.serversNeverBecomeReady();
            Order paid = world.paidOrder();

            runUntilSettled(1_000);

            assertThat(order(paid).failureCode()).isEqualTo("PROVISIONING_TIMEOUT");
            assertThat(cloud.servers()).isEmpty();
        }
    }

    @Nested
    class CrashRecovery {

        @Test
        void a_server_created_before_the_worker_died_is_adopted_not_created_twice() {
            cloud.crashAfterNextCreate(SimulatedCrash::new).serversBecomeReadyOnPoll(2);
            Order paid = world.paidOrder();
            ProvisioningTask before = task(paid);

            // the provider creates the server, then the worker dies before the step's transaction commits
            assertThatThrownBy(ProvisioningServiceTest.this::runWorker).isInstanceOf(SimulatedCrash.class);

            assertThat(cloud.servers()).hasSize(1);
            ProvisioningTask after = task(paid);
            assertThat(after.status()).isEqualTo(ProvisioningTask.Status.PENDING);
            assertThat(after.providerServerId()).isNull();
            assertThat(after.nextAttemptAt()).isEqualTo(before.nextAttemptAt());
            assertThat(after.attempts()).isEqualTo(before.attempts());
            assertThat(after.version()).isEqualTo(before.version());
            assertThat(order(paid).status()).isEqualTo(OrderStatus.PAID);

            // a worker (the restarted one, or another) repeats the step
            runUntilSettled(10);

            assertThat(cloud.createCalls()).isEqualTo(1);
            List<CloudServer> servers = cloud.servers();
            assertThat(servers).hasSize(1);
            Order active = order(paid);
            assertThat(active.status()).isEqualTo(OrderStatus.ACTIVE);
            Instance instance = world.instances.findByOrderId(paid.id()).orElseThrow();
            assertThat(instance.providerServerId()).isEqualTo(servers.get(0).providerServerId());
            assertThat(instance.ipv4()).isEqualTo(servers.get(0).publicIpv4()).isNotNull();
            assertThat(active.history()).extracting(StatusChange::to)
                    .containsExactly(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PROVISIONING,
                            OrderStatus.ACTIVE);
            assertThat(world.notifier.sent("VPS_ACTIVE")).hasSize(1);
        }

        @Test
        void a_server_created_in_a_step_whose_commit_failed_is_adopted_not_created_twice() {
            Order paid = world.paidOrder();
            world.tx.failNextCommit();

            assertThatThrownBy(ProvisioningServiceTest.this::runWorker)
                    .isInstanceOf(FakeTransactionRunner.CommitFailedException.class);
            assertThat(cloud.servers()).hasSize(1);
            assertThat(task(paid).status()).isEqualTo(ProvisioningTask.Status.PENDING);
            assertThat(order(paid).status()).isEqualTo(OrderStatus.PAID);

            runUntilSettled(10);

            assertThat(cloud.createCalls()).isEqualTo(1);
            assertThat(cloud.servers()).hasSize(1);
            assertThat(order(paid).status()).isEqualTo(OrderStatus.ACTIVE);
            assertThat(world.instances.all()).hasSize(1);
        }

        @Test
        void an_unexpected_exception_after_the_create_is_retried_and_still_gives_one_server() {
            cloud.crashAfterNextCreate(() -> new IllegalStateException("unexpected answer"));
            Order paid = world.paidOrder();

            runWorker();

            assertThat(task(paid).status()).isEqualTo(ProvisioningTask.Status.PENDING);
            assertThat(task(paid).lastError()).contains("unexpected answer");
            world.clock.set(task(paid).nextAttemptAt());
            runUntilSettled(10);

            assertThat(cloud.createCalls()).isEqualTo(1);
            assertThat(cloud.servers()).hasSize(1);
            assertThat(order(paid).status()).isEqualTo(OrderStatus.ACTIVE);
        }
    }
}
