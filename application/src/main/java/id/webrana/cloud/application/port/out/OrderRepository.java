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

    /** The orders matching {@code criteria}, newest first. */
    default Page<Order> search(OrderSearch criteria, PageRequest page) {
        return search(criteria, OrderSort.NEWEST_FIRST, page);
    }

    /** The orders matching {@code criteria} in the order {@code sort} asks (ties broken by the order id). */
    Page<Order> search(OrderSearch criteria, OrderSort sort, PageRequest page);

    /** Unpaid orders past their deadline, oldest first, locked and skipped by other workers. */
    List<Order> claimOverdueUnpaid(Instant now, int limit);

    /**
     * Admin filters; every field optional.
     *
     * @param text matches the hostname, the order id or the customer's email (case-insensitive)
     */
    record OrderSearch(OrderStatus status, UUID userId, Instant createdFrom, Instant createdTo, String text) {
    }

    /** How a search is ordered. */
    record OrderSort(Key key, boolean ascending) {
        public static final OrderSort NEWEST_FIRST = new OrderSort(Key.CREATED_AT, false);
        public static final OrderSort OLDEST_FIRST = new OrderSort(Key.CREATED_AT, true);

        /** What to order by: creation time, status, hostname, the customer's email, or the final price. */
        public enum Key { CREATED_AT, STATUS, HOSTNAME, CUSTOMER_EMAIL, FINAL_PRICE }

        public OrderSort {
            java.util.Objects.requireNonNull(key, "key");
        }
    }
}
