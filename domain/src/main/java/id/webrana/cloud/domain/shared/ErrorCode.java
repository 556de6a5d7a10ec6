package id.webrana.cloud.domain.shared;

/**
 * Stable error codes of the product spec. The kind decides the HTTP status in the REST adapter;
 * the core never speaks HTTP.
 */
public enum ErrorCode {
    VALIDATION_ERROR(Kind.INVALID),
    INVALID_PLAN(Kind.INVALID),
    INVALID_IMAGE(Kind.INVALID),
    INVALID_COUPON(Kind.INVALID),
    INVALID_DURATION(Kind.INVALID),
    INVALID_HOSTNAME(Kind.INVALID),
    INVALID_TOKEN(Kind.INVALID),
    WEAK_PASSWORD(Kind.INVALID),
    EMAIL_ALREADY_REGISTERED(Kind.CONFLICT),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED),
    INVALID_REFRESH_TOKEN(Kind.UNAUTHENTICATED),
    ACCOUNT_DISABLED(Kind.FORBIDDEN),
    ORDER_NOT_FOUND(Kind.NOT_FOUND),
    ORDER_ACCESS_DENIED(Kind.FORBIDDEN),
    PAYMENT_STATUS_CONFLICT(Kind.CONFLICT),
    PLAN_NOT_FOUND(Kind.NOT_FOUND),
    IMAGE_NOT_FOUND(Kind.NOT_FOUND),
    COUPON_NOT_FOUND(Kind.NOT_FOUND),
    USER_NOT_FOUND(Kind.NOT_FOUND),
    DUPLICATE_CODE(Kind.CONFLICT),
    CONCURRENT_MODIFICATION(Kind.CONFLICT);

    /** The family of an error, mapped to a status by each inbound adapter. */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, UNAUTHENTICATED }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
