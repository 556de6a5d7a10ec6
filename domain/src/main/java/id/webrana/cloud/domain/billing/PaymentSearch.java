package id.webrana.cloud.domain.billing;

import java.time.Instant;
import java.util.UUID;

/** Filters for searching; every field optional. */
public record PaymentSearch(UUID userId, String gateway, Instant paidFrom, Instant paidTo, String reference) {
}
