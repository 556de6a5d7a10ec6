package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.InvoiceRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** {@code /portal/index.xhtml}: the wallet balance and the latest invoices, with links to the rest. */
@Named
@RequestScoped
public class DashboardPage {

    @Inject
    InvoicesUseCase invoices;
    @Inject
    WalletUseCase wallet;
    @Inject
    CurrentUser me;

    private String balance;
    private List<InvoiceRow> latest;

    @PostConstruct
    void load() {
        balance = Formats.money(wallet.balance(me.id()));
        latest = invoices.listInvoices(me.id(), new PageRequest(0, 5)).items().stream().map(InvoiceRows::row).toList();
    }

    public String getBalance() {
        return balance;
    }

    public List<InvoiceRow> getLatest() {
        return latest;
    }

    public long getUnpaid() {
        return latest.stream().filter(r -> "UNPAID".equals(r.status())).count();
    }
}
