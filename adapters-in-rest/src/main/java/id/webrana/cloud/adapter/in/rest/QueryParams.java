package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading optional query parameters of the operators' search endpoints; bad values are VALIDATION_ERROR. */
final class QueryParams {

    private QueryParams() {
    }

    /** The trimmed value (upper-cased if asked), or null when absent or blank. */
    static String blankToNull(String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return upper ? value.trim().toUpperCase(Locale.ROOT) : value.trim();
    }

    /** The enum constant named by the value (any case), or null when absent. */
    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String name) {
        String v = blankToNull(value, true);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Unknown " + name + ": " + value);
        }
    }

    /** An ISO-8601 UTC instant, or null when absent. */
    static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR,
                    name + " must be an ISO-8601 UTC time, e.g. 2026-11-23T00:00:00Z");
        }
    }
}
