package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows;
import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.AttemptView;
import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.InvoiceView;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.application.port.in.AdminBillingUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase.InvoiceDetails;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.UUID;

/** {@code /admin/invoice.xhtml?id=}: any invoice with its gateway transactions and payments. */
@Named
@RequestScoped
public class AdminInvoicePage {

    @Inject
    AdminBillingUseCase billing;

    private String id;
    private InvoiceView invoice;
    private String userId;
    private List<AttemptView> attempts = List.of();
    private List<TransactionsPage.Row> payments = List.of();

    public void load() {
        UUID invoiceId = Inputs.uuid(id).orElse(null);
        if (invoiceId == null) {
            return;
        }
        try {
            InvoiceDetails d = billing.invoice(invoiceId);
            invoice = InvoiceRows.view(d.invoice());
            userId = d.invoice().userId().toString();
            attempts = d.attempts().stream().map(InvoiceRows::attempt).toList();
            payments = d.payments().stream().map(TransactionsPage::row).toList();
        } catch (DomainException e) {
            invoice = null;
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public InvoiceView getInvoice() {
        return invoice;
    }

    public String getUserId() {
        return userId;
    }

    public List<AttemptView> getAttempts() {
        return attempts;
    }

    public List<TransactionsPage.Row> getPayments() {
        return payments;
    }
}
