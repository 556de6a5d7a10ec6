package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.UUID;

/** Parses ids from paths and bodies; a malformed id is reported with the caller's error code. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String value, ErrorCode ifInvalid, String what) {
        if (value == null || value.isBlank()) {
            throw new DomainException(ifInvalid, what + " is required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ifInvalid, what + " '" + value + "' is not a valid id");
        }
    }

    static UUID parseOptional(String value, ErrorCode ifInvalid, String what) {
        return value == null || value.isBlank() ? null : parse(value, ifInvalid, what);
    }

    static <T> T require(T body) {
        if (body == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A JSON request body is required");
        }
        return body;
    }
}
