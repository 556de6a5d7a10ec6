package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.AttemptView;
import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.ChannelRow;
import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.InvoiceView;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase.InvoiceDetails;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
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
 * {@code /portal/invoice.xhtml?id=...}: one invoice with its lines and total and, while UNPAID, the payment
 * channels with each one's fee and total, the pay button, and the open transaction (pay code, QR, countdown,
 * checkout link); or paying from the wallet. Opened with {@code returned=1} (Tripay's return URL) it asks the
 * gateway for the status first. While UNPAID the page polls every 3 s, so it turns LUNAS by itself.
 */
@Named
@ViewScoped
public class InvoicePage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(InvoicePage.class.getName());
    /** The client id of the part of the page that shows the invoice and its payment. */
    static final String BODY = "f:invoice-body";

    @Inject
    InvoicesUseCase invoices;
    @Inject
    WalletUseCase wallet;
    @Inject
    CurrentUser me;

    private String id;
    private String returned;
    private UUID invoiceId;
    private boolean missing;
    private InvoiceView invoice;
    private AttemptView attempt;
    private List<ChannelRow> channels = List.of();
    private String channel;
    private String walletBalance;
    private boolean walletCovers;

    /** View action on GET: loads the invoice (after asking the gateway when back from its checkout page). */
    public void load() {
        invoiceId = Inputs.uuid(id).orElse(null);
        if (invoiceId == null) {
            missing = true;
            return;
        }
        try {
            show("1".equals(returned) ? invoices.refreshPaymentStatus(me.id(), invoiceId)
                    : invoices.getInvoice(me.id(), invoiceId));
            if (invoice.isUnpaid()) {
                loadChoices();
            }
        } catch (DomainException e) {
            if (e.code() == ErrorCode.INVOICE_NOT_FOUND || e.code() == ErrorCode.INVOICE_ACCESS_DENIED) {
                missing = true;
            } else {
                Texts.error(e);
            }
        }
    }

    private void loadChoices() {
        Money total = Money.rupiah(invoice.totalRupiah());
        try {
            channels = invoices.paymentChannels().stream().filter(c -> c.accepts(total))
                    .map(c -> InvoiceRows.channel(c, total)).toList();
        } catch (DomainException e) {
            channels = List.of();
            Texts.error(e);
        }
        if (!invoice.isDeposit()) {
            long balance = wallet.balance(me.id()).rupiah();
            walletBalance = Formats.money(balance);
            walletCovers = balance >= invoice.totalRupiah();
        }
        if (channel == null && attempt != null) {
            channel = attempt.methodCode();
        }
    }

    /** Opens (or reopens) a transaction through the chosen channel. */
    public void pay() {
        if (channel == null || channel.isBlank()) {
            Texts.error("invoice.pay.chooseChannel");
            return;
        }
        payWith(channel);
    }

    /** Pays from the wallet balance at once. */
    public void payWithWallet() {
        payWith(PaymentMethod.WALLET);
    }

    private void payWith(String method) {
        try {
            show(invoices.pay(new PayInvoiceCommand(me.id(), invoiceId, method)));
            if (!invoice.isUnpaid()) {
                Texts.info("invoice.paid.message");
            }
        } catch (DomainException e) {
            Texts.error(e);
            reload();
        }
    }

    /**
     * The poll (every 3 s while UNPAID): reads the invoice again; only when its status or open transaction changed is
     * the page body re-rendered (so a channel being chosen is not reset), and polling stops once it is settled.
     */
    public void poll() {
        String before = state();
        reload();
        if (!state().equals(before)) {
            PrimeFaces.current().ajax().update(BODY);
        }
        if (invoice == null || !invoice.isUnpaid()) {
            PrimeFaces.current().executeScript("if (PF('invoicePoll')) { PF('invoicePoll').stop(); }");
        }
    }

    private String state() {
        return (invoice == null ? "" : invoice.status()) + "/" + (attempt == null ? "" : attempt.reference());
    }

    private void reload() {
        if (invoiceId == null) {
            return;
        }
        try {
            show(invoices.getInvoice(me.id(), invoiceId));
        } catch (DomainException e) {
            LOG.log(Level.FINE, "reload", e);
        }
    }

    private void show(InvoiceDetails d) {
        invoice = InvoiceRows.view(d.invoice());
        attempt = d.openAttempt() != null && d.invoice().isUnpaid() ? InvoiceRows.attempt(d.openAttempt()) : null;
        if (!invoice.isUnpaid()) {
            channels = List.of();
        }
    }

    public boolean isUnpaid() {
        return invoice != null && invoice.isUnpaid();
    }

    public boolean isMissing() {
        return missing;
    }

    public InvoiceView getInvoice() {
        return invoice;
    }

    public AttemptView getAttempt() {
        return attempt;
    }

    public List<ChannelRow> getChannels() {
        return channels;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getWalletBalance() {
        return walletBalance;
    }

    public boolean isWalletCovers() {
        return walletCovers;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getReturned() {
        return returned;
    }

    public void setReturned(String returned) {
        this.returned = returned;
    }
}
