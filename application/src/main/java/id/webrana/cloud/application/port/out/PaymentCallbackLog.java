package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.billing.CallbackRecord;
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

}
