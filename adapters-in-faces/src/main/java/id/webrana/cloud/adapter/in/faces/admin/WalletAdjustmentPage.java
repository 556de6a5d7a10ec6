package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.portal.LedgerRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.application.port.in.WalletUseCase.AdjustWalletCommand;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/wallets.xhtml}: look up a user's wallet (balance and latest entries) and adjust it by a signed
 * amount with a mandatory reason (recorded with the acting admin in the audit trail).
 */
@Named
@ViewScoped
public class WalletAdjustmentPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MIN_REASON = 5;

    @Inject
    WalletUseCase wallet;
    @Inject
    CurrentUser me;

    private String userId;
    private Long amount;
    private String reason;
    private String balance;
    private List<LedgerRow> entries = List.of();

    /** Shows the wallet of the user id typed. */
    public void lookUp() {
        UUID id = requireUser();
        if (id != null) {
            show(id);
        }
    }

    public void adjust() {
        UUID id = requireUser();
        boolean ok = id != null;
        if (amount == null || amount == 0) {
            Texts.fieldError("adjust:amount", "admin.wallet.amountRequired");
            ok = false;
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            Texts.fieldError("adjust:reason", "admin.wallet.reasonRequired", MIN_REASON);
            ok = false;
        }
        if (!ok) {
            return;
        }
        try {
            WalletEntry entry = wallet.adjust(new AdjustWalletCommand(id, amount, reason.strip(), me.actor()));
            Texts.info("admin.wallet.adjusted", Formats.signed(entry.amount()), Formats.money(entry.balanceAfter()));
            amount = null;
            reason = null;
            show(id);
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    private UUID requireUser() {
        UUID id = Inputs.uuid(userId).orElse(null);
        if (id == null) {
            Texts.fieldError("adjust:userId", "admin.filter.badUserId");
        }
        return id;
    }

    private void show(UUID id) {
        try {
            balance = Formats.money(wallet.balance(id));
            entries = wallet.walletEntries(id, new PageRequest(0, 20)).items().stream().map(LedgerRow::of).toList();
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getBalance() {
        return balance;
    }

    public List<LedgerRow> getEntries() {
        return entries;
    }
}
