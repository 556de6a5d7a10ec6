package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.billing.PaymentSearch;

import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Money received. Unique on (gateway, reference): recording the same gateway payment twice is
 * impossible, which is what makes payments exactly-once even if two callbacks race past the
 * application's own check (the second insert fails with DUPLICATE_CODE and its transaction rolls back).
 */
public interface PaymentRepository {

    Optional<Payment> findByReference(String gateway, String reference);

    void insert(Payment payment);

    List<Payment> findByInvoice(UUID invoiceId);

    /** Newest first; every filter optional. */
    Page<Payment> search(PaymentSearch criteria, PageRequest page);
}
