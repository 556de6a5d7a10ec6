package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.UUID;

/** UC: a customer lists and reads their own orders. */
public interface ViewOrdersUseCase {

    Page<Order> listOrders(UUID userId, PageRequest page);

    /** @throws id.webrana.cloud.domain.shared.DomainException ORDER_NOT_FOUND, or ORDER_ACCESS_DENIED for another user's order */
    OrderDetails getOrder(UUID userId, UUID orderId);
}
