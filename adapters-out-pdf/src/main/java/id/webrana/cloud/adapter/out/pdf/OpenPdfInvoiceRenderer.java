package id.webrana.cloud.adapter.out.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders an {@link InvoiceDocument} as an A4 PDF "FAKTUR / INVOICE" in Bahasa Indonesia with OpenPDF.
 *
 * <p>Layout, top to bottom: the seller (name and detail lines) beside the title, invoice number and a coloured
 * status badge ({@code BELUM DIBAYAR}, {@code LUNAS}, ...); the buyer beside the dates (issued, due, paid, in
 * Asia/Jakarta time); the table of lines (Deskripsi, Harga, Jumlah, Subtotal), whose header repeats on every
 * page and whose descriptions wrap; the totals (subtotal, the tax line only when the invoice has a tax label,
 * total); the payment method and reference when known; the note. Every page ends with a footer carrying the
 * invoice number and "Halaman n dari m", stamped in a second pass once the page count is known.
 *
 * <p>Only the non-embedded built-in Helvetica fonts are used (small files, nothing to ship); they cover
 * WinAnsi only, so every text from the invoice goes through {@link Latin1Text} and the amounts and dates are
 * formatted with plain ASCII ({@link Rupiah}, {@link JakartaDateTime}).
 *
 * <p>Stateless and thread-safe: each call builds its own document.
 */
@ApplicationScoped
public class OpenPdfInvoiceRenderer implements InvoiceDocumentRenderer {

    private static final float MARGIN = 42f;
    private static final float FOOTER_SPACE = 30f;

    private static final Color INK = new Color(0x11, 0x18, 0x27);
    private static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    private static final Color RULE = new Color(0xD1, 0xD5, 0xDB);
    private static final Color HEADER_FILL = new Color(0x1F, 0x29, 0x37);
    private static final Color ZEBRA_FILL = new Color(0xF9, 0xFA, 0xFB);

    private static final Font SELLER_NAME = font(15f, Font.BOLD, INK);
    private static final Font TITLE = font(24f, Font.BOLD, INK);
    private static final Font SUBTITLE = font(10f, Font.NORMAL, MUTED);
    private static final Font NUMBER = font(11f, Font.BOLD, INK);
    private static final Font BADGE = font(10f, Font.BOLD, Color.WHITE);
    private static final Font CAPTION = font(7.5f, Font.BOLD, MUTED);
    private static final Font BODY = font(9f, Font.NORMAL, INK);
    private static final Font BODY_BOLD = font(9f, Font.BOLD, INK);
    private static final Font BODY_MUTED = font(9f, Font.NORMAL, MUTED);
    private static final Font BUYER_NAME = font(11f, Font.BOLD, INK);
    private static final Font TABLE_HEAD = font(8.5f, Font.BOLD, Color.WHITE);
    private static final Font TOTAL = font(12f, Font.BOLD, INK);
    private static final Font FOOTER = font(7.5f, Font.NORMAL, MUTED);

    /** CDI needs it; the renderer has no dependencies. */
    public OpenPdfInvoiceRenderer() {
    }

