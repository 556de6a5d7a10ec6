package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.InvoiceRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.UUID;

/** {@code /portal/invoices.xhtml}: the customer's invoices, newest first, with their PDF. */
@Named
@ViewScoped
public class InvoicesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    InvoicesUseCase invoices;
    @Inject
    CurrentUser me;

    private PagedModel<InvoiceRow> model;

    @PostConstruct
    void init() {
        UUID userId = me.id();
        InvoicesUseCase uc = invoices;
        model = new PagedModel<>(page -> uc.listInvoices(userId, page).map(InvoiceRows::row), InvoiceRow::id);
    }

    public PagedModel<InvoiceRow> getModel() {
        return model;
    }
}
