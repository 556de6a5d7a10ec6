package id.webrana.cloud.adapter.in.rest.dto;

import id.webrana.cloud.application.port.in.InvoicesUseCase.InvoiceDetails;
import id.webrana.cloud.domain.billing.CallbackRecord;
import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of billing: invoices, payment instructions, channels, wallet, transactions. Money in whole rupiah. */
public final class BillingViews {

    private BillingViews() {
    }

    public record InvoiceLineView(String description, long unitPrice, int quantity, long amount) {
        static InvoiceLineView of(InvoiceLine l) {
            return new InvoiceLineView(l.description(), l.unitPrice(), l.quantity(), l.amount());
        }
    }

    public record InvoiceSummaryView(UUID id, String number, String purpose, UUID orderId, String status, long total,
                                     Instant issuedAt, Instant dueAt, Instant paidAt) {
        public static InvoiceSummaryView of(Invoice i) {
            return new InvoiceSummaryView(i.id(), i.number(), i.purpose().name(),
                    i.purpose() == InvoicePurpose.ORDER ? i.subjectId() : null,
                    i.status().name(), i.total().rupiah(), i.issuedAt(), i.dueAt(), i.paidAt());
        }
    }

    public record PaymentInstructionsView(String reference, String merchantRef, String method, String methodName,
                                          long amount, long fee, long totalAmount, String payCode, String payUrl,
                                          String checkoutUrl, String qrString, String qrUrl, String status,
                                          Instant expiresAt, List<InstructionView> instructions) {
        public static PaymentInstructionsView of(PaymentAttempt a) {
            return new PaymentInstructionsView(a.isOpenedAtGateway() ? a.reference() : null, a.merchantRef(),
                    a.methodCode(), a.methodName(), rupiah(a.amount()), rupiah(a.customerFee()),
                    rupiah(a.totalAmount()), a.payCode(), a.payUrl(), a.checkoutUrl(), a.qrString(), a.qrUrl(),
                    a.status(), a.expiresAt(), a.instructions().stream()
                    .map(i -> new InstructionView(i.title(), i.steps())).toList());
        }
    }

    public record InstructionView(String title, List<String> steps) {
    }

    public record PaymentView(UUID id, String gateway, String reference, UUID invoiceId, UUID userId, String method,
                              String methodName, long amount, long totalPaid, Instant paidAt, Instant recordedAt,
                              String outcome) {
        public static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.gateway(), p.reference(), p.invoiceId(), p.userId(), p.methodCode(),
                    p.methodName(), p.amount().rupiah(), rupiah(p.totalPaid()), p.paidAt(), p.recordedAt(),
                    p.outcome().name());
        }
    }

    /**
     * @param payment the open gateway transaction to pay now (pay code, QR, checkout URL), if any
     */
    public record InvoiceView(UUID id, String number, String purpose, UUID orderId, String status,
                              String statusReason, String buyerName, String buyerEmail, List<InvoiceLineView> lines,
                              long subtotal, int taxBasisPoints, long tax, long total, Instant issuedAt, Instant dueAt,
                              Instant paidAt, String paymentMethod, String paymentReference,
                              PaymentInstructionsView payment, List<PaymentInstructionsView> attempts,
                              List<PaymentView> payments, String pdfUrl) {
        public static InvoiceView of(InvoiceDetails d) {
            Invoice i = d.invoice();
            return new InvoiceView(i.id(), i.number(), i.purpose().name(),
                    i.purpose() == InvoicePurpose.ORDER ? i.subjectId() : null,
                    i.status().name(), i.statusReason(), i.buyer().name(), i.buyer().email(),
                    i.lines().stream().map(InvoiceLineView::of).toList(), i.subtotal(), i.taxBasisPoints(),
                    i.tax().rupiah(), i.total().rupiah(), i.issuedAt(), i.dueAt(), i.paidAt(),
                    i.paymentMethod() == null ? null : i.paymentMethod().name(),
                    i.paymentMethod() == null ? null : i.paymentMethod().reference(),
                    d.openAttempt() == null ? null : PaymentInstructionsView.of(d.openAttempt()),
                    d.attempts().stream().map(PaymentInstructionsView::of).toList(),
                    d.payments().stream().map(PaymentView::of).toList(),
                    "/api/v1/billing/invoices/" + i.id() + "/pdf");
        }
    }

    public record ChannelView(String code, String name, String group, boolean redirect, long feeFlat,
                              BigDecimal feePercent, Long minimumAmount, Long maximumAmount, String iconUrl,
                              Long fee, Long totalWithFee) {
        public static ChannelView of(PaymentChannel c, Long amount) {
            Long fee = amount == null ? null : c.customerFee(Money.rupiah(amount)).rupiah();
            return new ChannelView(c.code(), c.name(), c.group(), c.redirect(), c.feeFlat().rupiah(), c.feePercent(),
                    c.minimumAmount() == null ? null : c.minimumAmount().rupiah(),
                    c.maximumAmount() == null ? null : c.maximumAmount().rupiah(), c.iconUrl(), fee,
                    fee == null ? null : amount + fee);
        }
    }

    public record WalletView(UUID userId, long balance, String currency) {
    }

    public record WalletEntryView(UUID id, long amount, String type, String reference, String description,
                                  String actorType, String actorId, Instant createdAt, long balanceAfter) {
        public static WalletEntryView of(WalletEntry e) {
            return new WalletEntryView(e.id(), e.amount(), e.type().name(), e.reference(), e.description(),
                    e.actor().type().name(), e.actor().id(), e.createdAt(), e.balanceAfter());
        }
    }

    public record CallbackView(UUID id, String gateway, Instant receivedAt, String reference, String merchantRef,
                               String status, String outcome, String detail) {
        public static CallbackView of(CallbackRecord r) {
            return new CallbackView(r.id(), r.gateway(), r.receivedAt(), r.reference(), r.merchantRef(), r.status(),
                    r.outcome(), r.detail());
        }
    }

    /** Body of POST /api/v1/billing/invoices: an order's invoice, or a top-up. */
    public record CreateInvoiceRequest(String orderId, Long depositAmount) {
    }

    /** Body of POST /api/v1/billing/invoices/{id}/pay: a channel code or WALLET. */
    public record PayRequest(String method) {
    }

    /** Body of POST /api/v1/wallet/deposits. */
    public record DepositRequest(Long amount) {
    }

    /** Body of POST /internal/wallets/{userId}/adjustments: signed rupiah and a mandatory reason. */
    public record AdjustmentRequest(Long amount, String reason) {
    }

    private static long rupiah(Money m) {
        return m == null ? 0 : m.rupiah();
    }
}
