package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.UUID;

/** UC: operators search all orders and read any order. */
public interface AdminOrdersUseCase {

    /** Orders matching {@code query}, newest first. */
    default Page<Order> searchOrders(SearchOrdersQuery query, PageRequest page) {
        return searchOrders(query, null, page);
    }

    /** Orders matching {@code query} in the order {@code sort} asks (newest first when null). */
    Page<Order> searchOrders(SearchOrdersQuery query, SortOrders sort, PageRequest page);

    /** The admin orders table: what {@link #searchOrders} finds, each order with its customer's email and name. */
    Page<OrderSummary> orderTable(SearchOrdersQuery query, SortOrders sort, PageRequest page);

    /**
     * The provisioning monitor: orders in {@code status} ({@code PAID}, {@code PROVISIONING} or {@code FAILED}),
     * the longest waiting first, each with its provisioning task (attempts, last error) and server if any.
     */
    Page<OrderDetails> provisioningMonitor(String status, PageRequest page);

    OrderDetails getOrder(UUID orderId);

    /** Every field optional; {@code status} is an OrderStatus name. */
    record SearchOrdersQuery(String status, UUID userId, Instant createdFrom, Instant createdTo, String text) {
    }

    /**
     * @param field {@code createdAt}, {@code status}, {@code hostname}, {@code customer} (email) or {@code total}
     *              (final price); null or blank for the creation time
     */
    record SortOrders(String field, boolean ascending) {
    }

    /** An order with who placed it; {@code customerEmail} and {@code customerName} are empty if the account is gone. */
    record OrderSummary(Order order, String customerEmail, String customerName) {
    }
}
