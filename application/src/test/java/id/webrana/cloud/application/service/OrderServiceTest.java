package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.RecordingWakeUp.Signal;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase.SearchOrdersQuery;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.CouponCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PromoCommand;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.PlanSnapshot;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static id.webrana.cloud.application.service.TestWorld.ADMIN;
import static id.webrana.cloud.application.service.TestWorld.PAYMENT_WINDOW;
import static id.webrana.cloud.application.service.TestWorld.PROVISIONING_TIMEOUT;
import static id.webrana.cloud.application.service.TestWorld.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderServiceTest {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl budi@laptop";

    private final TestWorld world = new TestWorld();
    private final OrderService orders = world.orderService;
    private final User budi = world.registerCustomer("budi@example.id");
    private final VpsImage ubuntu = world.ubuntu();
    private final VpsPlan basic = world.plan("Basic 1GB", 150_000, ubuntu);

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private PlaceOrderCommand command(String period, String hostname, String coupon, List<String> keys) {
        return new PlaceOrderCommand(budi.id(), basic.id(), ubuntu.id(), period, hostname, coupon, keys);
    }

    private Order place(String coupon) {
        return orders.placeOrder(command("MONTHLY", "web-1", coupon, List.of(KEY)));
    }

    private Order decide(UUID orderId, Decision decision, String reason) {
        return orders.changePaymentStatus(new PaymentDecisionCommand(orderId, decision, reason, ADMIN));
    }

    @Nested
    class Placing {

        @Test
        void a_placed_order_awaits_payment_with_a_snapshot_of_what_was_bought_and_its_price() {
            Order order = place(null);

            Order stored = world.orders.get(order.id());
            assertThat(stored.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(stored.userId()).isEqualTo(budi.id());
            assertThat(stored.plan()).isEqualTo(PlanSnapshot.of(basic));
            assertThat(stored.image().providerSlug()).isEqualTo("ubuntu-24-04-x64");
            assertThat(stored.hostname().value()).isEqualTo("web-1");
            assertThat(stored.region()).isEqualTo("sgp1");
            assertThat(stored.sshKeys()).containsExactly(KEY);
            assertThat(stored.pricing()).isEqualTo(new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(150_000),
                    Money.ZERO, null, Money.ZERO, null, Money.rupiah(150_000)));
            assertThat(stored.createdAt()).isEqualTo(START);
            assertThat(stored.paymentDueAt()).isEqualTo(START.plus(PAYMENT_WINDOW));
            assertThat(stored.history()).containsExactly(new StatusChange(null, OrderStatus.PENDING_PAYMENT,
                    new Actor(Actor.Type.CUSTOMER, budi.id().toString()), "order placed", START));
        }

        @Test
        void the_customer_is_told_the_order_and_its_total() {
            Order order = place(null);

            Notification mail = world.notifier.only("ORDER_CREATED");
            assertThat(mail.recipient()).isEqualTo("budi@example.id");
            assertThat(mail.dedupeKey()).isEqualTo("ORDER_CREATED:" + order.id());
            assertThat(mail.variables()).containsEntry("orderId", order.id().toString())
                    .containsEntry("hostname", "web-1").containsEntry("plan", "Basic 1GB")
                    .containsEntry("period", "MONTHLY").containsEntry("total", "150000");
        }

        @Test
        void a_later_catalog_change_does_not_change_a_placed_order() {
            Order order = place(null);

            world.catalog.savePlan(new PlanCommand(basic.id(), "Basic 1GB (new)", "s-1vcpu-1gb", 1, 1024, 25, 1, true,
                    1, Map.of("MONTHLY", 999_000L), Set.of(ubuntu.id())));

            Order stored = world.orders.get(order.id());
            assertThat(stored.pricing().finalPrice()).isEqualTo(Money.rupiah(150_000));
            assertThat(stored.plan().name()).isEqualTo("Basic 1GB");
        }

        @Test
        void a_coupon_is_priced_redeemed_and_its_redemption_recorded() {
            world.catalog.createPromo(new PromoCommand(basic.id(), "MONTHLY", "Ramadan", "FIXED", 30_000,
                    START.minusSeconds(1), START.plus(Duration.ofDays(30))));
            world.percentCoupon("HEMAT10", 10);

            Order order = place("hemat10");

            assertThat(order.pricing()).isEqualTo(new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(150_000),
                    Money.rupiah(30_000), "Ramadan", Money.rupiah(12_000), "HEMAT10", Money.rupiah(108_000)));
            Coupon coupon = world.coupons.get("HEMAT10");
            assertThat(coupon.redemptionCount()).isEqualTo(1);
            assertThat(world.coupons.redemptions()).singleElement().satisfies(r -> {
                assertThat(r.couponId()).isEqualTo(coupon.id());
                assertThat(r.userId()).isEqualTo(budi.id());
                assertThat(r.orderId()).isEqualTo(order.id());
                assertThat(r.at()).isEqualTo(START);
            });
        }

        @Test
        void a_coupon_used_up_by_this_customer_is_refused_on_the_next_order() {
            world.catalog.saveCoupon(new CouponCommand(null, "SEKALI", "PERCENT", 10, null, null, null, null, 1, null,
                    null, null, true));
            place("SEKALI");

            assertCode(ErrorCode.INVALID_COUPON, () -> place("SEKALI"));
            assertThat(world.orders.count()).isEqualTo(1);
        }

        @Test
        void the_last_redemption_of_a_coupon_goes_to_one_order_only() {
            world.catalog.saveCoupon(new CouponCommand(null, "TERAKHIR", "PERCENT", 10, null, null, null, 1, null,
                    null, null, null, true));
            User siti = world.registerCustomer("siti@example.id");
            place("TERAKHIR");

            assertCode(ErrorCode.INVALID_COUPON, () -> orders.placeOrder(new PlaceOrderCommand(siti.id(), basic.id(),
                    ubuntu.id(), "MONTHLY", "siti-1", "TERAKHIR", List.of())));
            assertThat(world.coupons.get("TERAKHIR").redemptionCount()).isEqualTo(1);
            assertThat(world.coupons.redemptions()).hasSize(1);
        }

        @Test
        void a_refused_order_leaves_nothing_behind() {
            world.percentCoupon("HEMAT10", 10);
            int notifications = world.notifier.sent().size();

            assertCode(ErrorCode.INVALID_DURATION, () -> orders.placeOrder(command("YEARLY", "web-1", "HEMAT10",
                    List.of())));

            assertThat(world.orders.count()).isZero();
            assertThat(world.coupons.get("HEMAT10").redemptionCount()).isZero();
            assertThat(world.coupons.redemptions()).isEmpty();
            assertThat(world.notifier.sent()).hasSize(notifications);
        }

        @Test
        void an_unknown_or_inactive_plan_is_an_invalid_plan() {
            assertCode(ErrorCode.INVALID_PLAN, () -> orders.placeOrder(new PlaceOrderCommand(budi.id(),
                    UUID.randomUUID(), ubuntu.id(), "MONTHLY", "web-1", null, List.of())));
            assertCode(ErrorCode.INVALID_PLAN, () -> orders.placeOrder(new PlaceOrderCommand(budi.id(), null,
                    ubuntu.id(), "MONTHLY", "web-1", null, List.of())));
            world.catalog.savePlan(new PlanCommand(basic.id(), "Basic 1GB", "s-1vcpu-1gb", 1, 1024, 25, 1, false, 1,
                    Map.of("MONTHLY", 150_000L), Set.of(ubuntu.id())));
            assertCode(ErrorCode.INVALID_PLAN, () -> place(null));
        }

        @Test
        void a_missing_unknown_or_disallowed_image_is_an_invalid_image() {
            VpsImage debian = world.catalog.saveImage(new id.webrana.cloud.application.port.in.ManageCatalogUseCase
                    .ImageCommand(null, "Debian 12", "Debian", "debian-12-x64", "OS", true));
            assertCode(ErrorCode.INVALID_IMAGE, () -> orders.placeOrder(new PlaceOrderCommand(budi.id(), basic.id(),
                    null, "MONTHLY", "web-1", null, List.of())));
            assertCode(ErrorCode.INVALID_IMAGE, () -> orders.placeOrder(new PlaceOrderCommand(budi.id(), basic.id(),
                    UUID.randomUUID(), "MONTHLY", "web-1", null, List.of())));
            assertCode(ErrorCode.INVALID_IMAGE, () -> orders.placeOrder(new PlaceOrderCommand(budi.id(), basic.id(),
                    debian.id(), "MONTHLY", "web-1", null, List.of())));
        }

        @Test
        void an_unknown_or_unsold_period_is_an_invalid_duration() {
            assertCode(ErrorCode.INVALID_DURATION, () -> orders.placeOrder(command("WEEKLY", "web-1", null, null)));
            assertCode(ErrorCode.INVALID_DURATION, () -> orders.placeOrder(command(null, "web-1", null, null)));
            assertCode(ErrorCode.INVALID_DURATION, () -> orders.placeOrder(command("YEARLY", "web-1", null, null)));
        }

        @Test
        void a_bad_host_name_is_an_invalid_hostname() {
            for (String hostname : List.of("-web", "web_1", "a..b", "x".repeat(64), " ")) {
                assertCode(ErrorCode.INVALID_HOSTNAME, () -> orders.placeOrder(command("MONTHLY", hostname, null,
                        null)));
            }
            assertThat(world.orders.count()).isZero();
        }

        @Test
        void an_unknown_or_malformed_coupon_is_an_invalid_coupon() {
            assertCode(ErrorCode.INVALID_COUPON, () -> place("NOSUCH"));
            assertCode(ErrorCode.INVALID_COUPON, () -> place("?!"));
        }

        @Test
        void a_malformed_ssh_key_is_refused() {
            for (String key : List.of("not a key", "ssh-rsa", "ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4Ea",
                    "ssh-ed25519 AAAA", KEY + "\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC")) {
                assertCode(ErrorCode.VALIDATION_ERROR, () -> orders.placeOrder(command("MONTHLY", "web-1", null,
                        List.of(key))));
            }
            assertThat(world.orders.count()).isZero();
        }

        @Test
        void at_most_ten_ssh_keys_blank_ones_ignored() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> orders.placeOrder(command("MONTHLY", "web-1", null,
                    Collections.nCopies(11, KEY))));

            Order order = orders.placeOrder(command("MONTHLY", "web-1", null, List.of(" " + KEY + " ", "  ",
                    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY=")));
            assertThat(order.sshKeys()).containsExactly(KEY,
                    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY=");
        }

        @Test
        void an_unknown_or_disabled_customer_cannot_order() {
            assertCode(ErrorCode.USER_NOT_FOUND, () -> orders.placeOrder(new PlaceOrderCommand(UUID.randomUUID(),
                    basic.id(), ubuntu.id(), "MONTHLY", "web-1", null, List.of())));
            User stored = world.users.findById(budi.id()).orElseThrow();
            stored.disable();
            world.users.save(stored);
            assertCode(ErrorCode.ACCOUNT_DISABLED, () -> place(null));
        }
    }

    @Nested
    class Reading {

        @Test
        void a_customer_reads_their_own_order() {
            Order order = place(null);

            OrderDetails details = orders.getOrder(budi.id(), order.id());

            assertThat(details.order().id()).isEqualTo(order.id());
            assertThat(details.instance()).isEmpty();
            assertThat(details.provisioning()).isEmpty();
        }

        @Test
        void another_customers_order_is_access_denied() {
            Order order = place(null);
            User siti = world.registerCustomer("siti@example.id");

            assertCode(ErrorCode.ORDER_ACCESS_DENIED, () -> orders.getOrder(siti.id(), order.id()));
        }

        @Test
        void an_unknown_order_is_not_found() {
            assertCode(ErrorCode.ORDER_NOT_FOUND, () -> orders.getOrder(budi.id(), UUID.randomUUID()));
            assertCode(ErrorCode.ORDER_NOT_FOUND, () -> orders.getOrder(UUID.randomUUID()));
        }

        @Test
        void customers_list_only_their_own_orders_newest_first() {
            Order first = place(null);
            world.clock.advance(Duration.ofMinutes(1));
            Order second = place(null);
            User siti = world.registerCustomer("siti@example.id");
            orders.placeOrder(new PlaceOrderCommand(siti.id(), basic.id(), ubuntu.id(), "MONTHLY", "siti-1", null,
                    List.of()));

            Page<Order> page = orders.listOrders(budi.id(), new PageRequest(0, 10));

            assertThat(page.items()).extracting(Order::id).containsExactly(second.id(), first.id());
            assertThat(page.total()).isEqualTo(2);
        }

        @Test
        void admins_search_orders_by_status_and_text() {
            Order first = place(null);
            User siti = world.registerCustomer("siti@example.id");
            Order sitis = orders.placeOrder(new PlaceOrderCommand(siti.id(), basic.id(), ubuntu.id(), "MONTHLY",
                    "siti-db", null, List.of()));
            decide(first.id(), Decision.APPROVE, null);

            assertThat(orders.searchOrders(new SearchOrdersQuery("paid", null, null, null, null),
                    new PageRequest(0, 10)).items()).extracting(Order::id).containsExactly(first.id());
            assertThat(orders.searchOrders(new SearchOrdersQuery(" ", null, null, null, " SITI@example "),
                    new PageRequest(0, 10)).items()).extracting(Order::id).containsExactly(sitis.id());
        }

        @Test
        void an_unknown_status_or_a_backwards_date_range_is_a_validation_error() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> orders.searchOrders(
                    new SearchOrdersQuery("LOST", null, null, null, null), new PageRequest(0, 10)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> orders.searchOrders(
                    new SearchOrdersQuery(null, null, START, START.minusSeconds(1), null), new PageRequest(0, 10)));
        }
    }

    @Nested
    class PaymentDecisions {

        @Test
        void approving_makes_the_order_paid_and_queues_its_provisioning_in_the_same_transaction() {
            Order order = place(null);
            world.clock.advance(Duration.ofHours(2));

            Order paid = decide(order.id(), Decision.APPROVE, "BCA transfer 123");

            Order stored = world.orders.get(order.id());
            assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
            assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
            assertThat(stored.paidAt()).isEqualTo(world.clock.instant());
            assertThat(stored.history()).last().isEqualTo(new StatusChange(OrderStatus.PENDING_PAYMENT,
                    OrderStatus.PAID, ADMIN, "BCA transfer 123", world.clock.instant()));

            ProvisioningTask task = world.tasks.getByOrderId(order.id());
            assertThat(task.status()).isEqualTo(ProvisioningTask.Status.PENDING);
            assertThat(task.nextAttemptAt()).isEqualTo(world.clock.instant());
            assertThat(task.deadline()).isEqualTo(world.clock.instant().plus(PROVISIONING_TIMEOUT));

            Notification mail = world.notifier.only("PAYMENT_CONFIRMED");
            assertThat(mail.recipient()).isEqualTo("budi@example.id");
            assertThat(mail.variables()).containsEntry("total", "150000");
        }

        @Test
        void the_worker_is_woken_once_the_task_is_committed() {
            Order order = place(null);
            world.wakeUp.observeOnSignal(() -> world.tasks.findByOrderId(order.id()).isPresent());

            decide(order.id(), Decision.APPROVE, null);

            assertThat(world.wakeUp.signals()).containsExactly(new Signal(false, true));
        }

        @Test
        void approving_twice_is_a_payment_status_conflict_and_queues_nothing_more() {
            Order order = place(null);
            decide(order.id(), Decision.APPROVE, null);

            assertCode(ErrorCode.PAYMENT_STATUS_CONFLICT, () -> decide(order.id(), Decision.APPROVE, null));

            assertThat(world.tasks.all()).hasSize(1);
            assertThat(world.wakeUp.signals()).hasSize(1);
            assertThat(world.notifier.sent("PAYMENT_CONFIRMED")).hasSize(1);
            assertThat(world.orders.get(order.id()).history()).hasSize(2);
        }

        @Test
        void a_payment_can_be_rejected_with_a_reason_and_the_customer_is_told_why() {
            Order order = place(null);

            Order rejected = decide(order.id(), Decision.REJECT, "transfer amount does not match");

            assertThat(rejected.status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
            assertThat(world.orders.get(order.id()).history()).last()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo("transfer amount does not match"));
            assertThat(world.notifier.only("PAYMENT_REJECTED").variables())
                    .containsEntry("reason", "transfer amount does not match");
            assertThat(world.tasks.all()).isEmpty();
            assertThat(world.wakeUp.signals()).isEmpty();
        }

        @Test
        void a_rejection_without_a_reason_is_refused_and_changes_nothing() {
            Order order = place(null);

            assertCode(ErrorCode.VALIDATION_ERROR, () -> decide(order.id(), Decision.REJECT, " "));
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(world.notifier.sent("PAYMENT_REJECTED")).isEmpty();
        }

        @Test
        void a_paid_order_cannot_be_rejected_any_more() {
            Order order = place(null);
            decide(order.id(), Decision.APPROVE, null);

            assertCode(ErrorCode.PAYMENT_STATUS_CONFLICT, () -> decide(order.id(), Decision.REJECT, "oops"));
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
        }

        @Test
        void a_decision_needs_an_existing_order_and_a_decision() {
            assertCode(ErrorCode.ORDER_NOT_FOUND, () -> decide(UUID.randomUUID(), Decision.APPROVE, null));
            Order order = place(null);
            assertCode(ErrorCode.VALIDATION_ERROR, () -> decide(order.id(), null, null));
        }

        @Test
        void a_stale_copy_of_an_order_cannot_be_saved_over_a_newer_one() {
            Order order = place(null);
            Order staleCopy = world.orders.get(order.id());
            decide(order.id(), Decision.APPROVE, null);

            staleCopy.rejectPayment(ADMIN, "too late", world.clock.instant());
            assertCode(ErrorCode.CONCURRENT_MODIFICATION, () -> world.orders.save(staleCopy));
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
        }
    }

    @Nested
    class Expiry {

        @Test
        void unpaid_orders_past_their_deadline_expire() {
            Order overdue = place(null);
            world.clock.advance(Duration.ofHours(1));
            Order recent = place(null);
            Order paid = place(null);
            decide(paid.id(), Decision.APPROVE, null);
            world.clock.set(overdue.paymentDueAt());

            int expired = orders.expireOverdueOrders(100);

            assertThat(expired).isEqualTo(1);
            Order stored = world.orders.get(overdue.id());
            assertThat(stored.status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(stored.history()).last().satisfies(c -> {
                assertThat(c.actor()).isEqualTo(Actor.system("order-expiry"));
                assertThat(c.at()).isEqualTo(overdue.paymentDueAt());
            });
            assertThat(world.orders.get(recent.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(world.orders.get(paid.id()).status()).isEqualTo(OrderStatus.PAID);
        }

        @Test
        void expiry_works_in_batches_and_an_expired_order_cannot_be_approved() {
            Order a = place(null);
            Order b = place(null);
            Order c = place(null);
            world.clock.advance(PAYMENT_WINDOW.plusSeconds(1));

            assertThat(orders.expireOverdueOrders(2)).isEqualTo(2);
            assertThat(orders.expireOverdueOrders(2)).isEqualTo(1);
            assertThat(orders.expireOverdueOrders(2)).isZero();

            for (Order o : List.of(a, b, c)) {
                assertThat(world.orders.get(o.id()).status()).isEqualTo(OrderStatus.EXPIRED);
            }
            assertCode(ErrorCode.PAYMENT_STATUS_CONFLICT, () -> decide(a.id(), Decision.APPROVE, "late transfer"));
        }
    }
}