    @Override
    public byte[] render(InvoiceDocument invoice) {
        Objects.requireNonNull(invoice, "invoice");
        String number = Latin1Text.clean(invoice.number());
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + FOOTER_SPACE);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Faktur " + number);
            document.addSubject("Faktur " + number + " untuk " + Latin1Text.clean(invoice.buyerName()));
            document.addAuthor(Latin1Text.clean(invoice.sellerName()));
            document.addCreator("WeBrana Cloud");
            document.setDocumentLanguage("id-ID");
            document.open();
            document.add(header(invoice, number));
            document.add(parties(invoice, number));
            document.add(lines(invoice.lines()));
            document.add(totals(invoice));
            PdfPTable payment = payment(invoice);
            if (payment != null) {
                document.add(payment);
            }
            PdfPTable note = note(invoice.note());
            if (note != null) {
                document.add(note);
            }
            document.close();
            return withFooters(out.toByteArray(), number);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Could not render invoice " + number + " as PDF", e);
        }
    }

    // ------------------------------------------------------------------ blocks

    /** Seller on the left; FAKTUR / INVOICE, the number and the status badge on the right. */
    private static PdfPTable header(InvoiceDocument invoice, String number) {
        PdfPTable table = table(new float[] {58f, 42f});

        PdfPCell seller = blank();
        seller.addElement(paragraph(invoice.sellerName(), SELLER_NAME));
        for (String line : invoice.sellerDetails()) {
            Paragraph detail = paragraph(line, BODY_MUTED);
            detail.setLeading(11.5f);
            seller.addElement(detail);
        }
        ruleBelow(seller);
        table.addCell(seller);

        PdfPCell title = blank();
        title.addElement(paragraph("FAKTUR", TITLE, Element.ALIGN_RIGHT));
        Paragraph subtitle = paragraph("INVOICE", SUBTITLE, Element.ALIGN_RIGHT);
        subtitle.setSpacingAfter(4f);
        title.addElement(subtitle);
        title.addElement(paragraph(number, NUMBER, Element.ALIGN_RIGHT));
        title.addElement(statusBadge(invoice.status()));
        ruleBelow(title);
        table.addCell(title);
        return table;
    }

    /** A filled, right-aligned label such as LUNAS, as wide as its text. */
    private static PdfPTable statusBadge(String status) {
        String label = StatusBadge.labelOf(status);
        BaseFont base = BADGE.getCalculatedBaseFont(false);
        float padding = 7f;
        PdfPTable badge = new PdfPTable(1);
        badge.setTotalWidth(base.getWidthPoint(label, BADGE.getSize()) + 2 * padding + 2f);
        badge.setLockedWidth(true);
        badge.setHorizontalAlignment(Element.ALIGN_RIGHT);
        badge.setSpacingBefore(6f);
        PdfPCell cell = new PdfPCell(new Phrase(label, BADGE));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setBackgroundColor(StatusBadge.colorOf(status));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setPadding(padding);
        cell.setPaddingTop(4f);
        cell.setPaddingBottom(5f);
        cell.setUseAscender(true);
        badge.addCell(cell);
        return badge;
    }

    /** The buyer on the left; number and dates on the right. */
    private static PdfPTable parties(InvoiceDocument invoice, String number) {
        PdfPTable table = table(new float[] {52f, 48f});
        table.setSpacingBefore(14f);

        PdfPCell buyer = blank();
        buyer.addElement(paragraph("DITAGIHKAN KEPADA", CAPTION));
        Paragraph name = paragraph(invoice.buyerName(), BUYER_NAME);
        name.setSpacingBefore(2f);
        buyer.addElement(name);
        if (present(invoice.buyerEmail())) {
            buyer.addElement(paragraph(invoice.buyerEmail(), BODY));
        }
        if (present(invoice.buyerPhone())) {
            buyer.addElement(paragraph(invoice.buyerPhone(), BODY));
        }
        table.addCell(buyer);

        PdfPTable facts = table(new float[] {38f, 62f});
        fact(facts, "Nomor faktur", number);
        fact(facts, "Tanggal terbit", date(invoice.issuedAt()));
        fact(facts, "Jatuh tempo", date(invoice.dueAt()));
        if (invoice.paidAt() != null) {
            fact(facts, "Tanggal bayar", date(invoice.paidAt()));
        }
        PdfPCell right = blank();
        right.addElement(facts);
        table.addCell(right);
        return table;
    }

    private static void fact(PdfPTable facts, String label, String value) {
        PdfPCell key = blank();
        key.setPhrase(new Phrase(label, BODY_MUTED));
        key.setPaddingBottom(3f);
        facts.addCell(key);
        PdfPCell val = blank();
        val.setPhrase(new Phrase(Latin1Text.clean(value), BODY_BOLD));
        val.setHorizontalAlignment(Element.ALIGN_RIGHT);
        val.setPaddingBottom(3f);
        facts.addCell(val);
    }

    /** The lines; the header row repeats on every page and long descriptions wrap inside their cell. */
    private static PdfPTable lines(List<Line> lines) {
        PdfPTable table = table(new float[] {49f, 20f, 10f, 21f});
        table.setSpacingBefore(18f);
        table.setHeaderRows(1);
        table.addCell(head("Deskripsi", Element.ALIGN_LEFT));
        table.addCell(head("Harga", Element.ALIGN_RIGHT));
        table.addCell(head("Jumlah", Element.ALIGN_CENTER));
        table.addCell(head("Subtotal", Element.ALIGN_RIGHT));
        if (lines.isEmpty()) {
            PdfPCell none = body("Tidak ada rincian.", BODY_MUTED, Element.ALIGN_LEFT, false);
            none.setColspan(4);
            table.addCell(none);
            return table;
        }
        boolean zebra = false;
        for (Line line : lines) {
            table.addCell(body(line.description(), BODY, Element.ALIGN_LEFT, zebra));
            table.addCell(body(Rupiah.format(line.unitPrice()), BODY, Element.ALIGN_RIGHT, zebra));
            table.addCell(body(Rupiah.groupThousands(line.quantity()), BODY, Element.ALIGN_CENTER, zebra));
            table.addCell(body(Rupiah.format(line.amount()), BODY_BOLD, Element.ALIGN_RIGHT, zebra));
            zebra = !zebra;
        }
        return table;
    }

    private static PdfPCell head(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, TABLE_HEAD));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setBackgroundColor(HEADER_FILL);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(6f);
        cell.setUseAscender(true);
        return cell;
    }

    private static PdfPCell body(String text, Font font, int alignment, boolean zebra) {
        PdfPCell cell = new PdfPCell(new Phrase(Latin1Text.clean(text), font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setLeading(0f, 1.3f);
        cell.setPadding(6f);
        cell.setUseAscender(true);
        if (zebra) {
            cell.setBackgroundColor(ZEBRA_FILL);
        }
        return cell;
    }

    /** Subtotal, the tax line (only when the invoice has a tax label) and the total, right-aligned. */
    private static PdfPTable totals(InvoiceDocument invoice) {
        PdfPTable table = new PdfPTable(new float[] {55f, 45f});
        table.setWidthPercentage(48f);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(10f);
        table.setKeepTogether(true);
        sum(table, "Subtotal", Rupiah.format(invoice.subtotal()), BODY_MUTED, BODY, false);
        if (invoice.taxLabel() != null) {
            sum(table, invoice.taxLabel(), Rupiah.format(invoice.taxAmount()), BODY_MUTED, BODY, false);
        }
        sum(table, "Total", Rupiah.format(invoice.total()), TOTAL, TOTAL, true);
        return table;
    }

    private static void sum(PdfPTable table, String label, String amount, Font labelFont, Font amountFont,
                            boolean grand) {
        PdfPCell key = blank();
        key.setPhrase(new Phrase(Latin1Text.clean(label), labelFont));
        PdfPCell value = blank();
        value.setPhrase(new Phrase(amount, amountFont));
        value.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (PdfPCell cell : List.of(key, value)) {
            cell.setPaddingTop(grand ? 7f : 3f);
            cell.setPaddingBottom(grand ? 2f : 3f);
            if (grand) {
                cell.setBorder(Rectangle.TOP);
                cell.setBorderColor(INK);
                cell.setBorderWidth(1f);
            }
            table.addCell(cell);
        }
    }

    /** Payment method and reference, or null when neither is known. */
    private static PdfPTable payment(InvoiceDocument invoice) {
        List<String[]> rows = new ArrayList<>();
        if (present(invoice.paymentMethod())) {
            rows.add(new String[] {"Metode pembayaran", invoice.paymentMethod()});
        }
        if (present(invoice.paymentReference())) {
            rows.add(new String[] {"Referensi pembayaran", invoice.paymentReference()});
        }
        if (rows.isEmpty()) {
            return null;
        }
        PdfPTable table = table(new float[] {28f, 72f});
        table.setSpacingBefore(18f);
        table.setKeepTogether(true);
        PdfPCell caption = blank();
        caption.setPhrase(new Phrase("PEMBAYARAN", CAPTION));
        caption.setColspan(2);
        caption.setPaddingBottom(4f);
        table.addCell(caption);
        for (String[] row : rows) {
            PdfPCell key = blank();
            key.setPhrase(new Phrase(row[0], BODY_MUTED));
            key.setPaddingBottom(3f);
            table.addCell(key);
            PdfPCell value = blank();
            value.setPhrase(new Phrase(Latin1Text.clean(row[1]), BODY_BOLD));
            value.setPaddingBottom(3f);
            table.addCell(value);
        }
        return table;
    }

    /** The note under a caption, or null when there is none. */
    private static PdfPTable note(String note) {
        if (!present(note)) {
            return null;
        }
        PdfPTable table = table(new float[] {100f});
        table.setSpacingBefore(16f);
        PdfPCell cell = blank();
        cell.setBorder(Rectangle.LEFT);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(2f);
        cell.setPaddingLeft(8f);
        cell.addElement(paragraph("CATATAN", CAPTION));
        Paragraph text = paragraph(note, BODY);
        text.setLeading(12f);
        cell.addElement(text);
        table.addCell(cell);
        return table;
    }

    // ------------------------------------------------------------------ helpers

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100f);
        return table;
    }

    private static PdfPCell blank() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0f);
        return cell;
    }

    private static void ruleBelow(PdfPCell cell) {
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.75f);
        cell.setPaddingBottom(12f);
    }

    private static Paragraph paragraph(String text, Font font) {
        return paragraph(text, font, Element.ALIGN_LEFT);
    }

    private static Paragraph paragraph(String text, Font font, int alignment) {
        Paragraph paragraph = new Paragraph(Latin1Text.clean(text), font);
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String date(Instant instant) {
        return instant == null ? "-" : JakartaDateTime.format(instant);
    }

    private static Font font(float size, int style, Color color) {
        return new Font(Font.HELVETICA, size, style, color);
    }

    /**
     * Second pass: stamps the footer on every page, now that the page count is known: a rule, the invoice
     * number on the left, "Halaman n dari m" flush right, and under them a line saying the document is
     * electronic and valid without a signature.
     */
    private static byte[] withFooters(byte[] body, String number) throws IOException {
        PdfReader reader = new PdfReader(body);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4 * 1024);
            PdfStamper stamper = new PdfStamper(reader, out);
            int pages = reader.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                Rectangle size = reader.getPageSize(page);
                float left = size.getLeft() + MARGIN;
                float right = size.getRight() - MARGIN;
                float ruleY = size.getBottom() + MARGIN + FOOTER_SPACE - 12f;
                float textY = ruleY - 11f;
                PdfContentByte canvas = stamper.getOverContent(page);

                canvas.saveState();
                canvas.setColorStroke(RULE);
                canvas.setLineWidth(0.5f);
                canvas.moveTo(left, ruleY);
                canvas.lineTo(right, ruleY);
                canvas.stroke();
                canvas.restoreState();

                ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase("Faktur " + number, FOOTER),
                        left, textY, 0f);
                ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                        new Phrase("Halaman " + page + " dari " + pages, FOOTER), right, textY, 0f);
                ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
                        new Phrase("Dokumen ini diterbitkan secara elektronik dan sah tanpa tanda tangan.", FOOTER),
                        (left + right) / 2f, textY - 10f, 0f);
            }
            stamper.close();
            return out.toByteArray();
        } finally {
            reader.close();
        }
    }
}
