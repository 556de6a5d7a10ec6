package id.webrana.cloud.domain.order;

import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static id.webrana.cloud.domain.order.OrderFixtures.ADMIN;
import static id.webrana.cloud.domain.order.OrderFixtures.CUSTOMER;
import static id.webrana.cloud.domain.order.OrderFixtures.CUSTOMER_ID;
import static id.webrana.cloud.domain.order.OrderFixtures.DUE_AT;
import static id.webrana.cloud.domain.order.OrderFixtures.PLACED_AT;
import static id.webrana.cloud.domain.order.OrderFixtures.newOrder;
import static id.webrana.cloud.domain.order.OrderFixtures.orderIn;
import static id.webrana.cloud.domain.order.OrderStatus.ACTIVE;
import static id.webrana.cloud.domain.order.OrderStatus.EXPIRED;
import static id.webrana.cloud.domain.order.OrderStatus.FAILED;
import static id.webrana.cloud.domain.order.OrderStatus.PAID;
import static id.webrana.cloud.domain.order.OrderStatus.PAYMENT_FAILED;
import static id.webrana.cloud.domain.order.OrderStatus.PENDING_PAYMENT;
import static id.webrana.cloud.domain.order.OrderStatus.PROVISIONING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    private static final Instant AFTER_DUE = DUE_AT.plusSeconds(1);
    private static final Actor WORKER = Actor.system("provisioning-worker");

    /** The legal transitions of the product spec, written out independently of OrderStatus. */
    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
            PENDING_PAYMENT, EnumSet.of(PAID, PAYMENT_FAILED, EXPIRED),
            PAID, EnumSet.of(PROVISIONING, FAILED),
            PROVISIONING, EnumSet.of(ACTIVE, FAILED),
            ACTIVE, EnumSet.noneOf(OrderStatus.class),
            PAYMENT_FAILED, EnumSet.noneOf(OrderStatus.class),
            EXPIRED, EnumSet.noneOf(OrderStatus.class),
            FAILED, EnumSet.of(PROVISIONING));

    /** The intent-revealing method that leads to each target status. */
    private static final Map<OrderStatus, BiFunction<Order, Instant, StatusChange>> MOVE_TO = Map.of(
            PAID, (o, now) -> o.markPaid(ADMIN, "transfer seen", now),
            PAYMENT_FAILED, (o, now) -> o.rejectPayment(ADMIN, "no transfer", now),
            EXPIRED, (o, now) -> o.expire(now),
            PROVISIONING, (o, now) -> o.status() == FAILED ? o.retryProvisioning(ADMIN, "retry", now)
                    : o.startProvisioning(WORKER, now),
            ACTIVE, (o, now) -> o.activate(UUID.randomUUID(), WORKER, now),
            FAILED, (o, now) -> o.failProvisioning("PROVIDER_ERROR", "boom", WORKER, now));

    static Stream<Arguments> everyTransition() {
        return Arrays.stream(OrderStatus.values()).flatMap(from ->
                MOVE_TO.keySet().stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyTransition")
    void only_the_transitions_of_the_life_cycle_are_allowed(OrderStatus from, OrderStatus to) {
        Order order = orderIn(from);
        if (LEGAL.get(from).contains(to)) {
            StatusChange change = MOVE_TO.get(to).apply(order, AFTER_DUE);
            assertThat(order.status()).isEqualTo(to);
            assertThat(change.from()).isEqualTo(from);
            assertThat(change.to()).isEqualTo(to);
            assertThat(order.history()).containsExactly(change);
        } else {
            assertThatThrownBy(() -> MOVE_TO.get(to).apply(order, AFTER_DUE))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_STATUS_CONFLICT));
            assertThat(order.status()).isEqualTo(from);
            assertThat(order.history()).isEmpty();
        }
        assertThat(from.canBecome(to)).isEqualTo(LEGAL.get(from).contains(to));
    }

    @Test
    void nothing_leads_back_to_pending_payment_and_final_states_are_final() {
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(s.canBecome(PENDING_PAYMENT)).as(s.name()).isFalse();
            // FAILED waits for an operator's retry: final as far as automation goes
            assertThat(s.isFinal()).as(s.name()).isEqualTo(LEGAL.get(s).isEmpty() || s == FAILED);
        }
    }

    @Test
    void a_placed_order_awaits_payment_and_records_who_placed_it() {
        Order order = newOrder();

        assertThat(order.status()).isEqualTo(PENDING_PAYMENT);
        assertThat(order.userId()).isEqualTo(CUSTOMER_ID);
        assertThat(order.isOwnedBy(CUSTOMER_ID)).isTrue();
        assertThat(order.isOwnedBy(UUID.randomUUID())).isFalse();
        assertThat(order.createdAt()).isEqualTo(PLACED_AT);
        assertThat(order.paymentDueAt()).isEqualTo(DUE_AT);
        assertThat(order.history()).containsExactly(
                new StatusChange(null, PENDING_PAYMENT, CUSTOMER, "order placed", PLACED_AT));
    }

    @Test
    void an_order_cannot_be_placed_with_a_deadline_that_has_passed() {
        assertThatThrownBy(() -> Order.place(CUSTOMER_ID, OrderFixtures.plan(), OrderFixtures.image(),
                new Hostname("web-1"), "sgp1", OrderFixtures.pricing(), List.of(), CUSTOMER, PLACED_AT, PLACED_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_history_records_every_change_with_from_to_actor_reason_and_time() {
        Order order = newOrder();
        Instant paidAt = PLACED_AT.plus(Duration.ofHours(2));
        Instant startedAt = paidAt.plusSeconds(1);
        Instant activeAt = startedAt.plusSeconds(90);
        UUID instanceId = UUID.randomUUID();

        order.markPaid(ADMIN, "BCA transfer ref 123", paidAt);
        order.startProvisioning(WORKER, startedAt);
        order.activate(instanceId, WORKER, activeAt);

        assertThat(order.history()).containsExactly(
                new StatusChange(null, PENDING_PAYMENT, CUSTOMER, "order placed", PLACED_AT),
                new StatusChange(PENDING_PAYMENT, PAID, ADMIN, "BCA transfer ref 123", paidAt),
                new StatusChange(PAID, PROVISIONING, WORKER, null, startedAt),
                new StatusChange(PROVISIONING, ACTIVE, WORKER, "server ready", activeAt));
        assertThat(order.paidAt()).isEqualTo(paidAt);
        assertThat(order.instanceId()).isEqualTo(instanceId);
        assertThat(order.status()).isEqualTo(ACTIVE);
    }

    @Test
    void the_history_cannot_be_edited_from_outside() {
        Order order = newOrder();
        assertThatThrownBy(() -> order.history().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void approving_an_order_twice_is_a_payment_status_conflict() {
        Order order = newOrder();
        order.markPaid(ADMIN, null, PLACED_AT.plusSeconds(60));

        assertThatThrownBy(() -> order.markPaid(new Actor(Actor.Type.ADMIN, "admin-8"), null, PLACED_AT.plusSeconds(61)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_STATUS_CONFLICT));
        assertThat(order.history()).hasSize(2);
        assertThat(order.paidAt()).isEqualTo(PLACED_AT.plusSeconds(60));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void a_rejection_needs_a_reason(String reason) {
        Order order = newOrder();

        assertThatThrownBy(() -> order.rejectPayment(ADMIN, reason, PLACED_AT.plusSeconds(60)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        assertThat(order.status()).isEqualTo(PENDING_PAYMENT);
    }

    @Test
    void a_rejection_keeps_its_reason_in_the_history() {
        Order order = newOrder();
        order.rejectPayment(ADMIN, "amount does not match", PLACED_AT.plusSeconds(60));

        assertThat(order.status()).isEqualTo(PAYMENT_FAILED);
        assertThat(order.history().get(1))
                .isEqualTo(new StatusChange(PENDING_PAYMENT, PAYMENT_FAILED, ADMIN, "amount does not match",
                        PLACED_AT.plusSeconds(60)));
        assertThat(order.paidAt()).isNull();
    }

    @Test
    void an_order_expires_only_once_its_payment_deadline_has_passed() {
        Order order = newOrder();

        assertThat(order.isPaymentOverdue(DUE_AT.minusMillis(1))).isFalse();
        assertThatThrownBy(() -> order.expire(DUE_AT.minusMillis(1)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_STATUS_CONFLICT));
        assertThat(order.status()).isEqualTo(PENDING_PAYMENT);

        assertThat(order.isPaymentOverdue(DUE_AT)).isTrue();
        StatusChange change = order.expire(DUE_AT);
        assertThat(order.status()).isEqualTo(EXPIRED);
        assertThat(change.actor()).isEqualTo(Actor.system("order-expiry"));
        assertThat(change.reason()).isEqualTo("payment deadline passed");
        assertThat(change.at()).isEqualTo(DUE_AT);
    }

    @Test
    void a_paid_order_is_never_overdue() {
        Order order = newOrder();
        order.markPaid(ADMIN, null, PLACED_AT.plusSeconds(5));
        assertThat(order.isPaymentOverdue(DUE_AT.plusSeconds(5))).isFalse();
    }

    @Test
    void a_failed_provisioning_keeps_a_stable_code_and_the_message() {
        Order order = orderIn(PROVISIONING);
        StatusChange change = order.failProvisioning("PROVISIONING_TIMEOUT", "not ready in 15 minutes", WORKER,
                AFTER_DUE);

        assertThat(order.status()).isEqualTo(FAILED);
        assertThat(order.failureCode()).isEqualTo("PROVISIONING_TIMEOUT");
        assertThat(order.failureMessage()).isEqualTo("not ready in 15 minutes");
        assertThat(change.reason()).isEqualTo("PROVISIONING_TIMEOUT: not ready in 15 minutes");
    }

    @Test
    void the_provider_tag_names_the_order() {
        Order order = newOrder();
        assertThat(order.providerTag()).isEqualTo("webrana-order-" + order.id());
        assertThat(Order.providerTag(order.id())).isEqualTo(order.providerTag());
    }

    @Test
    void ssh_keys_are_kept_as_an_unmodifiable_copy() {
        Order order = newOrder();
        assertThat(order.sshKeys()).hasSize(1);
        assertThatThrownBy(() -> order.sshKeys().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
