package id.webrana.cloud.domain.order;

import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's order for one VPS: what was bought (plan and image snapshots, hostname, region,
 * period), at what price (an immutable {@link PricingSnapshot}), and where it stands.
 *
 * <p>Every change of status goes through an intent-revealing method ({@link #markPaid},
 * {@link #rejectPayment}, {@link #expire}, {@link #startProvisioning}, {@link #activate},
 * {@link #failProvisioning}) that checks the transition is legal and appends a
 * {@link StatusChange} to the audit trail. An illegal transition throws
 * {@link ErrorCode#PAYMENT_STATUS_CONFLICT}: for example approving an order that another admin
 * has just approved.
 */
public final class Order {

    private final UUID id;
    private final UUID userId;
    private OrderStatus status;
    private final PlanSnapshot plan;
    private final ImageSnapshot image;
    private final Hostname hostname;
    private final String region;
    private final PricingSnapshot pricing;
    private final List<String> sshKeys;
    private final Instant createdAt;
    private final Instant paymentDueAt;
    private Instant paidAt;
    private UUID instanceId;
    private String failureCode;
    private String failureMessage;
    private final List<StatusChange> history;
    private final long version;

    /** Rebuilds an order from storage; use {@link #place} for a new one. */
    public Order(UUID id, UUID userId, OrderStatus status, PlanSnapshot plan, ImageSnapshot image, Hostname hostname,
                 String region, PricingSnapshot pricing, List<String> sshKeys, Instant createdAt,
                 Instant paymentDueAt, Instant paidAt, UUID instanceId, String failureCode, String failureMessage,
                 List<StatusChange> history, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.status = Objects.requireNonNull(status, "status");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.image = Objects.requireNonNull(image, "image");
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.region = Objects.requireNonNull(region, "region");
        this.pricing = Objects.requireNonNull(pricing, "pricing");
        this.sshKeys = sshKeys == null ? List.of() : List.copyOf(sshKeys);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.paymentDueAt = Objects.requireNonNull(paymentDueAt, "paymentDueAt");
        this.paidAt = paidAt;
        this.instanceId = instanceId;
        this.failureCode = failureCode;
        this.failureMessage = failureMessage;
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.version = version;
    }

    /** A new order awaiting payment until {@code paymentDueAt}. */
    public static Order place(UUID userId, PlanSnapshot plan, ImageSnapshot image, Hostname hostname, String region,
                              PricingSnapshot pricing, List<String> sshKeys, Actor actor, Instant now,
                              Instant paymentDueAt) {
        if (!paymentDueAt.isAfter(now)) {
            throw new IllegalArgumentException("payment deadline must be in the future");
        }
        Order order = new Order(UUID.randomUUID(), userId, OrderStatus.PENDING_PAYMENT, plan, image, hostname, region,
                pricing, sshKeys, now, paymentDueAt, null, null, null, null, List.of(), 0);
        order.history.add(new StatusChange(null, OrderStatus.PENDING_PAYMENT, actor, "order placed", now));
        return order;
    }

    /** Payment confirmed (by an admin today, by the payment gateway later). */
    public StatusChange markPaid(Actor actor, String reason, Instant now) {
        StatusChange change = transition(OrderStatus.PAID, actor, reason, now);
        paidAt = now;
        return change;
    }

    /** Payment refused; a reason is required so the customer can be told why. */
    public StatusChange rejectPayment(Actor actor, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A rejection needs a reason");
        }
        return transition(OrderStatus.PAYMENT_FAILED, actor, reason, now);
    }

    /** Unpaid past its deadline. */
    public StatusChange expire(Instant now) {
        if (now.isBefore(paymentDueAt)) {
            throw new DomainException(ErrorCode.PAYMENT_STATUS_CONFLICT,
                    "Order " + id + " is not due until " + paymentDueAt);
        }
        return transition(OrderStatus.EXPIRED, Actor.system("order-expiry"), "payment deadline passed", now);
    }

    public boolean isPaymentOverdue(Instant now) {
        return status == OrderStatus.PENDING_PAYMENT && !now.isBefore(paymentDueAt);
    }

    /** The provisioning worker has taken the order up. */
    public StatusChange startProvisioning(Actor actor, Instant now) {
        if (status == OrderStatus.FAILED) { // only an operator's retry brings a failed order back
            throw new DomainException(ErrorCode.PAYMENT_STATUS_CONFLICT, "Order " + id + " is FAILED; retry it");
        }
        return transition(OrderStatus.PROVISIONING, actor, null, now);
    }

    /** The server is running with a public address. */
    public StatusChange activate(UUID instanceId, Actor actor, Instant now) {
        StatusChange change = transition(OrderStatus.ACTIVE, actor, "server ready", now);
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.failureCode = null;
        this.failureMessage = null;
        return change;
    }

    /** Provisioning gave up: {@code code} is stable (e.g. PROVISIONING_TIMEOUT), the message for admins. */
    public StatusChange failProvisioning(String code, String message, Actor actor, Instant now) {
        StatusChange change = transition(OrderStatus.FAILED, actor, code + ": " + message, now);
        this.failureCode = code;
        this.failureMessage = message;
        return change;
    }

    /** An operator retries provisioning of a FAILED order (UC-032); a reason is recorded. */
    public StatusChange retryProvisioning(Actor actor, String reason, Instant now) {
        if (status != OrderStatus.FAILED) {
            throw new DomainException(ErrorCode.ORDER_NOT_RETRYABLE,
                    "Order " + id + " is " + status + "; only a FAILED order can be retried");
        }
        StatusChange change = transition(OrderStatus.PROVISIONING, actor,
                reason == null || reason.isBlank() ? "provisioning retried" : reason.trim(), now);
        this.failureCode = null;
        this.failureMessage = null;
        return change;
    }

    /**
     * Records an operator's intervention that does not change the status (e.g. the cleanup destroyed a
     * server the failed order left behind) in the audit trail, as a change from the status to itself.
     */
    public StatusChange recordNote(Actor actor, String note, Instant now) {
        StatusChange change = new StatusChange(status, status, actor, note, now);
        history.add(change);
        return change;
    }

    private StatusChange transition(OrderStatus target, Actor actor, String reason, Instant now) {
        if (!status.canBecome(target)) {
            throw new DomainException(ErrorCode.PAYMENT_STATUS_CONFLICT,
                    "Order " + id + " is " + status + " and cannot become " + target);
        }
        StatusChange change = new StatusChange(status, target, actor, reason, now);
        status = target;
        history.add(change);
        return change;
    }

    public boolean isOwnedBy(UUID user) {
        return userId.equals(user);
    }

    /** The tag put on the provider's server, so a server created before a crash is found again. */
    public String providerTag() {
        return providerTag(id);
    }

    public static String providerTag(UUID orderId) {
        return ORDER_TAG_PREFIX + orderId;
    }

    private static final String ORDER_TAG_PREFIX = "webrana-order-";

    /** The order a provider tag names ({@code webrana-order-<uuid>}), if it is such a tag. */
    public static java.util.Optional<UUID> orderIdFromTag(String tag) {
        if (tag == null || !tag.startsWith(ORDER_TAG_PREFIX)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(tag.substring(ORDER_TAG_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public UUID id() { return id; }
    public UUID userId() { return userId; }
    public OrderStatus status() { return status; }
    public PlanSnapshot plan() { return plan; }
    public ImageSnapshot image() { return image; }
    public Hostname hostname() { return hostname; }
    public String region() { return region; }
    public PricingSnapshot pricing() { return pricing; }
    public List<String> sshKeys() { return sshKeys; }
    public Instant createdAt() { return createdAt; }
    public Instant paymentDueAt() { return paymentDueAt; }
    public Instant paidAt() { return paidAt; }
    public UUID instanceId() { return instanceId; }
    public String failureCode() { return failureCode; }
    public String failureMessage() { return failureMessage; }
    public List<StatusChange> history() { return Collections.unmodifiableList(history); }
    public long version() { return version; }
}
