package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.UUID;

/**
 * Every callback a payment gateway sent, accepted or refused, with what was done about it: the
 * evidence operators read when a customer says "I paid".
 */
public interface PaymentCallbackLog {

    void record(CallbackRecord record);

    /** Newest first; {@code outcome} and {@code reference} optional. */
    Page<CallbackRecord> search(String outcome, String reference, PageRequest page);

    /**
     * @param outcome e.g. SETTLED_INVOICE, CREDITED_TO_WALLET, DUPLICATE, IGNORED, REFUSED_SIGNATURE,
     *                REFUSED_EVENT, REFUSED_UNKNOWN_REFERENCE, REFUSED_AMOUNT_MISMATCH, REFUSED_MALFORMED
     * @param rawBody the body as received (truncated to 10 000 characters)
     */
    record CallbackRecord(UUID id, String gateway, Instant receivedAt, String reference, String merchantRef,
                          String status, String outcome, String detail, String rawBody) {
    }
}
