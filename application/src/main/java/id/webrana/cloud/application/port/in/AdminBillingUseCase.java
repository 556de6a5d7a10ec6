package id.webrana.cloud.application.port.in;

import id.webrana.cloud.application.port.in.InvoicesUseCase.InvoiceDetails;
import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.domain.billing.CallbackRecord;
import id.webrana.cloud.domain.billing.PaymentSearch;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.UUID;

/** Operators' view of billing: every invoice, payment and gateway callback. */
public interface AdminBillingUseCase {

    Page<Payment> searchPayments(PaymentSearch criteria, PageRequest page);

    Page<Invoice> searchInvoices(InvoiceSearch criteria, PageRequest page);

    Page<CallbackRecord> searchCallbacks(String outcome, String reference, PageRequest page);

    InvoiceDetails invoice(UUID invoiceId);

    byte[] invoicePdf(UUID invoiceId);
}
