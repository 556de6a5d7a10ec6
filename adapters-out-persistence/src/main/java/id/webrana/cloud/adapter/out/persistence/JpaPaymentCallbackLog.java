package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.domain.billing.CallbackRecord;
import id.webrana.cloud.adapter.out.persistence.entity.PaymentCallbackEntity;
import id.webrana.cloud.application.port.out.PaymentCallbackLog;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The log of payment gateway callbacks in {@code payment_callbacks}. The raw body is kept to its
 * first {@value #MAX_RAW_BODY} characters; the reference, merchant reference and status are stored
 * as received (they may be whatever a refused callback carried).
 */
@ApplicationScoped
public class JpaPaymentCallbackLog implements PaymentCallbackLog {

    static final int MAX_RAW_BODY = 10_000;

    @Override
    public void record(CallbackRecord r) {
        PaymentCallbackEntity e = new PaymentCallbackEntity();
        e.id = r.id() == null ? UUID.randomUUID() : r.id();
        e.gateway = Objects.requireNonNull(r.gateway(), "gateway");
        e.receivedAt = Objects.requireNonNull(r.receivedAt(), "receivedAt");
        e.reference = r.reference();
        e.merchantRef = r.merchantRef();
        e.status = r.status();
        e.outcome = Objects.requireNonNull(r.outcome(), "outcome");
        e.detail = r.detail();
        e.rawBody = r.rawBody() == null || r.rawBody().length() <= MAX_RAW_BODY ? r.rawBody()
                : r.rawBody().substring(0, MAX_RAW_BODY);
        JpaTransactionRunner.current().persist(e);
    }

    /** {@code reference} matches (case-insensitively, as a part) the gateway's or the merchant's reference. */
    @Override
    public Page<CallbackRecord> search(String outcome, String reference, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        PagedSearch q = new PagedSearch("payment_callbacks c");
        if (outcome != null && !outcome.isBlank()) {
            q.and("c.outcome = ?", outcome.trim());
        }
        if (reference != null && !reference.isBlank()) {
            String like = PagedSearch.likePattern(reference.trim());
            q.and("(c.reference ILIKE ? OR c.merchant_ref ILIKE ?)", like, like);
        }
        return q.fetch(em, "c.id", "c.received_at DESC, c.id", page, ids -> {
            List<CallbackRecord> records = new ArrayList<>(ids.size());
            for (Object id : ids) {
                records.add(toDomain(em.find(PaymentCallbackEntity.class, JpaOrderRepository.asUuid(id))));
            }
            return records;
        });
    }

    static CallbackRecord toDomain(PaymentCallbackEntity e) {
        return new CallbackRecord(e.id, e.gateway, e.receivedAt, e.reference, e.merchantRef, e.status, e.outcome,
                e.detail, e.rawBody);
    }
}
