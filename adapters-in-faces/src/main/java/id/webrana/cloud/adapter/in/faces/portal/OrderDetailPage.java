package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.AttemptView;
import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.InvoiceView;
import id.webrana.cloud.adapter.in.faces.portal.OrderRows.OrderView;
import id.webrana.cloud.adapter.in.faces.portal.OrderRows.Progress;
import id.webrana.cloud.adapter.in.faces.portal.OrderRows.TimelineRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase.CreateInvoiceCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase.InvoiceDetails;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.application.port.in.ViewOrdersUseCase;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /portal/order-detail.xhtml?id=...}: one of the customer's orders: what was bought and its price breakdown,
 * the payment to make while it awaits one (pay code, checkout link, the invoice), the progress from payment to a
 * running server, the status timeline with who did what and when (WIB), and the server's link once it runs. While
 * something can still change by itself (payment, provisioning) the page polls every 3 s and re-renders only what
 * changed, so it goes from PENDING_PAYMENT through PAID to ACTIVE without a reload. Another customer's order is
 * answered as not found.
 */
@Named
@ViewScoped
public class OrderDetailPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OrderDetailPage.class.getName());
    /** The client id of the part of the page the poll re-renders. */
    static final String BODY = "f:order-body";

    @Inject
    ViewOrdersUseCase orders;
    @Inject
    InvoicesUseCase invoices;
    @Inject
    CurrentUser me;

    private String id;
    private String payment;
    private UUID orderId;
    private UUID invoiceId;
    private boolean missing;
    private OrderView order;
    private List<TimelineRow> timeline = List.of();
    private Progress progress;
    private InvoiceView invoice;
    private AttemptView attempt;
    private boolean watching;
    private String fingerprint = "";

    /** View action on GET: loads the order, its progress and its invoice. */
    public void load() {
        orderId = Inputs.uuid(id).orElse(null);
        if (orderId == null) {
            missing = true;
            return;
        }
        try {
            show(orders.getOrder(me.id(), orderId));
        } catch (DomainException e) {
            if (e.code() == ErrorCode.ORDER_NOT_FOUND || e.code() == ErrorCode.ORDER_ACCESS_DENIED) {
                missing = true;
            } else {
                Texts.error(e);
            }
        }
        if ("failed".equals(payment) && order != null && order.isPendingPayment()) {
            Texts.error("order.payment.notCompleted");
        }
    }

    /**
     * The poll (every 3 s while the order can still change by itself): reads it again, re-renders the body only when
     * something shown changed, and stops once the order is ACTIVE or has ended otherwise.
     */
    public void poll() {
        String before = fingerprint;
        reload();
        if (!fingerprint.equals(before)) {
            PrimeFaces.current().ajax().update(BODY);
        }
        if (!watching) {
            PrimeFaces.current().executeScript("if (PF('orderPoll')) { PF('orderPoll').stop(); }");
        }
    }

    private void reload() {
        if (orderId == null || missing) {
            return;
        }
        try {
            show(orders.getOrder(me.id(), orderId));
        } catch (DomainException e) {
            LOG.log(Level.FINE, "reload", e);
        }
    }

    private void show(OrderDetails d) {
        order = OrderRows.view(d);
        timeline = OrderRows.timeline(d.order());
        progress = OrderRows.progress(d);
        watching = OrderRows.needsWatching(d.order().status());
        loadInvoice(d.order().status());
        fingerprint = OrderRows.fingerprint(d) + "|" + (invoice == null ? "" : invoice.status()) + "|"
                + (attempt == null ? "" : attempt.reference());
    }

    /** The order's invoice (found once, then read by id) and, while unpaid, its open gateway transaction. */
    private void loadInvoice(OrderStatus status) {
        try {
            if (invoiceId == null) {
                invoiceId = invoices.createInvoice(new CreateInvoiceCommand(me.id(), orderId, null)).id();
            }
            InvoiceDetails d = invoices.getInvoice(me.id(), invoiceId);
            invoice = InvoiceRows.view(d.invoice());
            attempt = d.openAttempt() != null && d.invoice().isUnpaid() && status == OrderStatus.PENDING_PAYMENT
                    ? InvoiceRows.attempt(d.openAttempt()) : null;
        } catch (DomainException e) {
            // an order that ended before any invoice was raised has none
            LOG.log(Level.FINE, "no invoice for order " + orderId, e);
            invoice = null;
            attempt = null;
        }
    }

    public boolean isMissing() {
        return missing;
    }

    public OrderView getOrder() {
        return order;
    }

    public List<TimelineRow> getTimeline() {
        return timeline;
    }

    public Progress getProgress() {
        return progress;
    }

    public InvoiceView getInvoice() {
        return invoice;
    }

    public AttemptView getAttempt() {
        return attempt;
    }

    public boolean isWatching() {
        return watching;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPayment() {
        return payment;
    }

    public void setPayment(String payment) {
        this.payment = payment;
    }
}
