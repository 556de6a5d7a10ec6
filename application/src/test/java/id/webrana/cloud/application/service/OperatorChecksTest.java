package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Operators' actions are checked in the application, not only by the pages and filters in front of it. */
class OperatorChecksTest {

    private final TestWorld world = new TestWorld();

    private Actor adminActorFor(User user) {
        return new Actor(Actor.Type.ADMIN, user.id().toString());
    }

    private User administrator(String email) {
        User user = world.registerCustomer(email);
        return world.tx.inTransaction(() -> {
            User stored = world.users.findById(user.id()).orElseThrow();
            stored.grant(Role.ADMIN);
            world.users.save(stored);
            return stored;
        });
    }

    private static void assertDenied(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
    }

    @Test
    void an_account_that_is_not_an_administrator_cannot_approve_a_payment_whatever_its_session_says() {
        Order order = world.pendingOrder();
        User notAdmin = world.registerCustomer("bukan.admin@example.id");

        assertDenied(() -> world.orderService.changePaymentStatus(new PaymentDecisionCommand(order.id(),
                Decision.APPROVE, "looks paid", adminActorFor(notAdmin))));
        assertDenied(() -> world.orderService.changePaymentStatus(new PaymentDecisionCommand(order.id(),
                Decision.APPROVE, "looks paid", new Actor(Actor.Type.CUSTOMER, notAdmin.id().toString()))));
        assertThat(world.orders.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void a_disabled_administrator_cannot_suspend_servers_but_an_enabled_one_can() {
        Instance instance = world.activeInstance();
        User admin = administrator("operator@example.id");
        world.tx.inTransaction(() -> {
            User stored = world.users.findById(admin.id()).orElseThrow();
            stored.disable(world.clock.instant());
            world.users.save(stored);
            return null;
        });

        assertDenied(() -> world.instanceService.forceSuspend(instance.id(), adminActorFor(admin), "abuse"));
        assertDenied(() -> world.instanceService.cleanUpFailedOrderServers(adminActorFor(admin)));

        User active = administrator("operator2@example.id");
        world.instanceService.forceSuspend(instance.id(), adminActorFor(active), "abuse report #3");
        assertThat(world.instances.findById(instance.id()).orElseThrow().status())
                .isEqualTo(Instance.Status.SUSPENDED);
    }
}
