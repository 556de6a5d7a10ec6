package id.webrana.cloud.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Renders an invoice as a printable document (PDF). Everything the document shows is in the
 * {@link InvoiceDocument}: the renderer formats (rupiah, Asia/Jakarta dates, Bahasa Indonesia
 * labels) but decides nothing.
 */
public interface InvoiceDocumentRenderer {

    /** The document's bytes, e.g. {@code %PDF-...}. */
    byte[] render(InvoiceDocument invoice);

    /**
     * @param number         e.g. {@code INV/2026/11/000042}
     * @param status         UNPAID, PAID, EXPIRED, FAILED or REFUNDED
     * @param seller         the seller's name, address lines, tax id etc. in display order
     * @param buyerName      the customer's name
     * @param buyerEmail     the customer's email
     * @param buyerPhone     or null
     * @param lines          the lines; discounts have a negative amount
     * @param subtotal       sum of the lines, whole rupiah
     * @param taxLabel       e.g. "PPN 11%", or null when no tax is charged
     * @param taxAmount      0 when no tax is charged
     * @param total          what is due
     * @param paymentMethod  e.g. "BRI Virtual Account" or "Saldo dompet", or null while unpaid
     * @param paymentReference the gateway's reference, or null
     */
    record InvoiceDocument(String number, String status, String sellerName, List<String> sellerDetails,
                           String buyerName, String buyerEmail, String buyerPhone, Instant issuedAt, Instant dueAt,
                           Instant paidAt, List<Line> lines, long subtotal, String taxLabel, long taxAmount, long total,
                           String paymentMethod, String paymentReference, String note) {
        public InvoiceDocument {
            sellerDetails = sellerDetails == null ? List.of() : List.copyOf(sellerDetails);
            lines = List.copyOf(lines);
        }
    }

    /** One line: {@code amount = unitPrice * quantity} (negative for a discount). */
    record Line(String description, long unitPrice, int quantity, long amount) {
    }
}
