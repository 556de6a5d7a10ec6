/**
 * Invoice documents as PDF, for the {@link id.webrana.cloud.application.port.out.InvoiceDocumentRenderer} port.
 *
 * <ul>
 *   <li>{@link id.webrana.cloud.adapter.out.pdf.OpenPdfInvoiceRenderer}: the CDI bean, an A4 "FAKTUR / INVOICE"
 *       in Bahasa Indonesia drawn with OpenPDF and the built-in Helvetica fonts.</li>
 *   <li>{@link id.webrana.cloud.adapter.out.pdf.Rupiah}: {@code Rp 1.500.000}-style amounts.</li>
 *   <li>{@link id.webrana.cloud.adapter.out.pdf.JakartaDateTime}: {@code 23 November 2026 10:15 WIB}-style
 *       dates in Asia/Jakarta.</li>
 * </ul>
 */
package id.webrana.cloud.adapter.out.pdf;
