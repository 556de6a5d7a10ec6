package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour added after the code review of the foundation. */
class ReviewFindingsTest {

    private final TestWorld world = new TestWorld();

    private Order orderWithCoupon(String code) {
        User customer = world.registerCustomer("siti-" + System.nanoTime() + "@example.id");
        VpsImage image = world.ubuntu();
        VpsPlan plan = world.plan("Basic", 150_000, image);
        return world.orderService.placeOrder(new PlaceOrderCommand(customer.id(), plan.id(), image.id(), "MONTHLY",
                "web-1", code, List.of()));
    }

    @Test
    void an_expired_order_gives_its_coupon_redemption_back() {
        Coupon coupon = world.percentCoupon("SEKALI", 10);
        Order order = orderWithCoupon("SEKALI");
        assertThat(world.coupons.findByCode("SEKALI").orElseThrow().redemptionCount()).isEqualTo(1);

        world.clock.advance(TestWorld.PAYMENT_WINDOW.plusMinutes(1));
        assertThat(world.orderService.expireOverdueOrders(10)).isEqualTo(1);

        assertThat(world.coupons.findByCode("SEKALI").orElseThrow().redemptionCount()).isZero();
        assertThat(world.coupons.countRedemptions(coupon.id(), order.userId())).isZero();
    }

    @Test
    void a_rejected_order_gives_its_coupon_redemption_back() {
        world.percentCoupon("TOLAK10", 10);
        Order order = orderWithCoupon("TOLAK10");
        world.orderService.changePaymentStatus(new PaymentDecisionCommand(order.id(), Decision.REJECT, "bukti palsu",
                TestWorld.ADMIN));
        assertThat(world.coupons.findByCode("TOLAK10").orElseThrow().redemptionCount()).isZero();
    }

    @Test
    void a_coupon_limit_cannot_be_lowered_below_what_was_already_redeemed() {
        world.percentCoupon("LARIS", 10);
        orderWithCoupon("LARIS");
        orderWithCoupon("LARIS");
        Coupon coupon = world.coupons.findByCode("LARIS").orElseThrow();
        var terms = coupon.terms();
        assertThatThrownBy(() -> coupon.revise(new Coupon.Terms(terms.discount(), terms.maxDiscount(),
                terms.validFrom(), terms.validUntil(), 1, terms.perUserLimit(), terms.minimumOrder(),
                terms.allowedPlanIds(), terms.allowedPeriods())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }

    @Test
    void a_null_ssh_key_in_the_request_is_ignored_not_a_crash() {
        User customer = world.registerCustomer("nullkey@example.id");
        VpsImage image = world.ubuntu();
        VpsPlan plan = world.plan("Basic", 150_000, image);
        Order order = world.orderService.placeOrder(new PlaceOrderCommand(customer.id(), plan.id(), image.id(),
                "MONTHLY", "web-1", null, Arrays.asList((String) null)));
        assertThat(order.sshKeys()).isEmpty();
    }

    @Test
    void a_droplet_created_by_a_create_call_with_an_unknown_outcome_is_destroyed_when_the_order_fails() {
        // the create call "times out" after the provider created the server; then the provider refuses for good
        world.cloud.crashAfterNextCreate(() -> CloudProviderException.transientFailure("read timed out", 0, null));
        Order paid = world.paidOrder();
        world.provisioning.processDueTasks(1);
        assertThat(world.cloud.servers()).hasSize(1);
        assertThat(world.tasks.getByOrderId(paid.id()).providerServerId()).isNull();

        world.clock.advance(TestWorld.PROVISIONING_TIMEOUT.plus(Duration.ofMinutes(1)));
        world.provisioning.processDueTasks(1); // past the deadline: PROVISIONING_TIMEOUT

        assertThat(world.orders.get(paid.id()).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(world.cloud.servers()).as("found by its order tag and destroyed").isEmpty();
    }

    @Test
    void a_page_far_beyond_any_data_is_refused_instead_of_overflowing() {
        assertThatThrownBy(() -> new id.webrana.cloud.domain.shared.PageRequest(30_000_000, 100))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void a_successful_reset_makes_older_reset_links_useless() {
        world.registerCustomer("lupa@example.id");
        world.accounts.requestPasswordReset("lupa@example.id");
        world.accounts.requestPasswordReset("lupa@example.id");
        List<String> tokens = world.notifier.sent("ACCOUNT_PASSWORD_RESET").stream()
                .map(n -> n.variables().get("token")).toList();
        assertThat(tokens).hasSize(2);

        world.accounts.resetPassword(tokens.get(1), "Baru2026x".toCharArray());

        assertThatThrownBy(() -> world.accounts.resetPassword(tokens.get(0), "Lagi2026x".toCharArray()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
    }

    @Test
    void a_junk_reset_token_is_refused_before_any_password_hashing() {
        int before = world.hasher.hashes();
        assertThatThrownBy(() -> world.accounts.resetPassword("junk", "Baru2026x".toCharArray()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
        assertThat(world.hasher.hashes()).isEqualTo(before);
    }
}
