package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.AdminOrderRows.HistoryRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminInstancesUseCase;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase;
import id.webrana.cloud.application.port.in.AdminUsersUseCase;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /admin/order.xhtml?id=}: one order in full for operators: what was bought at what price (the pricing
 * snapshot), the customer, the status history with who did what (the audit trail), the provisioning task with its
 * error, and the decisions an operator takes here: approve or reject the payment (a rejection needs a reason) and
 * retry a FAILED provisioning (with a reason). While the order is being provisioned the page follows it.
 */
@Named
@ViewScoped
public class AdminOrderPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String BODY = "f:order-body";

    /** What an operator can decide about an order. */
    public enum OperatorDecision { APPROVE, REJECT, RETRY }

    @Inject
    AdminOrdersUseCase orders;
    @Inject
    ChangePaymentStatusUseCase payments;
    @Inject
    AdminInstancesUseCase instances;
    @Inject
    AdminUsersUseCase users;
    @Inject
    CurrentUser me;

    private String id;
    private UUID orderId;
    private OrderView order;
    private List<HistoryRow> history = List.of();
    private TaskView task;
    private OperatorDecision decision;
    private String reason;
    /** Emails of the accounts named in the history, by user id (null: not a known user). */
    private final Map<String, String> emails = new HashMap<>();

    /**
     * The order as the page shows it.
     *
     * @param instanceId the server the order made, or null
     */
    public record OrderView(String id, String hostname, String status, String statusLabel, String userId,
                            String customerEmail, String customerName, boolean customerEnabled, String plan,
                            String specs, String image, String region, String period, String sshKeys,
                            String created, String paymentDue, String paid, String basePrice, String promoName,
                            String promoDiscount, String couponCode, String couponDiscount, String finalPrice,
                            String failureCode, String failureMessage, String instanceId) implements Serializable {

        public boolean isPendingPayment() {
            return OrderStatus.PENDING_PAYMENT.name().equals(status);
        }

        public boolean isFailed() {
            return OrderStatus.FAILED.name().equals(status);
        }

        public boolean isInProgress() {
            return OrderStatus.PAID.name().equals(status) || OrderStatus.PROVISIONING.name().equals(status);
        }

        public boolean hasPromo() {
            return promoName != null;
        }

        public boolean hasCoupon() {
            return couponCode != null;
        }
    }

    /** The provisioning task: its state, attempts, provider server and last error. */
    public record TaskView(String status, int attempts, String providerServerId, String nextAttempt,
                           String deadline, String lastError, String updated) implements Serializable {
    }

    /** View action on GET. */
    public void load() {
        orderId = Inputs.uuid(id).orElse(null);
        if (orderId != null) {
            reload();
        }
    }

    /**
     * The page's poll while the order is PAID or PROVISIONING: reads it again, redraws the page when something
     * changed, and stops polling once the order has settled.
     */
    public void refresh() {
        if (orderId == null) {
            return;
        }
        String before = fingerprint();
        reload();
        if (!fingerprint().equals(before)) {
            PrimeFaces.current().ajax().update(BODY);
        }
        if (order == null || !order.isInProgress()) {
            PrimeFaces.current().executeScript("if (PF('adminOrderPoll')) { PF('adminOrderPoll').stop(); }");
        }
    }

    /** What the poll compares: status, history length and the task's progress. */
    private String fingerprint() {
        return order == null ? "" : order.status() + "/" + history.size() + "/"
                + (task == null ? "" : task.status() + task.attempts() + task.lastError());
    }

    /** Opens the reason dialog for {@code what} ({@code APPROVE}, {@code REJECT} or {@code RETRY}). */
    public void choose(String what) {
        decision = OperatorDecision.valueOf(what);
        reason = null;
    }

    /** Carries out the chosen decision; the dialog closes on success. */
    public void decide() {
        if (order == null || decision == null) {
            return;
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        // a rejection and a retry need a reason; an approval may carry one (the transfer it saw, say)
        boolean needed = decision != OperatorDecision.APPROVE || why != null;
        if (needed && !AdminInstancePage.reasonGiven(why)) {
            Texts.fieldError("f:reason", "admin.reasonRequired", AdminInstancePage.MIN_REASON);
            return;
        }
        try {
            switch (decision) {
                case APPROVE -> payments.changePaymentStatus(new PaymentDecisionCommand(orderId, Decision.APPROVE, why,
                        me.actor()));
                case REJECT -> payments.changePaymentStatus(new PaymentDecisionCommand(orderId, Decision.REJECT, why,
                        me.actor()));
                case RETRY -> instances.retryProvisioning(orderId, me.actor(), why);
            }
            Texts.info("admin.order.done." + decision.name(), order.hostname());
            reason = null;
            reload();
            if (order != null && order.isInProgress()) {
                PrimeFaces.current().executeScript("if (PF('adminOrderPoll')) { PF('adminOrderPoll').stop(); "
                        + "PF('adminOrderPoll').start(); }");
            }
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (DomainException e) {
            Texts.error(e);
            reload();
        }
    }

    private void reload() {
        try {
            show(orders.getOrder(orderId));
        } catch (DomainException e) {
            if (e.code() != ErrorCode.ORDER_NOT_FOUND) {
                Texts.error(e);
            }
            order = null;
        }
    }

    private void show(OrderDetails d) {
        Order o = d.order();
        Optional<User> customer = user(o.userId());
        customer.ifPresent(u -> emails.put(u.id().toString(), u.email().value()));
        PricingSnapshot p = o.pricing();
        order = new OrderView(o.id().toString(), o.hostname().value(), o.status().name(),
                AdminOrderRows.statusLabel(o.status()), o.userId().toString(),
                customer.map(u -> u.email().value()).orElse("—"), customer.map(User::fullName).orElse("—"),
                customer.map(User::isEnabled).orElse(false), o.plan().name(),
                Texts.get("server.specs.value", o.plan().vcpu(), memory(o.plan().memoryMb()), o.plan().diskGb() + " GB"),
                o.image().name(), o.region(), Texts.get("admin.period." + p.period().name()),
                Integer.toString(o.sshKeys().size()), Formats.dateTime(o.createdAt()),
                Formats.dateTime(o.paymentDueAt()), Formats.dateTime(o.paidAt()), Formats.money(p.basePrice()),
                p.promoName(), Formats.signed(-p.promoDiscount().rupiah()), p.couponCode(),
                Formats.signed(-p.couponDiscount().rupiah()), Formats.money(p.finalPrice()),
                o.failureCode(), o.failureMessage(),
                d.instance().map(i -> i.id().toString()).orElse(null));
        history = AdminOrderRows.history(o, this::emailOf);
        task = d.provisioning().map(AdminOrderPage::taskView).orElse(null);
    }

    private static String memory(int megabytes) {
        return megabytes % 1024 == 0 ? megabytes / 1024 + " GB" : megabytes + " MB";
    }

    private static TaskView taskView(ProvisioningTask t) {
        return new TaskView(t.status().name(), t.attempts(), t.providerServerId() == null ? "—" : t.providerServerId(),
                t.isFinished() ? "—" : Formats.dateTime(t.nextAttemptAt()), Formats.dateTime(t.deadline()),
                t.lastError() == null ? "" : t.lastError(), Formats.dateTime(t.updatedAt()));
    }

    /** The email of the account {@code userId} names, remembered for the page's life; null if it is not a user. */
    private String emailOf(String userId) {
        if (emails.containsKey(userId)) {
            return emails.get(userId);
        }
        String email = Inputs.uuid(userId).flatMap(this::user).map(u -> u.email().value()).orElse(null);
        emails.put(userId, email);
        return email;
    }

    private Optional<User> user(UUID userId) {
        try {
            return Optional.of(users.getUser(userId).user());
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public OrderView getOrder() {
        return order;
    }

    public List<HistoryRow> getHistory() {
        return history;
    }

    public TaskView getTask() {
        return task;
    }

    public OperatorDecision getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
