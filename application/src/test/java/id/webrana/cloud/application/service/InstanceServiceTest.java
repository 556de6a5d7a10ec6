package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AdminInstancesUseCase.CleanupReport;
import id.webrana.cloud.application.port.in.InstancesUseCase.ActionResult;
import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceDetails;
import id.webrana.cloud.application.port.in.InstancesUseCase.PerformActionCommand;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.application.port.in.ServerAgentUseCase.PendingPassword;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.ServerCredential;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceServiceTest {

    private final TestWorld world = new TestWorld();
    private final InstanceService service = world.instanceService;

    private ActionResult act(Instance instance, String action) {
        return act(instance.userId(), instance, action);
    }

    private ActionResult act(UUID user, Instance instance, String action) {
        return service.performAction(new PerformActionCommand(user, instance.id(), action,
                new Actor(Actor.Type.CUSTOMER, user.toString())));
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Nested
    class Actions {

        @Test
        void a_reboot_reaches_the_provider_and_is_followed_until_it_completes() {
            Instance instance = world.activeInstance();

            ActionResult started = act(instance, "reboot");

            assertThat(world.cloud.performedActions()).containsExactly(instance.providerServerId() + ":REBOOT");
            assertThat(started.action().status()).isEqualTo(InstanceAction.Status.IN_PROGRESS);
            assertThat(service.getInstance(instance.userId(), instance.id()).actions().get(0).status())
                    .isEqualTo(InstanceAction.Status.IN_PROGRESS);

            world.lifecycle.followRunningActions(10);

            InstanceDetails details = service.getInstance(instance.userId(), instance.id());
            assertThat(details.actions().get(0).status()).isEqualTo(InstanceAction.Status.COMPLETED);
            assertThat(details.history()).extracting(e -> e.type()).contains("ACTION_REQUESTED", "ACTION_COMPLETED");
        }

        @Test
        void every_power_action_reaches_the_provider_as_itself() {
            Instance instance = world.activeInstance();
            for (String action : List.of("power_off", "power_on", "power_cycle", "reboot")) {
                act(instance, action);
                world.lifecycle.followRunningActions(10);
            }
            String id = instance.providerServerId();
            assertThat(world.cloud.performedActions()).containsExactly(id + ":POWER_OFF", id + ":POWER_ON",
                    id + ":POWER_CYCLE", id + ":REBOOT");
        }

        @Test
        void an_action_the_provider_reports_errored_ends_errored() {
            Instance instance = world.activeInstance();
            world.cloud.actionsCompleteOnPoll(Integer.MAX_VALUE).actionsError();

            act(instance, "power_off");

            assertThat(service.getInstance(instance.userId(), instance.id()).actions().get(0).status())
                    .isEqualTo(InstanceAction.Status.ERRORED);
        }

        @Test
        void a_second_action_while_one_runs_is_refused() {
            Instance instance = world.activeInstance();
            world.cloud.actionsCompleteOnPoll(Integer.MAX_VALUE);
            act(instance, "reboot");

            assertRefused(() -> act(instance, "power_off"), ErrorCode.ACTION_IN_PROGRESS);
            assertThat(world.cloud.performedActions()).hasSize(1);
        }

        @Test
        void actions_per_server_are_rate_limited() {
            TestWorld strict = new TestWorld(LifecycleSettings.defaults().withRateLimit(3, Duration.ofHours(1)));
            Instance instance = strict.activeInstance();
            for (int i = 0; i < 3; i++) {
                strict.instanceService.performAction(new PerformActionCommand(instance.userId(), instance.id(),
                        "reboot", new Actor(Actor.Type.CUSTOMER, instance.userId().toString())));
                strict.lifecycle.followRunningActions(10);
            }
            assertThatThrownBy(() -> strict.instanceService.performAction(new PerformActionCommand(instance.userId(),
                    instance.id(), "reboot", new Actor(Actor.Type.CUSTOMER, instance.userId().toString()))))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ACTION_RATE_LIMITED));
            strict.clock.advance(Duration.ofHours(1).plusSeconds(1));
            strict.instanceService.performAction(new PerformActionCommand(instance.userId(), instance.id(), "reboot",
                    new Actor(Actor.Type.CUSTOMER, instance.userId().toString())));
        }

        @Test
        void an_unknown_action_is_refused_before_anything_is_asked_of_the_provider() {
            Instance instance = world.activeInstance();
            assertRefused(() -> act(instance, "explode"), ErrorCode.INVALID_ACTION);
            assertThat(world.cloud.performedActions()).isEmpty();
        }

        @Test
        void the_console_is_refused_with_what_to_do_instead_when_the_provider_has_none() {
            Instance instance = world.activeInstance();
            assertThatThrownBy(() -> act(instance, "console")).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ACTION_NOT_SUPPORTED);
                assertThat(e.getMessage()).contains("ssh root@" + instance.ipv4());
            });
            assertThat(service.getInstance(instance.userId(), instance.id()).consoleAvailable()).isFalse();
        }

        @Test
        void a_busy_provider_gives_a_clear_error_and_no_action_is_recorded() {
            Instance instance = world.activeInstance();
            world.cloud.failNextCallsTransiently(1, 503, null);

            assertRefused(() -> act(instance, "reboot"), ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(world.instanceActions.all()).isEmpty();
        }
    }

    @Nested
    class Ownership {

        @Test
        void another_customers_server_is_answered_like_one_that_does_not_exist() {
            Instance instance = world.activeInstance();
            UUID stranger = world.registerCustomer("orang.lain@example.id").id();

            assertRefused(() -> service.getInstance(stranger, instance.id()), ErrorCode.INSTANCE_NOT_FOUND);
            assertRefused(() -> act(stranger, instance, "power_off"), ErrorCode.INSTANCE_NOT_FOUND);
            assertRefused(() -> service.setAutoRenew(stranger, instance.id(), true), ErrorCode.INSTANCE_NOT_FOUND);
            assertRefused(() -> service.revealInitialPassword(stranger, instance.id()), ErrorCode.INSTANCE_NOT_FOUND);
            assertRefused(() -> service.renewalInvoice(stranger, instance.id()), ErrorCode.INSTANCE_NOT_FOUND);
            assertRefused(() -> service.getInstance(instance.userId(), UUID.randomUUID()), ErrorCode.INSTANCE_NOT_FOUND);
            assertThat(service.listInstances(stranger)).isEmpty();
            assertThat(world.cloud.performedActions()).isEmpty();
        }
    }

    @Nested
    class Passwords {

        @Test
        void the_root_password_set_by_cloud_init_is_shown_to_the_owner_once() {
            Instance instance = world.activeInstance();
            CreateServerRequest created = world.cloud.createRequests().get(0);
            assertThat(created.userData()).contains("chpasswd:", "type: hash", "$6$")
                    .contains("ssh_authorized_keys:").contains("webrana-agent.timer");
            assertThat(service.getInstance(instance.userId(), instance.id()).initialPasswordAvailable()).isTrue();

            String password = service.revealInitialPassword(instance.userId(), instance.id());

            assertThat(password).hasSize(20);
            assertThat(created.userData()).doesNotContain(password);
            assertRefused(() -> service.revealInitialPassword(instance.userId(), instance.id()),
                    ErrorCode.PASSWORD_ALREADY_SHOWN);
            assertThat(world.credentials.all()).allSatisfy(c -> assertThat(c.secret()).isNull());
        }

        @Test
        void a_reset_password_is_shown_once_fetched_once_by_the_agent_and_completes_when_applied() {
            Instance instance = world.activeInstance();
            String bootstrap = agentTokenOf(instance);
            String own = service.renewAgentToken(instance.orderId(), bootstrap);

            ActionResult reset = act(instance, "reset_password");
            assertThat(reset.newPassword()).hasSize(20);
            assertThat(world.cloud.performedActions()).as("DigitalOcean's own reset is not used").isEmpty();

            assertRefused(() -> service.nextPassword(instance.orderId(), "wrong-token"), ErrorCode.INSTANCE_NOT_FOUND);
            assertRefused(() -> service.nextPassword(instance.orderId(), bootstrap), ErrorCode.INSTANCE_NOT_FOUND);
            Optional<PendingPassword> fetched = service.nextPassword(instance.orderId(), own);
            assertThat(fetched).contains(new PendingPassword(reset.action().id(), reset.newPassword()));
            assertThat(service.nextPassword(instance.orderId(), own)).as("handed out once").isEmpty();

            service.passwordApplied(instance.orderId(), own, reset.action().id(), true, null);

            assertThat(service.getInstance(instance.userId(), instance.id()).actions().get(0).status())
                    .isEqualTo(InstanceAction.Status.COMPLETED);
            assertThat(world.notifier.sent("VPS_PASSWORD_RESET")).hasSize(1);
            assertThat(world.credentials.all()).filteredOn(c -> c.kind() == ServerCredential.Kind.RESET)
                    .allSatisfy(c -> assertThat(c.secret()).isNull());
        }

        @Test
        void the_secret_in_the_user_data_only_buys_the_agent_its_own_and_is_worthless_once_that_is_used() {
            Instance instance = world.activeInstance();
            String bootstrap = agentTokenOf(instance);
            assertRefused(() -> service.nextPassword(instance.orderId(), bootstrap), ErrorCode.INSTANCE_NOT_FOUND);

            String lost = service.renewAgentToken(instance.orderId(), bootstrap);
            String own = service.renewAgentToken(instance.orderId(), bootstrap); // the first answer was lost
            assertRefused(() -> service.nextPassword(instance.orderId(), lost), ErrorCode.INSTANCE_NOT_FOUND);
            assertThat(service.nextPassword(instance.orderId(), own)).isEmpty();

            assertRefused(() -> service.renewAgentToken(instance.orderId(), bootstrap), ErrorCode.INSTANCE_NOT_FOUND);
            assertThat(service.nextPassword(instance.orderId(), own)).isEmpty();
        }

        @Test
        void the_agent_cannot_end_an_action_that_is_not_a_password_reset() {
            Instance instance = world.activeInstance();
            String own = service.renewAgentToken(instance.orderId(), agentTokenOf(instance));
            world.cloud.actionsCompleteOnPoll(Integer.MAX_VALUE);
            ActionResult reboot = act(instance, "reboot");

            assertRefused(() -> service.passwordApplied(instance.orderId(), own, reboot.action().id(), true, null),
                    ErrorCode.VALIDATION_ERROR);
            assertThat(world.instanceActions.findById(reboot.action().id()).orElseThrow().isInProgress()).isTrue();
        }

        @Test
        void a_reset_the_agent_never_picks_up_ends_errored_and_the_password_is_forgotten() {
            Instance instance = world.activeInstance();
            act(instance, "reset_password");

            world.clock.advance(Duration.ofMinutes(16));
            world.lifecycle.followRunningActions(10);

            InstanceAction action = service.getInstance(instance.userId(), instance.id()).actions().get(0);
            assertThat(action.status()).isEqualTo(InstanceAction.Status.ERRORED);
            assertThat(action.error()).contains("agent");
            String own = service.renewAgentToken(instance.orderId(), agentTokenOf(instance));
            assertThat(service.nextPassword(instance.orderId(), own)).isEmpty();
            assertThat(world.credentials.all()).filteredOn(c -> c.kind() == ServerCredential.Kind.RESET)
                    .singleElement().satisfies(c -> assertThat(c.secret()).isNull());
        }

        /** The agent's secret as cloud-init wrote it onto the server. */
        private String agentTokenOf(Instance instance) {
            Matcher m = Pattern.compile("WEBRANA_AGENT_TOKEN='([^']+)'")
                    .matcher(world.cloud.createRequests().get(0).userData());
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }

    @Nested
    class Operators {

        @Test
        void retrying_a_failed_order_adopts_the_server_it_left_and_makes_it_active_with_one_droplet() {
            world.cloud.serversNeverBecomeReady();
            Order order = world.paidOrder();
            world.provisioning.processDueTasks(10);
            world.clock.advance(TestWorld.PROVISIONING_TIMEOUT.plusMinutes(1));
            world.cloud.failNextCallsTransiently(2, 503, null); // the last look and the destroy fail: the server stays
            world.provisioning.processDueTasks(10);
            assertThat(world.orders.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
            assertThat(world.cloud.servers()).hasSize(1);

            world.cloud.serversBecomeReadyOnPoll(1);
            OrderDetails retried = service.retryProvisioning(order.id(), TestWorld.ADMIN, "provider fixed");
            assertThat(retried.order().status()).isEqualTo(OrderStatus.PROVISIONING);
            for (int i = 0; i < 3; i++) {
                world.provisioning.processDueTasks(10);
                world.clock.advance(TestWorld.POLL_INTERVAL);
            }

            Order active = world.orders.findById(order.id()).orElseThrow();
            assertThat(active.status()).isEqualTo(OrderStatus.ACTIVE);
            assertThat(world.cloud.createCalls()).isEqualTo(1);
            assertThat(world.cloud.servers()).hasSize(1);
            assertThat(active.history()).extracting(c -> c.actor()).contains(TestWorld.ADMIN);
        }

        @Test
        void only_a_failed_order_can_be_retried() {
            Instance instance = world.activeInstance();
            assertRefused(() -> service.retryProvisioning(instance.orderId(), TestWorld.ADMIN, "why not"),
                    ErrorCode.ORDER_NOT_RETRYABLE);
        }

        @Test
        void cleanup_destroys_exactly_the_servers_of_failed_orders() {
            Instance active = world.activeInstance();
            world.cloud.serversNeverBecomeReady();
            Order failed = world.paidOrder();
            world.provisioning.processDueTasks(10);
            world.clock.advance(TestWorld.PROVISIONING_TIMEOUT.plusMinutes(1));
            world.cloud.failNextCallsTransiently(2, 503, null);
            world.provisioning.processDueTasks(10);
            Order booting = world.paidOrder();
            world.provisioning.processDueTasks(10);
            world.cloud.createServer(new CreateServerRequest("stranger", "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64",
                    List.of("webrana"), null, List.of()));
            String failedServer = world.cloud.servers().stream()
                    .filter(s -> s.tags().contains(failed.providerTag())).findFirst().orElseThrow().providerServerId();

            CleanupReport report = service.cleanUpFailedOrderServers(TestWorld.ADMIN);

            assertThat(world.cloud.deletedServers()).containsExactly(failedServer);
            assertThat(report.destroyed()).hasSize(1).allMatch(s -> s.startsWith(failedServer));
            assertThat(report.kept()).hasSize(3);
            assertThat(world.cloud.servers()).extracting(s -> s.providerServerId())
                    .contains(active.providerServerId()).doesNotContain(failedServer);
            assertThat(world.orders.findById(failed.id()).orElseThrow().history().get(
                    world.orders.findById(failed.id()).orElseThrow().history().size() - 1).reason())
                    .contains("cleanup destroyed server " + failedServer);
            assertThat(world.orders.findById(booting.id()).orElseThrow().status()).isEqualTo(OrderStatus.PROVISIONING);
        }

        @Test
        void an_operator_suspends_and_unsuspends_with_a_reason_and_the_power_follows() {
            Instance instance = world.activeInstance();
            assertRefused(() -> service.forceSuspend(instance.id(), TestWorld.ADMIN, " "), ErrorCode.VALIDATION_ERROR);

            service.forceSuspend(instance.id(), TestWorld.ADMIN, "abuse report #7");
            assertThat(world.cloud.isPoweredOff(instance.providerServerId())).isTrue();
            world.clock.advance(Duration.ofMinutes(1));
            InstanceDetails back = service.forceUnsuspend(instance.id(), TestWorld.ADMIN, "resolved");

            assertThat(back.instance().status()).isEqualTo(Instance.Status.ACTIVE);
            assertThat(world.cloud.isPoweredOff(instance.providerServerId())).isFalse();
            assertThat(back.history()).filteredOn(e -> e.actor().equals(TestWorld.ADMIN))
                    .extracting(e -> e.type() + ":" + e.detail())
                    .contains("SUSPENDED:abuse report #7", "UNSUSPENDED:resolved");
        }

        @Test
        void an_operator_terminates_and_the_server_is_destroyed_at_the_provider() {
            Instance instance = world.activeInstance();

            service.forceTerminate(instance.id(), TestWorld.ADMIN, "customer asked to close the account");

            assertThat(world.cloud.deletedServers()).containsExactly(instance.providerServerId());
            assertThat(world.instances.findById(instance.id()).orElseThrow().status())
                    .isEqualTo(Instance.Status.TERMINATED);
            assertRefused(() -> act(instance, "reboot"), ErrorCode.INSTANCE_TERMINATED);
            assertThat(world.notifier.sent("VPS_TERMINATED")).hasSize(1);
        }
    }
}
