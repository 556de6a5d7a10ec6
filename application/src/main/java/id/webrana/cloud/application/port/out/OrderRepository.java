package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores orders with their status history. */
public interface OrderRepository {

    Optional<Order> findById(UUID id);

    /**
     * Finds an order and locks it until the running transaction ends, so that two decisions on
     * one order (two admins approving at once) are taken one after the other.
     */
    Optional<Order> findByIdForUpdate(UUID id);

    /** Inserts or updates (appending new history entries); refuses a stale version. */
    void save(Order order);

    Page<Order> findByUser(UUID userId, PageRequest page);

    Page<Order> search(OrderSearch criteria, PageRequest page);

    /** Unpaid orders past their deadline, oldest first, locked and skipped by other workers. */
    List<Order> claimOverdueUnpaid(Instant now, int limit);

    /**
     * Admin filters; every field optional.
     *
     * @param text matches the hostname, the order id or the customer's email (case-insensitive)
     */
    record OrderSearch(OrderStatus status, UUID userId, Instant createdFrom, Instant createdTo, String text) {
    }
}
