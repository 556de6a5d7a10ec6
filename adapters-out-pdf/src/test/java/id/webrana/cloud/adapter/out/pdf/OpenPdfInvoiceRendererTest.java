package id.webrana.cloud.adapter.out.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.offset;

import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer.InvoiceDocument;
import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer.Line;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renders sample invoices and reads the PDFs back with PDFBox. */
class OpenPdfInvoiceRendererTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T03:15:00Z");
    private static final Instant DUE = Instant.parse("2026-11-24T03:15:00Z");
    private static final Instant PAID = Instant.parse("2026-11-23T03:20:00Z");

    private final OpenPdfInvoiceRenderer renderer = new OpenPdfInvoiceRenderer();

    @Test
    void an_unpaid_invoice_without_tax_shows_parties_dates_lines_and_total() {
        byte[] pdf = renderer.render(unpaidWithoutTax());
        Pdf read = Pdf.read(pdf);

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(read.pages()).hasSize(1);
        assertThat(read.text())
                .contains("FAKTUR", "INVOICE", "INV/2026/11/000042", "BELUM DIBAYAR")
                .contains("PT WeBrana Cloud Indonesia", "Jl. Jend. Sudirman Kav. 52, Jakarta Selatan",
                        "NPWP 01.234.567.8-901.000")
                .contains("DITAGIHKAN KEPADA", "Budi Santoso", "budi@example.com", "+62 812 3456 7890")
                .contains("Deskripsi", "Harga", "Jumlah", "Subtotal")
                .contains("Biaya setup", "Diskon pelanggan baru")
                .contains("CATATAN", "Bayar sebelum jatuh tempo agar VPS tetap aktif.")
                .contains("Halaman 1 dari 1")
                .doesNotContain("Tanggal bayar", "PPN", "Metode pembayaran", "Referensi pembayaran", "LUNAS");
        assertThat(read.lines())
                .anyMatch(line -> line.contains("Nomor faktur INV/2026/11/000042"))
                .anyMatch(line -> line.contains("Tanggal terbit 23 November 2026 10:15 WIB"))
                .anyMatch(line -> line.contains("Jatuh tempo 24 November 2026 10:15 WIB"))
                .anyMatch(line -> line.contains("VPS Basic 2 vCPU / 4 GB (1 bulan) Rp 1.500.000 1 Rp 1.500.000"))
                .anyMatch(line -> line.contains("Biaya setup Rp 25.000 2 Rp 50.000"))
                .anyMatch(line -> line.contains("Diskon pelanggan baru -Rp 9.000 1 -Rp 9.000"))
                .anyMatch(line -> line.equals("Subtotal Rp 1.541.000"))
                .anyMatch(line -> line.equals("Total Rp 1.541.000"));
    }

    @Test
    void a_paid_invoice_with_tax_shows_the_tax_line_payment_date_method_and_reference() {
        Pdf read = Pdf.read(renderer.render(paidWithTax()));

        assertThat(read.text()).contains("LUNAS").doesNotContain("BELUM DIBAYAR");
        assertThat(read.lines())
                .anyMatch(line -> line.contains("Tanggal terbit 23 November 2026 10:15 WIB"))
                .anyMatch(line -> line.contains("Tanggal bayar 23 November 2026 10:20 WIB"))
                .anyMatch(line -> line.equals("Subtotal Rp 1.500.000"))
                .anyMatch(line -> line.equals("PPN 11% Rp 165.000"))
                .anyMatch(line -> line.equals("Total Rp 1.665.000"))
                .anyMatch(line -> line.equals("Metode pembayaran BRI Virtual Account"))
                .anyMatch(line -> line.equals("Referensi pembayaran TRX-20261123-7F3A9C"));
        assertThat(read.text()).contains("PEMBAYARAN");
    }

    @Test
    void a_tax_line_with_zero_amount_is_still_shown_when_the_invoice_has_a_tax_label() {
        InvoiceDocument base = unpaidWithoutTax();
        InvoiceDocument zeroRated = copy(base, "UNPAID", "PPN 0%", 0, base.total(), null, null, null);

        assertThat(Pdf.read(renderer.render(zeroRated)).lines()).contains("PPN 0% Rp 0");
    }

    @Test
    void many_lines_continue_on_a_second_page_with_the_table_header_repeated() {
        List<Line> lines = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> new Line("Layanan nomor " + i, 100_000L, 1, 100_000L))
                .collect(Collectors.toList());
        InvoiceDocument invoice = new InvoiceDocument("INV/2026/11/000099", "UNPAID", "PT WeBrana Cloud Indonesia",
                List.of("Jakarta"), "Budi Santoso", "budi@example.com", null, ISSUED, DUE, null, lines,
                6_000_000L, null, 0, 6_000_000L, null, null, null);

        Pdf read = Pdf.read(renderer.render(invoice));

        assertThat(read.pages()).hasSizeGreaterThanOrEqualTo(2);
        int last = read.pages().size();
        String secondPage = read.pages().get(1);
        assertThat(secondPage).contains("Deskripsi", "Harga", "Jumlah", "Subtotal")
                .contains("Halaman 2 dari " + last);
        assertThat(read.pages().get(0)).contains("Halaman 1 dari " + last, "Layanan nomor 1 ");
        for (int i = 1; i <= 60; i++) {
            assertThat(read.lines()).as("line %d", i).contains("Layanan nomor " + i + " Rp 100.000 1 Rp 100.000");
        }
        assertThat(read.pages().get(last - 1)).contains("Total Rp 6.000.000");
    }

    @Test
    void a_long_description_wraps_inside_its_cell_instead_of_being_cut() {
        String description = IntStream.rangeClosed(1, 45)
                .mapToObj(i -> String.format("kata%02d", i))
                .collect(Collectors.joining(" "));
        InvoiceDocument invoice = new InvoiceDocument("INV/2026/11/000100", "UNPAID", "PT WeBrana Cloud Indonesia",
                List.of(), "Budi Santoso", "budi@example.com", null, ISSUED, DUE, null,
                List.of(new Line(description, 250_000L, 1, 250_000L)), 250_000L, null, 0, 250_000L, null, null,
                null);

        Pdf read = Pdf.read(renderer.render(invoice));

        List<String> words = Arrays.asList(read.text().split("\\s+"));
        for (int i = 1; i <= 45; i++) {
            assertThat(words).contains(String.format("kata%02d", i));
        }
        int firstLine = read.lineIndexOf("kata01");
        int lastLine = read.lineIndexOf("kata45");
        assertThat(lastLine).as("the description continues on a later line").isGreaterThan(firstLine);
        assertThat(read.lines().get(firstLine)).contains("Rp 250.000 1 Rp 250.000");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "UNPAID, BELUM DIBAYAR", "PAID, LUNAS", "EXPIRED, KEDALUWARSA", "FAILED, GAGAL", "REFUNDED, DIKEMBALIKAN",
    })
    void the_status_is_shown_in_indonesian(String status, String label) {
        InvoiceDocument invoice = copy(unpaidWithoutTax(), status, null, 0, 1_541_000L, null, null, null);

        assertThat(Pdf.read(renderer.render(invoice)).lines()).anyMatch(line -> line.endsWith(label));
    }

    @Test
    void text_outside_latin1_is_transliterated_and_latin1_accents_are_kept() {
        InvoiceDocument invoice = new InvoiceDocument("INV/2026/11/000101", "UNPAID",
                "Toko \u201cMaju\u201d \u2014 Jaya", List.of("Caf\u00e9 Jos\u00e9, Bandung"),
                "Nguy\u1ec5n V\u0103n An", "an@example.com", null, ISSUED, DUE, null,
                List.of(new Line("Sewa server \u2013 promo \uD83D\uDE80", 10_000L, 1, 10_000L)), 10_000L, null, 0,
                10_000L, null, null, null);

        String text = Pdf.read(renderer.render(invoice)).text();

        assertThat(text).contains("Toko \"Maju\" - Jaya", "Caf\u00e9 Jos\u00e9, Bandung", "Nguyen Van An",
                "Sewa server - promo ?");
    }

    @Test
    void the_page_is_A4_and_the_metadata_names_the_invoice() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(paidWithTax()))) {
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), offset(1f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), offset(1f));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Faktur INV/2026/11/000043");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("PT WeBrana Cloud Indonesia");
        }
    }

    @Test
    void an_invoice_without_lines_or_optional_fields_still_renders() {
        InvoiceDocument bare = new InvoiceDocument("INV/2026/11/000102", "EXPIRED", "WeBrana", null, "Ani", null,
                null, ISSUED, DUE, null, List.of(), 0, null, 0, 0, "  ", null, "");

        Pdf read = Pdf.read(renderer.render(bare));

        assertThat(read.text()).contains("Tidak ada rincian.", "KEDALUWARSA", "Total Rp 0")
                .doesNotContain("PEMBAYARAN", "CATATAN");
    }

    @Test
    void a_null_invoice_is_rejected() {
        assertThatNullPointerException().isThrownBy(() -> renderer.render(null));
    }

    @Test
    void the_renderer_is_an_application_scoped_bean_with_a_public_no_arg_constructor() throws Exception {
        assertThat(OpenPdfInvoiceRenderer.class).hasAnnotation(ApplicationScoped.class);
        assertThat(OpenPdfInvoiceRenderer.class.getConstructor().newInstance()).isNotNull();
    }

    // ------------------------------------------------------------------ samples

    private static InvoiceDocument unpaidWithoutTax() {
        return new InvoiceDocument("INV/2026/11/000042", "UNPAID", "PT WeBrana Cloud Indonesia",
                List.of("Jl. Jend. Sudirman Kav. 52, Jakarta Selatan", "NPWP 01.234.567.8-901.000"),
                "Budi Santoso", "budi@example.com", "+62 812 3456 7890", ISSUED, DUE, null,
                List.of(new Line("VPS Basic 2 vCPU / 4 GB (1 bulan)", 1_500_000L, 1, 1_500_000L),
                        new Line("Biaya setup", 25_000L, 2, 50_000L),
                        new Line("Diskon pelanggan baru", -9_000L, 1, -9_000L)),
                1_541_000L, null, 0, 1_541_000L, null, null, "Bayar sebelum jatuh tempo agar VPS tetap aktif.");
    }

    private static InvoiceDocument paidWithTax() {
        return new InvoiceDocument("INV/2026/11/000043", "PAID", "PT WeBrana Cloud Indonesia",
                List.of("Jl. Jend. Sudirman Kav. 52, Jakarta Selatan"), "Siti Rahayu", "siti@example.com", null,
                ISSUED, DUE, PAID, List.of(new Line("VPS Pro 4 vCPU / 8 GB (1 bulan)", 1_500_000L, 1, 1_500_000L)),
                1_500_000L, "PPN 11%", 165_000L, 1_665_000L, "BRI Virtual Account", "TRX-20261123-7F3A9C",
                null);
    }

    private static InvoiceDocument copy(InvoiceDocument base, String status, String taxLabel, long taxAmount,
                                        long total, Instant paidAt, String method, String reference) {
        return new InvoiceDocument(base.number(), status, base.sellerName(), base.sellerDetails(), base.buyerName(),
                base.buyerEmail(), base.buyerPhone(), base.issuedAt(), base.dueAt(), paidAt, base.lines(),
                base.subtotal(), taxLabel, taxAmount, total, method, reference, base.note());
    }

    /** The text of a PDF as PDFBox reads it, in reading order (rows of a table come out as one line). */
    private record Pdf(List<String> pages) {

        static Pdf read(byte[] bytes) {
            try (PDDocument document = Loader.loadPDF(bytes)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                List<String> pages = new ArrayList<>();
                for (int page = 1; page <= document.getNumberOfPages(); page++) {
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    pages.add(stripper.getText(document));
                }
                return new Pdf(List.copyOf(pages));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return String.join("\n", pages);
        }

        List<String> lines() {
            return text().lines().map(String::strip).collect(Collectors.toList());
        }

        int lineIndexOf(String word) {
            List<String> lines = lines();
            for (int i = 0; i < lines.size(); i++) {
                if (Arrays.asList(lines.get(i).split("\\s+")).contains(word)) {
                    return i;
                }
            }
            throw new AssertionError(word + " not found in " + lines);
        }
    }
}
