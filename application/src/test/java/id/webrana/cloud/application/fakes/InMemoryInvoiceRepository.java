package id.webrana.cloud.application.fakes;

import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Invoices and the monthly number sequences, rolled back with the fake transactions. */
public final class InMemoryInvoiceRepository implements InvoiceRepository, TransactionalResource {

    private final InMemoryStore<Invoice> table = new InMemoryStore<>("invoice", Invoice::id, Invoice::version,
            InMemoryInvoiceRepository::copy);
    private Map<String, Long> sequences = new HashMap<>();

    static Invoice copy(Invoice i, long version) {
        return new Invoice(i.id(), i.number(), i.userId(), i.purpose(), i.subjectId(), i.buyer(), i.lines(),
                i.taxBasisPoints(), i.tax(), i.total(), i.status(), i.issuedAt(), i.dueAt(), i.paidAt(),
                i.paymentMethod(), i.statusReason(), version);
    }

    @Override
    public long nextSequence(String period) {
        return sequences.merge(period, 1L, Long::sum);
    }

    @Override
    public void save(Invoice invoice) {
        table.save(invoice);
    }

    @Override
    public Optional<Invoice> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public Optional<Invoice> findByIdForUpdate(UUID id) {
        return table.find(id);
    }

    @Override
    public Optional<Invoice> findLatestFor(InvoicePurpose purpose, UUID subjectId) {
        return table.all().filter(i -> i.purpose() == purpose && subjectId.equals(i.subjectId()))
                .max(Comparator.comparing(Invoice::issuedAt));
    }

    @Override
    public Page<Invoice> findByUser(UUID userId, PageRequest page) {
        return page(i -> i.userId().equals(userId), page);
    }

    @Override
    public Page<Invoice> search(InvoiceSearch c, PageRequest page) {
        return page(i -> (c.status() == null || i.status() == c.status())
                && (c.purpose() == null || i.purpose() == c.purpose())
                && (c.userId() == null || i.userId().equals(c.userId()))
                && (c.issuedFrom() == null || !i.issuedAt().isBefore(c.issuedFrom()))
                && (c.issuedTo() == null || i.issuedAt().isBefore(c.issuedTo()))
                && (c.text() == null || i.number().toLowerCase(Locale.ROOT).contains(c.text().toLowerCase(Locale.ROOT))
                || i.buyer().email().contains(c.text().toLowerCase(Locale.ROOT))), page);
    }

    @Override
    public List<Invoice> claimOverdue(List<InvoicePurpose> purposes, Instant now, int limit) {
        return table.all().filter(i -> i.status() == InvoiceStatus.UNPAID && purposes.contains(i.purpose())
                        && !i.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Invoice::dueAt)).limit(limit).toList();
    }

    private Page<Invoice> page(Predicate<Invoice> where, PageRequest page) {
        List<Invoice> all = table.all().filter(where).sorted(Comparator.comparing(Invoice::issuedAt).reversed()).toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                all.size());
    }

    public Invoice get(UUID id) {
        return findById(id).orElseThrow(() -> new AssertionError("no invoice " + id));
    }

    public List<Invoice> all() {
        return table.all().toList();
    }

    @Override
    public Object snapshot() {
        return new Object[]{table.snapshot(), new HashMap<>(sequences)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        Object[] s = (Object[]) snapshot;
        table.restore(s[0]);
        sequences = new HashMap<>((Map<String, Long>) s[1]);
    }
}
