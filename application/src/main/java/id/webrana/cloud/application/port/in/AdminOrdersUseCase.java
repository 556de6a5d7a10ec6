package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.UUID;

/** UC: operators search all orders and read any order. */
public interface AdminOrdersUseCase {

    Page<Order> searchOrders(SearchOrdersQuery query, PageRequest page);

    OrderDetails getOrder(UUID orderId);

    /** Every field optional; {@code status} is an OrderStatus name. */
    record SearchOrdersQuery(String status, UUID userId, Instant createdFrom, Instant createdTo, String text) {
    }
}
