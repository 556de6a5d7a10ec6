package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AdminOrdersUseCase.SearchOrdersQuery;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase.SortOrders;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin orders table's sorting and the provisioning monitor. */
class AdminOrdersTableTest {

    private static final SearchOrdersQuery EVERYTHING = new SearchOrdersQuery(null, null, null, null, null);

    private final TestWorld world = new TestWorld();
    private final OrderService orders = world.orderService;
    private final VpsImage ubuntu = world.ubuntu();
    private final VpsPlan small = world.plan("Small", 90_000, ubuntu);
    private final VpsPlan large = world.plan("Large", 400_000, ubuntu);

    private Order place(String email, VpsPlan plan, String hostname) {
        User user = world.users.findByEmail(new id.webrana.cloud.domain.account.EmailAddress(email))
                .orElseGet(() -> world.registerCustomer(email));
        Order order = orders.placeOrder(new PlaceOrderCommand(user.id(), plan.id(), ubuntu.id(), "MONTHLY", hostname,
                null, List.of()));
        world.clock.advance(Duration.ofMinutes(1));
        return order;
    }

    private Order approve(Order order) {
        return orders.changePaymentStatus(new PaymentDecisionCommand(order.id(), Decision.APPROVE, "BCA",
                TestWorld.ADMIN));
    }

    private List<String> hostnames(String field, boolean ascending) {
        return orders.searchOrders(EVERYTHING, new SortOrders(field, ascending), new PageRequest(0, 10)).items()
                .stream().map(o -> o.hostname().value()).toList();
    }

    @Test
    void the_table_sorts_by_creation_status_hostname_customer_and_total_both_ways() {
        place("zaki@example.id", small, "bravo");
        Order charlie = place("ani@example.id", large, "charlie");
        place("budi@example.id", small, "alpha");
        orders.changePaymentStatus(new PaymentDecisionCommand(charlie.id(), Decision.APPROVE, "BCA", TestWorld.ADMIN));

        assertThat(hostnames(null, false)).containsExactly("alpha", "charlie", "bravo");
        assertThat(hostnames("createdAt", true)).containsExactly("bravo", "charlie", "alpha");
        assertThat(hostnames("hostname", true)).containsExactly("alpha", "bravo", "charlie");
        assertThat(hostnames("customer", true)).containsExactly("charlie", "alpha", "bravo");
        assertThat(hostnames("customer", false)).containsExactly("bravo", "alpha", "charlie");
        assertThat(hostnames("total", false).get(0)).isEqualTo("charlie");
        assertThat(hostnames("status", true).get(2)).as("PENDING_PAYMENT after PAID").isNotEqualTo("charlie");
        assertThat(hostnames("status", true).get(0)).isEqualTo("charlie");
    }

    @Test
    void sorting_keeps_the_filters_and_pages_do_not_overlap() {
        place("budi@example.id", small, "web-a");
        place("budi@example.id", small, "web-b");
        place("budi@example.id", small, "web-c");

        Page<Order> first = orders.searchOrders(new SearchOrdersQuery("PENDING_PAYMENT", null, null, null, "web"),
                new SortOrders("hostname", true), new PageRequest(0, 2));
        Page<Order> second = orders.searchOrders(new SearchOrdersQuery("PENDING_PAYMENT", null, null, null, "web"),
                new SortOrders("hostname", true), new PageRequest(1, 2));

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(o -> o.hostname().value()).containsExactly("web-a", "web-b");
        assertThat(second.items()).extracting(o -> o.hostname().value()).containsExactly("web-c");
    }

    @Test
    void the_table_rows_carry_the_customers_email_and_name() {
        Order order = place("ani@example.id", small, "web-ani");

        var rows = orders.orderTable(EVERYTHING, new SortOrders("customer", true), new PageRequest(0, 10));

        assertThat(rows.items()).singleElement().satisfies(r -> {
            assertThat(r.order().id()).isEqualTo(order.id());
            assertThat(r.customerEmail()).isEqualTo("ani@example.id");
            assertThat(r.customerName()).isEqualTo("Budi Santoso");
        });
    }

    @Test
    void an_unknown_sort_field_is_a_validation_error() {
        assertThatThrownBy(() -> orders.searchOrders(EVERYTHING, new SortOrders("password", true),
                new PageRequest(0, 10))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }

    @Test
    void the_monitor_lists_failed_orders_oldest_first_with_their_task_and_last_error() {
        world.cloud.failNextCreate(CloudProviderException.permanentFailure("422 size unavailable", 422));
        Order failed = approve(place("budi@example.id", small, "gagal"));
        world.provisioning.processDueTasks(10);
        Order waiting = approve(place("budi@example.id", small, "antri"));

        Page<OrderDetails> failedOnes = orders.provisioningMonitor("FAILED", new PageRequest(0, 10));
        Page<OrderDetails> paidOnes = orders.provisioningMonitor("paid", new PageRequest(0, 10));

        assertThat(failedOnes.items()).singleElement().satisfies(d -> {
            assertThat(d.order().id()).isEqualTo(failed.id());
            assertThat(d.order().status()).isEqualTo(OrderStatus.FAILED);
            assertThat(d.order().failureMessage()).isEqualTo("422 size unavailable");
            assertThat(d.provisioning()).get().extracting(ProvisioningTask::status)
                    .isEqualTo(ProvisioningTask.Status.FAILED);
            assertThat(d.instance()).isEmpty();
        });
        assertThat(paidOnes.items()).extracting(d -> d.order().id()).containsExactly(waiting.id());
        assertThatThrownBy(() -> orders.provisioningMonitor("ACTIVE", new PageRequest(0, 10)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }
}
