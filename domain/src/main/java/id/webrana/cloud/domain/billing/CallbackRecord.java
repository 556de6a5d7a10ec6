package id.webrana.cloud.domain.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * @param outcome e.g. SETTLED_INVOICE, CREDITED_TO_WALLET, DUPLICATE, IGNORED, REFUSED_SIGNATURE,
 *                REFUSED_EVENT, REFUSED_UNKNOWN_REFERENCE, REFUSED_AMOUNT_MISMATCH, REFUSED_MALFORMED
 * @param rawBody the body as received (truncated to 10 000 characters)
 */
public record CallbackRecord(UUID id, String gateway, Instant receivedAt, String reference, String merchantRef,
                      String status, String outcome, String detail, String rawBody) {
}
