package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminBillingUseCase;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.billing.PaymentSearch;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code /admin/transactions.xhtml}: every payment received (gateway and wallet), newest first, filtered by user,
 * gateway, reference and the day it was paid (Jakarta days).
 */
@Named
@ViewScoped
public class TransactionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminBillingUseCase billing;

    private String userId;
    private String gateway;
    private String reference;
    private LocalDate from;
    private LocalDate to;
    private Applied applied = new Applied(null, null, null, null, null);
    private PagedModel<Row> model;

    /** The filters in force (serializable, as the view keeps them between requests). */
    record Applied(UUID userId, String gateway, Instant from, Instant to, String reference) implements Serializable {
        PaymentSearch criteria() {
            return new PaymentSearch(userId, gateway, from, to, reference);
        }
    }

    /** One payment as the table shows it. */
    public record Row(String id, String paidAt, String gateway, String reference, String invoiceId, String userId,
                      String method, String amount, String totalPaid, String outcome) implements Serializable {
    }

    @PostConstruct
    void init() {
        AdminBillingUseCase uc = billing;
        model = new PagedModel<>(page -> uc.searchPayments(applied.criteria(), page).map(TransactionsPage::row), Row::id);
    }

    static Row row(Payment p) {
        return new Row(p.id().toString(), Formats.dateTime(p.paidAt() == null ? p.recordedAt() : p.paidAt()),
                p.gateway(), p.reference(), p.invoiceId().toString(), p.userId().toString(),
                p.methodName() == null ? p.methodCode() : p.methodName(), Formats.money(p.amount()),
                Formats.money(p.totalPaid()), Texts.get("payment.outcome." + p.outcome().name()));
    }

    /** Applies the filters (the table reloads on the form's update). */
    public void search() {
        if (Inputs.badUuid(userId)) {
            Texts.fieldError("filters:userId", "admin.filter.badUserId");
            return;
        }
        applied = new Applied(Inputs.uuid(userId).orElse(null), Inputs.text(gateway), Inputs.startOf(from),
                Inputs.endOf(to), Inputs.text(reference));
    }

    public void clear() {
        userId = null;
        gateway = null;
        reference = null;
        from = null;
        to = null;
        applied = new Applied(null, null, null, null, null);
    }

    public PagedModel<Row> getModel() {
        return model;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getGateway() {
        return gateway;
    }

    public void setGateway(String gateway) {
        this.gateway = gateway;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
