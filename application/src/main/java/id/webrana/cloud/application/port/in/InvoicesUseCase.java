package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.List;
import java.util.UUID;

/**
 * A customer's invoices: raising them (an order's invoice, a wallet top-up), reading them, paying
 * them through a gateway channel or from the wallet, and their PDF. Every call is for the invoice's
 * owner; another user's invoice is INVOICE_ACCESS_DENIED.
 */
public interface InvoicesUseCase {

    /** The order's invoice (the one issued with the order), or a top-up invoice for {@code depositAmount}. */
    Invoice createInvoice(CreateInvoiceCommand command);

    Page<Invoice> listInvoices(UUID userId, PageRequest page);

    InvoiceDetails getInvoice(UUID userId, UUID invoiceId);

    /**
     * Pays with a channel code from {@link #paymentChannels()} (opens a gateway transaction, or returns
     * the open one for the same channel) or with {@code WALLET} (settles at once, or INSUFFICIENT_BALANCE).
     */
    InvoiceDetails pay(PayInvoiceCommand command);

    /** Asks the gateway about the invoice's open transactions now (the customer came back from checkout). */
    InvoiceDetails refreshPaymentStatus(UUID userId, UUID invoiceId);

    byte[] invoicePdf(UUID userId, UUID invoiceId);

    /** The money the user paid (gateway and wallet payments), newest first. */
    Page<id.webrana.cloud.domain.billing.Payment> paymentHistory(UUID userId, PageRequest page);

    /** The gateway's active channels with the customer's fee (cached by the gateway adapter). */
    List<PaymentChannel> paymentChannels();

    /** @param orderId the order to pay, or null for a top-up of {@code depositAmount} rupiah */
    record CreateInvoiceCommand(UUID userId, UUID orderId, Long depositAmount) {
    }

    /** @param method a channel code such as {@code BRIVA} or {@code QRIS}, or {@code WALLET} */
    record PayInvoiceCommand(UUID userId, UUID invoiceId, String method) {
    }

    /**
     * An invoice with its gateway transactions (newest first) and the money received for it.
     *
     * @param openAttempt the transaction the customer should pay now, if one is open
     */
    record InvoiceDetails(Invoice invoice, List<PaymentAttempt> attempts, PaymentAttempt openAttempt,
                          List<id.webrana.cloud.domain.billing.Payment> payments) {
    }
}
