package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows;
import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.InvoiceRow;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminBillingUseCase;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.Arrays;
import java.util.List;

/** {@code /admin/invoices.xhtml}: every invoice, lazily paged, by status, purpose, user, issue day and text. */
@Named
@ViewScoped
public class AdminInvoicesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminBillingUseCase billing;

    private InvoiceStatus status;
    private InvoicePurpose purpose;
    private String userId;
    private String text;
    private LocalDate from;
    private LocalDate to;
    private Applied applied = new Applied(null, null, null, null, null, null);
    private PagedModel<InvoiceRow> model;

    /** The filters in force (serializable, as the view keeps them between requests). */
    record Applied(InvoiceStatus status, InvoicePurpose purpose, UUID userId, Instant from, Instant to, String text)
            implements Serializable {
        InvoiceSearch criteria() {
            return new InvoiceSearch(status, purpose, userId, from, to, text);
        }
    }

    @PostConstruct
    void init() {
        AdminBillingUseCase uc = billing;
        model = new PagedModel<>(page -> uc.searchInvoices(applied.criteria(), page).map(InvoiceRows::row), InvoiceRow::id);
    }

    public void search() {
        if (Inputs.badUuid(userId)) {
            Texts.fieldError("filters:userId", "admin.filter.badUserId");
            return;
        }
        applied = new Applied(status, purpose, Inputs.uuid(userId).orElse(null), Inputs.startOf(from),
                Inputs.endOf(to), Inputs.text(text));
    }

    public void clear() {
        status = null;
        purpose = null;
        userId = null;
        text = null;
        from = null;
        to = null;
        applied = new Applied(null, null, null, null, null, null);
    }

    public List<InvoiceStatus> getStatuses() {
        return Arrays.asList(InvoiceStatus.values());
    }

    public List<InvoicePurpose> getPurposes() {
        return Arrays.asList(InvoicePurpose.values());
    }

    public PagedModel<InvoiceRow> getModel() {
        return model;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public void setStatus(InvoiceStatus status) {
        this.status = status;
    }

    public InvoicePurpose getPurpose() {
        return purpose;
    }

    public void setPurpose(InvoicePurpose purpose) {
        this.purpose = purpose;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
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
