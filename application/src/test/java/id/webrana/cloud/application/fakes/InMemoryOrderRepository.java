package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.OrderRepository;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Orders as the database keeps them. {@link #findByIdForUpdate} takes no lock (tests run on one
 * thread) and returns a fresh copy; {@link #save} refuses a copy whose version is stale.
 */
public final class InMemoryOrderRepository implements OrderRepository, TransactionalResource {

    private final InMemoryStore<Order> table = new InMemoryStore<>("order", Order::id, Order::version, Copies::order);
    private final InMemoryUserRepository users;

    /** @param users to search orders by the customer's email, like the SQL join does */
    public InMemoryOrderRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<Order> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public Optional<Order> findByIdForUpdate(UUID id) {
        return table.find(id);
    }

    @Override
    public void save(Order order) {
        table.save(order);
    }

    @Override
    public Page<Order> findByUser(UUID userId, PageRequest page) {
        return page(o -> o.userId().equals(userId), OrderSort.NEWEST_FIRST, page);
    }

    @Override
    public Page<Order> search(OrderSearch c, OrderSort sort, PageRequest page) {
        Predicate<Order> where = o -> (c.status() == null || o.status() == c.status())
                && (c.userId() == null || o.userId().equals(c.userId()))
                && (c.createdFrom() == null || !o.createdAt().isBefore(c.createdFrom()))
                && (c.createdTo() == null || o.createdAt().isBefore(c.createdTo()))
                && (c.text() == null || matchesText(o, c.text().toLowerCase(Locale.ROOT)));
        return page(where, sort, page);
    }

    private boolean matchesText(Order o, String text) {
        return o.hostname().value().toLowerCase(Locale.ROOT).contains(text)
                || o.id().toString().contains(text)
                || users.findById(o.userId()).map(User::email).map(e -> e.value().contains(text)).orElse(false);
    }

    private Page<Order> page(Predicate<Order> where, OrderSort sort, PageRequest page) {
        Comparator<Order> by = switch (sort.key()) {
            case CREATED_AT -> Comparator.comparing(Order::createdAt);
            case STATUS -> Comparator.comparing((Order o) -> o.status().name());
            case HOSTNAME -> Comparator.comparing((Order o) -> o.hostname().value());
            case CUSTOMER_EMAIL -> Comparator.comparing((Order o) -> users.findById(o.userId())
                    .map(u -> u.email().value()).orElse(""));
            case FINAL_PRICE -> Comparator.comparingLong((Order o) -> o.pricing().finalPrice().rupiah());
        };
        by = sort.ascending() ? by : by.reversed();
        List<Order> all = table.all().filter(where)
                .sorted(by.thenComparing(Order::id)).toList();
        List<Order> items = all.stream().skip(page.offset()).limit(page.size()).toList();
        return new Page<>(items, page.page(), page.size(), all.size());
    }

    @Override
    public List<Order> claimOverdueUnpaid(Instant now, int limit) {
        return table.all().filter(o -> o.status() == OrderStatus.PENDING_PAYMENT && !o.paymentDueAt().isAfter(now))
                .sorted(Comparator.comparing(Order::paymentDueAt)).limit(limit).toList();
    }

    /** The stored order (a fresh copy), failing when there is none. */
    public Order get(UUID id) {
        return findById(id).orElseThrow(() -> new AssertionError("no order " + id));
    }

    public int count() {
        return table.count();
    }

    @Override
    public Object snapshot() {
        return table.snapshot();
    }

    @Override
    public void restore(Object snapshot) {
        table.restore(snapshot);
    }
}
