package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One line of an invoice, in the order printed ({@code position} from 0); rows are only ever inserted. */
@Entity
@Table(name = "invoice_lines")
public class InvoiceLineEntity {
    @Id
    public UUID id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "position", nullable = false)
    public int lineNo;
    @Column(nullable = false)
    public String description;
    /** Whole rupiah, negative for a discount. */
    @Column(name = "unit_price", nullable = false)
    public long unitPrice;
    @Column(nullable = false)
    public int quantity;
}
