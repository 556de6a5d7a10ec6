package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AdminOrdersUseCase;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase;
import id.webrana.cloud.application.port.in.ExpireUnpaidOrdersUseCase;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase;
import id.webrana.cloud.application.port.in.ViewOrdersUseCase;
import id.webrana.cloud.application.port.out.CouponRepository;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.OrderRepository;
import id.webrana.cloud.application.port.out.ProvisioningTaskRepository;
import id.webrana.cloud.application.port.out.ProvisioningWakeUp;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.order.Hostname;
import id.webrana.cloud.domain.order.ImageSnapshot;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.PlanSnapshot;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Orders: placing, reading, payment decisions and expiry. */
public class OrderService implements PlaceOrderUseCase, ViewOrdersUseCase, AdminOrdersUseCase,
        ChangePaymentStatusUseCase, ExpireUnpaidOrdersUseCase {

    private static final Pattern SSH_KEY = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/=]{16,}( [^\\r\\n]{0,200})?");

    private final CatalogService catalog;
    private final OrderRepository orders;
    private final ProvisioningTaskRepository tasks;
    private final InstanceRepository instances;
    private final UserRepository users;
    private final CouponRepository coupons;
    private final Notifier notifier;
    private final ProvisioningWakeUp wakeUp;
    private final TransactionRunner tx;
    private final Clock clock;
    private final OrderSettings settings;
    private final InvoiceRepository invoices;
    private final InvoiceFactory invoiceFactory;
    private final BillingSettings billingSettings;

    public OrderService(CatalogService catalog, OrderRepository orders, ProvisioningTaskRepository tasks,
                        InstanceRepository instances, UserRepository users,
                        CouponRepository coupons, Notifier notifier,
                        ProvisioningWakeUp wakeUp, TransactionRunner tx, Clock clock, OrderSettings settings,
                        InvoiceRepository invoices, BillingSettings billing) {
        this.invoices = invoices;
        this.billingSettings = billing;
        this.invoiceFactory = new InvoiceFactory(invoices, billing);
        this.catalog = catalog;
        this.orders = orders;
        this.tasks = tasks;
        this.instances = instances;
        this.users = users;
        this.coupons = coupons;
        this.notifier = notifier;
        this.wakeUp = wakeUp;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Order placeOrder(PlaceOrderCommand c) {
        BillingPeriod period = BillingPeriod.parse(c.period());
        Hostname hostname = new Hostname(c.hostname());
        if (c.imageId() == null) {
            throw new DomainException(ErrorCode.INVALID_IMAGE, "An image must be chosen");
        }
        List<String> keys = c.sshPublicKeys() == null ? List.of()
                : c.sshPublicKeys().stream().filter(java.util.Objects::nonNull).map(String::trim)
                        .filter(k -> !k.isEmpty()).toList();
        if (keys.size() > 10) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "At most 10 SSH keys");
        }
        for (String key : keys) {
            if (!SSH_KEY.matcher(key).matches()) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "Not an OpenSSH public key: "
                        + key.substring(0, Math.min(key.length(), 30)) + "...");
            }
        }
        return tx.inTransaction(() -> {
            User user = users.findById(c.userId())
                    .orElseThrow(() -> new DomainException(ErrorCode.USER_NOT_FOUND, "Unknown user"));
            user.requireEnabled();
            CatalogService.Priced priced = catalog.priceOf(user.id(), c.planId(), c.imageId(), period, c.couponCode());
            Instant now = clock.instant();
            Order order = Order.place(user.id(), PlanSnapshot.of(priced.plan()), ImageSnapshot.of(priced.image()),
                    hostname, settings.defaultRegion(), priced.snapshot(), keys,
                    new Actor(Actor.Type.CUSTOMER, user.id().toString()), now, now.plus(settings.paymentWindow()));
            orders.save(order);
            if (priced.coupon() != null) {
                priced.coupon().redeem();
                coupons.save(priced.coupon());
                coupons.recordRedemption(priced.coupon().id(), user.id(), order.id(), now);
            }
            Invoice invoice = invoiceFactory.forOrder(order, user, now);
            var p = order.pricing();
            notifier.notify(Notification.email("ORDER_CREATED", user.email().value(), Map.ofEntries(
                    Map.entry("name", user.fullName()), Map.entry("orderId", order.id().toString()),
                    Map.entry("hostname", order.hostname().value()), Map.entry("plan", order.plan().name()),
                    Map.entry("period", period.name()),
                    Map.entry("basePrice", Long.toString(p.basePrice().rupiah())),
                    Map.entry("discount", Long.toString(p.totalDiscount().rupiah())),
                    Map.entry("taxAmount", Long.toString(invoice.tax().rupiah())),
                    Map.entry("link", billingSettings.invoiceUrl(invoice.id())),
                    Map.entry("total", Long.toString(invoice.total().rupiah())),
                    Map.entry("invoiceId", invoice.id().toString()), Map.entry("invoiceNumber", invoice.number()),
                    Map.entry("payBefore", invoice.dueAt().toString())),
                    "ORDER_CREATED:" + order.id()));
            return order;
        });
    }

    @Override
    public Page<Order> listOrders(UUID userId, PageRequest page) {
        return tx.inTransaction(() -> orders.findByUser(userId, page));
    }

    @Override
    public OrderDetails getOrder(UUID userId, UUID orderId) {
        OrderDetails details = getOrder(orderId);
        if (!details.order().isOwnedBy(userId)) {
            throw new DomainException(ErrorCode.ORDER_ACCESS_DENIED, "Order " + orderId + " belongs to another account");
        }
        return details;
    }

    @Override
    public OrderDetails getOrder(UUID orderId) {
        return tx.inTransaction(() -> {
            Order order = orders.findById(orderId).orElseThrow(() -> notFound(orderId));
            return new OrderDetails(order, instances.findByOrderId(orderId), tasks.findByOrderId(orderId));
        });
    }

    @Override
    public Page<Order> searchOrders(SearchOrdersQuery q, SortOrders sort, PageRequest page) {
        OrderStatus status = parseStatus(q.status());
        if (q.createdFrom() != null && q.createdTo() != null && q.createdTo().isBefore(q.createdFrom())) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "The date range ends before it starts");
        }
        var criteria = new OrderRepository.OrderSearch(status, q.userId(), q.createdFrom(), q.createdTo(),
                q.text() == null || q.text().isBlank() ? null : q.text().trim());
        OrderRepository.OrderSort order = sortOf(sort);
        return tx.inTransaction(() -> orders.search(criteria, order, page));
    }

    @Override
    public Page<OrderSummary> orderTable(SearchOrdersQuery query, SortOrders sort, PageRequest page) {
        return tx.inTransaction(() -> searchOrders(query, sort, page).map(o -> users.findById(o.userId())
                .map(u -> new OrderSummary(o, u.email().value(), u.fullName()))
                .orElseGet(() -> new OrderSummary(o, "", ""))));
    }

    @Override
    public Page<OrderDetails> provisioningMonitor(String status, PageRequest page) {
        OrderStatus wanted = parseStatus(status);
        if (wanted != OrderStatus.PAID && wanted != OrderStatus.PROVISIONING && wanted != OrderStatus.FAILED) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR,
                    "The provisioning monitor shows PAID, PROVISIONING or FAILED orders, not " + status);
        }
        return tx.inTransaction(() -> orders.search(new OrderRepository.OrderSearch(wanted, null, null, null, null),
                        OrderRepository.OrderSort.OLDEST_FIRST, page)
                .map(o -> new OrderDetails(o, instances.findByOrderId(o.id()), tasks.findByOrderId(o.id()))));
    }

    private static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Unknown order status: " + status);
        }
    }

    /** The admin table's sort field, as the repository orders. */
    private static OrderRepository.OrderSort sortOf(SortOrders sort) {
        if (sort == null || sort.field() == null || sort.field().isBlank()) {
            return sort != null && sort.ascending() ? OrderRepository.OrderSort.OLDEST_FIRST
                    : OrderRepository.OrderSort.NEWEST_FIRST;
        }
        OrderRepository.OrderSort.Key key = switch (sort.field().trim()) {
            case "createdAt" -> OrderRepository.OrderSort.Key.CREATED_AT;
            case "status" -> OrderRepository.OrderSort.Key.STATUS;
            case "hostname" -> OrderRepository.OrderSort.Key.HOSTNAME;
            case "customer" -> OrderRepository.OrderSort.Key.CUSTOMER_EMAIL;
            case "total" -> OrderRepository.OrderSort.Key.FINAL_PRICE;
            default -> throw new DomainException(ErrorCode.VALIDATION_ERROR, "Cannot sort orders by " + sort.field());
        };
        return new OrderRepository.OrderSort(key, sort.ascending());
    }

    @Override
    public Order changePaymentStatus(PaymentDecisionCommand c) {
        if (c.decision() == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A decision (APPROVE or REJECT) is required");
        }
        Order result = tx.inTransaction(() -> {
            Operators.require(users, c.actor());
            Order order = orders.findByIdForUpdate(c.orderId()).orElseThrow(() -> notFound(c.orderId()));
            Instant now = clock.instant();
            if (c.decision() == Decision.APPROVE) {
                Optional<Invoice> invoice = lockedInvoiceOf(order);
                settlePaidOrder(order, c.actor(), c.reason(), now, "Persetujuan admin");
                invoice.filter(Invoice::isUnpaid).ifPresent(i -> {
                    i.markPaid(new PaymentMethod(PaymentMethod.MANUAL, PaymentMethod.MANUAL, "Persetujuan admin",
                            c.actor().type() + ":" + c.actor().id()), i.total(), now);
                    invoices.save(i);
                });
            } else {
                order.rejectPayment(c.actor(), c.reason(), now);
                releaseCoupon(order);
                orders.save(order);
                lockedInvoiceOf(order).filter(Invoice::isUnpaid).ifPresent(i -> {
                    i.fail(c.reason());
                    invoices.save(i);
                });
                users.findById(order.userId()).ifPresent(user -> notifier.notify(Notification.email(
                        "PAYMENT_REJECTED", user.email().value(), Map.of("name", user.fullName(),
                                "orderId", order.id().toString(), "reason", c.reason(),
                                "total", Long.toString(amountDue(order))),
                        "PAYMENT_STATUS:" + order.id())));
            }
            return order;
        });
        if (c.decision() == Decision.APPROVE) {
            wakeUp.taskDue();
        }
        return result;
    }

    /**
     * Marks a locked, unpaid order PAID and queues its provisioning, in the caller's transaction: the
     * one path by which an order becomes paid, whether an admin approved it or a gateway confirmed the
     * money. The caller wakes the provisioning workers after commit.
     *
     * @param paidWith how the customer paid, for the confirmation message (e.g. "BRI Virtual Account")
     */
    public void settlePaidOrder(Order order, Actor actor, String reason, Instant now, String paidWith) {
        order.markPaid(actor, reason, now);
        tasks.save(ProvisioningTask.forPaidOrder(order.id(), now, settings.provisioningTimeout(),
                SecretTokens.newServerPassword(), SecretTokens.newSecret()));
        orders.save(order);
        users.findById(order.userId()).ifPresent(user -> notifier.notify(Notification.email(
                "PAYMENT_CONFIRMED", user.email().value(), Map.of("name", user.fullName(),
                        "orderId", order.id().toString(), "hostname", order.hostname().value(),
                        "paidWith", paidWith == null ? "" : paidWith,
                        "total", Long.toString(amountDue(order))),
                "PAYMENT_STATUS:" + order.id())));
    }

    /** What the customer pays for the order: its invoice's total (tax included), else the order's price. */
    private long amountDue(Order order) {
        return invoices.findLatestFor(InvoicePurpose.ORDER, order.id()).map(i -> i.total().rupiah())
                .orElse(order.pricing().finalPrice().rupiah());
    }

    /** The order's invoice, locked after the order (lock order: order, invoice, wallet). */
    private Optional<Invoice> lockedInvoiceOf(Order order) {
        return invoices.findLatestFor(InvoicePurpose.ORDER, order.id())
                .flatMap(i -> invoices.findByIdForUpdate(i.id()));
    }

    @Override
    public int expireOverdueOrders(int max) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            List<Order> overdue = orders.claimOverdueUnpaid(now, max);
            for (Order order : overdue) {
                order.expire(now);
                orders.save(order);
                releaseCoupon(order);
                lockedInvoiceOf(order).filter(Invoice::isUnpaid).ifPresent(i -> {
                    i.expire("order expired unpaid");
                    invoices.save(i);
                });
            }
            return overdue.size();
        });
    }

    /** An order that will never be paid gives its coupon redemption back (total and per-user limits). */
    private void releaseCoupon(Order order) {
        String code = order.pricing().couponCode();
        if (code == null) {
            return;
        }
        coupons.findByCode(code).ifPresent(coupon -> {
            if (coupons.removeRedemption(coupon.id(), order.id())) {
                coupon.releaseRedemption();
                coupons.save(coupon);
            }
        });
    }

    private static DomainException notFound(UUID orderId) {
        return new DomainException(ErrorCode.ORDER_NOT_FOUND, "Order " + orderId + " not found");
    }
}
