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
    CONCURRENT_MODIFICATION(Kind.CONFLICT),
    INVOICE_NOT_FOUND(Kind.NOT_FOUND),
    INVOICE_ACCESS_DENIED(Kind.FORBIDDEN),
    INVOICE_NOT_PAYABLE(Kind.CONFLICT),
    PAYMENT_AMOUNT_MISMATCH(Kind.INVALID),
    INVALID_PAYMENT_METHOD(Kind.INVALID),
    INSUFFICIENT_BALANCE(Kind.CONFLICT),
    PAYMENT_GATEWAY_UNAVAILABLE(Kind.UNAVAILABLE),
    PAYMENT_GATEWAY_REJECTED(Kind.UPSTREAM_REFUSED),
    NOTIFICATION_NOT_FOUND(Kind.NOT_FOUND),
    TEMPLATE_NOT_FOUND(Kind.NOT_FOUND),
    INVALID_TEMPLATE(Kind.INVALID),
    INSTANCE_NOT_FOUND(Kind.NOT_FOUND),
    INSTANCE_SUSPENDED(Kind.CONFLICT),
    INSTANCE_TERMINATED(Kind.CONFLICT),
    INSTANCE_STATE_CONFLICT(Kind.CONFLICT),
    INVALID_ACTION(Kind.INVALID),
    ACTION_IN_PROGRESS(Kind.CONFLICT),
    ACTION_RATE_LIMITED(Kind.RATE_LIMITED),
    ACTION_NOT_SUPPORTED(Kind.CONFLICT),
    PASSWORD_ALREADY_SHOWN(Kind.GONE),
    ORDER_NOT_RETRYABLE(Kind.CONFLICT),
    PROVIDER_UNAVAILABLE(Kind.UNAVAILABLE),
    PROVIDER_REFUSED(Kind.UPSTREAM_REFUSED),
    /** The caller may not do this (e.g. only a super admin changes roles). */
    PERMISSION_DENIED(Kind.FORBIDDEN),
    /** An operator tried to disable their own account or drop their own super_admin role. */
    OWN_ACCOUNT_PROTECTED(Kind.CONFLICT),
    /** A password change named the wrong current password. */
    WRONG_CURRENT_PASSWORD(Kind.INVALID);

    /** The family of an error, mapped to a status by each inbound adapter. */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, UNAUTHENTICATED, UNAVAILABLE, UPSTREAM_REFUSED,
        /** Too many requests (429). */ RATE_LIMITED,
        /** Existed once, never again (410): e.g. a password shown once. */ GONE }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
