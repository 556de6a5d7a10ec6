package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer;

import java.nio.charset.StandardCharsets;

/** Renders the document as text, so tests can read what would be printed. */
public final class FakeInvoiceRenderer implements InvoiceDocumentRenderer {

    public InvoiceDocument last;

    @Override
    public byte[] render(InvoiceDocument invoice) {
        last = invoice;
        return invoice.toString().getBytes(StandardCharsets.UTF_8);
    }
}
