package id.webrana.cloud.domain.billing;

import java.time.Instant;
import java.util.UUID;

/** Filters for searching; every field optional. */
public record InvoiceSearch(InvoiceStatus status, InvoicePurpose purpose, UUID userId, Instant issuedFrom,
                     Instant issuedTo, String text) {
}
