package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.domain.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Invoices, payment attempts and channels as the pages show them: ready-formatted, serializable rows. */
public final class InvoiceRows {

    private InvoiceRows() {
    }

    /** One invoice in a list. */
    public record InvoiceRow(String id, String number, String purpose, String issued, String due, String total,
                             String status, String statusLabel, String userId) implements Serializable {
    }

    /** One invoice line. */
    public record LineRow(String description, int quantity, String unitPrice, String amount) implements Serializable {
    }

    /** An invoice in full. */
    public record InvoiceView(String id, String number, String purpose, String purposeLabel, String status,
                              String statusLabel, String issued, String due, String paidAt, String paymentMethod,
                              String paymentReference, String buyer, List<LineRow> lines, String subtotal,
                              boolean taxed, String tax, String total, long totalRupiah, String statusReason)
            implements Serializable {

        public boolean isUnpaid() {
            return "UNPAID".equals(status);
        }

        public boolean isDeposit() {
            return "DEPOSIT".equals(purpose);
        }
    }

    /** A gateway transaction to pay now. */
    public record AttemptView(String reference, String methodCode, String methodName, String amount, String fee,
                              String total, String payCode, String payUrl, String checkoutUrl, String qrString,
                              String qrUrl, String status, long expiresAtMillis, String expires,
                              List<InstructionRow> instructions) implements Serializable {

        public boolean hasQrImage() {
            return qrUrl != null && !qrUrl.isBlank();
        }

        public boolean hasQrText() {
            return !hasQrImage() && qrString != null && !qrString.isBlank();
        }
    }

    /** How to pay through one route (ATM, mobile banking...), tags removed from the gateway's steps. */
    public record InstructionRow(String title, List<String> steps) implements Serializable {
    }

    /** A payment channel with what this invoice would cost through it. */
    public record ChannelRow(String code, String name, String group, String fee, String total, String iconUrl)
            implements Serializable {
    }

    public static InvoiceRow row(Invoice i) {
        return new InvoiceRow(i.id().toString(), i.number(), Texts.get("invoice.purpose." + i.purpose().name()),
                Formats.dateTime(i.issuedAt()), Formats.dateTime(i.dueAt()), Formats.money(i.total()),
                i.status().name(), statusLabel(i.status().name()), i.userId().toString());
    }

    public static String statusLabel(String status) {
        return Texts.get("invoice.status." + status);
    }

    public static InvoiceView view(Invoice i) {
        List<LineRow> lines = i.lines().stream().map(InvoiceRows::line).toList();
        var method = i.paymentMethod();
        return new InvoiceView(i.id().toString(), i.number(), i.purpose().name(),
                Texts.get("invoice.purpose." + i.purpose().name()), i.status().name(), statusLabel(i.status().name()),
                Formats.dateTime(i.issuedAt()), Formats.dateTime(i.dueAt()),
                i.paidAt() == null ? null : Formats.dateTime(i.paidAt()),
                method == null ? null : method.name(), method == null ? null : method.reference(),
                i.buyer() == null ? "" : i.buyer().name() + " · " + i.buyer().email(), lines,
                Formats.money(i.subtotal()), i.taxBasisPoints() > 0, Formats.money(i.tax()), Formats.money(i.total()),
                i.total().rupiah(), i.statusReason());
    }

    static LineRow line(InvoiceLine l) {
        return new LineRow(l.description(), l.quantity(), Formats.money(l.unitPrice()), Formats.money(l.amount()));
    }

    public static AttemptView attempt(PaymentAttempt a) {
        Instant expires = a.expiresAt();
        return new AttemptView(a.reference(), a.methodCode(), a.methodName() == null ? a.methodCode() : a.methodName(),
                Formats.money(a.amount()), Formats.money(a.customerFee()), Formats.money(a.totalAmount()),
                blankToNull(a.payCode()), blankToNull(a.payUrl()), blankToNull(a.checkoutUrl()),
                blankToNull(a.qrString()), blankToNull(a.qrUrl()), a.status(),
                expires == null ? 0 : expires.toEpochMilli(), Formats.dateTime(expires),
                a.instructions().stream().map(i -> new InstructionRow(plain(i.title()),
                        i.steps().stream().map(InvoiceRows::plain).toList())).toList());
    }

    /** A channel's fee and total for paying {@code amount} through it. */
    public static ChannelRow channel(PaymentChannel c, Money amount) {
        Money fee = c.customerFee(amount);
        return new ChannelRow(c.code(), c.name(), c.group() == null ? "" : c.group(), Formats.money(fee),
                Formats.money(amount.plus(fee)), c.iconUrl());
    }

    /** Text without HTML tags or entities the gateway may put into instructions. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        return html.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** For status styling: {@code unpaid}, {@code paid}, ... */
    public static String css(String status) {
        return status == null ? "" : "status-" + status.toLowerCase(Locale.ROOT);
    }
}
