package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.UUID;

/**
 * {@code /portal/wallet.xhtml}: the balance, a top-up (a deposit invoice, then its invoice page to pay it) and the
 * ledger, newest first.
 */
@Named
@ViewScoped
public class WalletPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WalletUseCase wallet;
    @Inject
    CurrentUser me;

    private String balance;
    private Long amount;
    private PagedModel<LedgerRow> ledger;

    @PostConstruct
    void init() {
        UUID userId = me.id();
        WalletUseCase uc = wallet;
        balance = Formats.money(wallet.balance(userId));
        ledger = new PagedModel<>(page -> uc.walletEntries(userId, page).map(LedgerRow::of), LedgerRow::id);
    }

    /** Raises a deposit invoice for the amount and opens it to choose how to pay. */
    public void topUp() throws IOException {
        if (amount == null || amount <= 0) {
            Texts.fieldError("topup:amount", "wallet.topup.amountRequired");
            return;
        }
        try {
            Invoice invoice = wallet.requestDeposit(me.id(), amount);
            ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/portal/invoice.xhtml?id=" + invoice.id());
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    public String getBalance() {
        return balance;
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }

    public PagedModel<LedgerRow> getLedger() {
        return ledger;
    }
}
