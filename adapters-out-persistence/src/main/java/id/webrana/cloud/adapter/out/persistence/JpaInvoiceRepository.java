package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.adapter.out.persistence.entity.InvoiceEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InvoiceLineEntity;
import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.domain.billing.Buyer;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Invoices, their lines (written once, when the invoice is first saved) and the gap-free monthly
 * numbering ({@code invoice_sequences}: one row per month, incremented in the caller's transaction).
 */
@ApplicationScoped
public class JpaInvoiceRepository implements InvoiceRepository {

    /**
     * Takes the month's next number with an upsert that row-locks the month's counter until the
     * transaction ends: concurrent callers queue up, and a rollback gives the number back.
     */
    @Override
    public long nextSequence(String period) {
        EntityManager em = JpaTransactionRunner.current();
        Object value = em.createNativeQuery("INSERT INTO invoice_sequences (period, last_value) VALUES (?, 1)"
                        + " ON CONFLICT (period) DO UPDATE SET last_value = invoice_sequences.last_value + 1"
                        + " RETURNING last_value")
                .setParameter(1, period).getSingleResult();
        return ((Number) value).longValue();
    }

    @Override
    public void save(Invoice invoice) {
        EntityManager em = JpaTransactionRunner.current();
        InvoiceEntity e = em.find(InvoiceEntity.class, invoice.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new InvoiceEntity();
            e.id = invoice.id();
        } else {
            Versions.requireCurrent(e.version, invoice.version(), "Invoice " + invoice.number());
        }
        e.number = invoice.number();
        e.userId = invoice.userId();
        e.purpose = invoice.purpose().name();
        e.subjectId = invoice.subjectId();
        e.buyerName = invoice.buyer().name();
        e.buyerEmail = invoice.buyer().email();
        e.buyerPhone = invoice.buyer().phone();
        e.taxBasisPoints = invoice.taxBasisPoints();
        e.tax = invoice.tax().rupiah();
        e.total = invoice.total().rupiah();
        e.status = invoice.status().name();
        e.statusReason = invoice.statusReason();
        e.issuedAt = invoice.issuedAt();
        e.dueAt = invoice.dueAt();
        e.paidAt = invoice.paidAt();
        PaymentMethod m = invoice.paymentMethod();
        e.paymentGateway = m == null ? null : m.gateway();
        e.paymentCode = m == null ? null : m.code();
        e.paymentName = m == null ? null : m.name();
        e.paymentReference = m == null ? null : m.reference();
        if (isNew) {
            em.persist(e);
            List<InvoiceLine> lines = invoice.lines();
            for (int position = 0; position < lines.size(); position++) {
                InvoiceLine line = lines.get(position);
                InvoiceLineEntity l = new InvoiceLineEntity();
                l.id = UUID.randomUUID();
                l.invoiceId = invoice.id();
                l.lineNo = position;
                l.description = line.description();
                l.unitPrice = line.unitPrice();
                l.quantity = line.quantity();
                em.persist(l);
            }
        }
    }

    @Override
    public Optional<Invoice> findById(UUID id) {
        EntityManager em = JpaTransactionRunner.current();
        return Optional.ofNullable(em.find(InvoiceEntity.class, id)).map(e -> toDomain(em, e));
    }

    @Override
    public Optional<Invoice> findByIdForUpdate(UUID id) {
        EntityManager em = JpaTransactionRunner.current();
        return Optional.ofNullable(em.find(InvoiceEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(e -> toDomain(em, e));
    }

    @Override
    public Optional<Invoice> findLatestFor(InvoicePurpose purpose, UUID subjectId) {
        EntityManager em = JpaTransactionRunner.current();
        return em.createQuery("SELECT i FROM InvoiceEntity i WHERE i.purpose = :p AND i.subjectId = :s"
                        + " ORDER BY i.issuedAt DESC, i.number DESC", InvoiceEntity.class)
                .setParameter("p", purpose.name()).setParameter("s", subjectId).setMaxResults(1)
                .getResultStream().findFirst().map(e -> toDomain(em, e));
    }

    @Override
    public Page<Invoice> findByUser(UUID userId, PageRequest page) {
        return search(new InvoiceSearch(null, null, userId, null, null, null), page);
    }

    @Override
    public Page<Invoice> search(InvoiceSearch c, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        PagedSearch q = new PagedSearch("invoices i");
        if (c.status() != null) {
            q.and("i.status = ?", c.status().name());
        }
        if (c.purpose() != null) {
            q.and("i.purpose = ?", c.purpose().name());
        }
        if (c.userId() != null) {
            q.and("i.user_id = ?", c.userId());
        }
        if (c.issuedFrom() != null) {
            q.and("i.issued_at >= ?", Timestamp.from(c.issuedFrom()));
        }
        if (c.issuedTo() != null) {
            q.and("i.issued_at < ?", Timestamp.from(c.issuedTo()));
        }
        if (c.text() != null && !c.text().isBlank()) {
            String like = PagedSearch.likePattern(c.text().trim());
            q.and("(i.number ILIKE ? OR i.buyer_email ILIKE ?)", like, like);
        }
        return q.fetch(em, "i.id", "i.issued_at DESC, i.number DESC", page, found -> load(em, found));
    }

    @Override
    public List<Invoice> claimOverdue(List<InvoicePurpose> purposes, Instant now, int limit) {
        if (purposes == null || purposes.isEmpty() || limit < 1) {
            return List.of();
        }
        EntityManager em = JpaTransactionRunner.current();
        String placeholders = purposes.stream().map(p -> "?").collect(Collectors.joining(", "));
        Query q = em.createNativeQuery("SELECT id FROM invoices WHERE status = 'UNPAID' AND due_at <= ?"
                + " AND purpose IN (" + placeholders + ") ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED");
        int n = 1;
        q.setParameter(n++, Timestamp.from(now));
        for (InvoicePurpose p : purposes) {
            q.setParameter(n++, p.name());
        }
        q.setParameter(n, limit);
        @SuppressWarnings("unchecked")
        List<Object> ids = q.getResultList();
        return load(em, ids);
    }

    /** The invoices of {@code ids} in that order, their lines read in one query. */
    private static List<Invoice> load(EntityManager em, List<Object> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> uuids = ids.stream().map(JpaOrderRepository::asUuid).toList();
        Map<UUID, List<InvoiceLineEntity>> lines = em.createQuery(
                        "SELECT l FROM InvoiceLineEntity l WHERE l.invoiceId IN :ids ORDER BY l.invoiceId, l.lineNo",
                        InvoiceLineEntity.class)
                .setParameter("ids", uuids).getResultList().stream()
                .collect(Collectors.groupingBy(l -> l.invoiceId));
        List<Invoice> invoices = new ArrayList<>(uuids.size());
        for (UUID id : uuids) {
            invoices.add(toDomain(em.find(InvoiceEntity.class, id), lines.getOrDefault(id, Collections.emptyList())));
        }
        return invoices;
    }

    private static Invoice toDomain(EntityManager em, InvoiceEntity e) {
        List<InvoiceLineEntity> lines = em.createQuery(
                        "SELECT l FROM InvoiceLineEntity l WHERE l.invoiceId = :i ORDER BY l.lineNo", InvoiceLineEntity.class)
                .setParameter("i", e.id).getResultList();
        return toDomain(e, lines);
    }

    private static Invoice toDomain(InvoiceEntity e, List<InvoiceLineEntity> lineRows) {
        List<InvoiceLine> lines = lineRows.stream()
                .sorted(java.util.Comparator.comparingInt(l -> l.lineNo))
                .map(l -> new InvoiceLine(l.description, l.unitPrice, l.quantity)).toList();
        PaymentMethod method = e.paymentGateway == null ? null
                : new PaymentMethod(e.paymentGateway, e.paymentCode, e.paymentName, e.paymentReference);
        return new Invoice(e.id, e.number, e.userId, InvoicePurpose.valueOf(e.purpose), e.subjectId,
                new Buyer(e.buyerName, e.buyerEmail, e.buyerPhone), lines, e.taxBasisPoints, Money.rupiah(e.tax),
                Money.rupiah(e.total), InvoiceStatus.valueOf(e.status), e.issuedAt, e.dueAt, e.paidAt, method,
                e.statusReason, e.version);
    }
}
