package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores invoices and hands out their gap-free numbers. */
public interface InvoiceRepository {

    /**
     * The next number of a month's sequence (1, 2, 3, ...), taken inside the running transaction:
     * if the transaction rolls back the number is not used, so the numbers have no gaps. Callers in
     * the same month wait for each other until commit.
     *
     * @param period {@code yyyy-mm}
     */
    long nextSequence(String period);

    /** Inserts or updates; refuses a stale version with CONCURRENT_MODIFICATION. */
    void save(Invoice invoice);

    Optional<Invoice> findById(UUID id);

    /** Finds and locks the invoice until the transaction ends (payments on one invoice queue up). */
    Optional<Invoice> findByIdForUpdate(UUID id);

    /** The newest invoice of this purpose for a subject (an order's invoice), if any. */
    Optional<Invoice> findLatestFor(InvoicePurpose purpose, UUID subjectId);

    /** A user's invoices, newest first. */
    Page<Invoice> findByUser(UUID userId, PageRequest page);

    /** Admin filters; every field optional. {@code text} matches the number or the buyer's email. */
    Page<Invoice> search(InvoiceSearch criteria, PageRequest page);

    /** UNPAID invoices of the given purposes past their due time, oldest first, locked, skipping locked rows. */
    List<Invoice> claimOverdue(List<InvoicePurpose> purposes, Instant now, int limit);
}
