package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.order.Order;

import java.util.List;
import java.util.UUID;

/** UC: a customer orders a VPS; it awaits payment. */
public interface PlaceOrderUseCase {

    Order placeOrder(PlaceOrderCommand command);

    record PlaceOrderCommand(UUID userId, UUID planId, UUID imageId, String period, String hostname,
                             String couponCode, List<String> sshPublicKeys) {
    }
}
