package id.webrana.cloud.domain.billing;

import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Money received, recorded once per (gateway, reference): the ledger of what customers paid. A
 * second callback for the same reference finds this record and changes nothing.
 *
 * @param invoiceId   the invoice it was for
 * @param amount      the invoice amount it settles (without the customer's fee)
 * @param totalPaid   what the customer paid, fee included
 * @param outcome     SETTLED_INVOICE, or CREDITED_TO_WALLET when the invoice could no longer be settled
 */
public record Payment(UUID id, String gateway, String reference, UUID invoiceId, UUID userId, String methodCode,
                      String methodName, Money amount, Money totalPaid, Instant paidAt, Instant recordedAt,
                      Outcome outcome) {

    public enum Outcome { SETTLED_INVOICE, CREDITED_TO_WALLET }

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(outcome, "outcome");
    }
}
