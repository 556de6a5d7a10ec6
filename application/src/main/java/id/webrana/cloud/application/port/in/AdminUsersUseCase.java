package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.Page;

import java.util.UUID;

/** UC: operators look at a user. */
public interface AdminUsersUseCase {

    UserDetails getUser(UUID userId);

    record UserDetails(User user, Page<Order> recentOrders) {
    }
}
