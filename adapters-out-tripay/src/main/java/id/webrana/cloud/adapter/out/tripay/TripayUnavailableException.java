package id.webrana.cloud.adapter.out.tripay;

import id.webrana.cloud.application.port.out.PaymentGatewayException;

/**
 * Tripay could not be reached or did not answer with a usable envelope: timeout, refused connection, 5xx, HTML or
 * other unparsable body, a {@code success:true} answer without the expected data, an open circuit. Kind
 * {@link PaymentGatewayException.Kind#UNAVAILABLE}: the caller may try again later.
 *
 * <p>For {@code transaction/create} it also means <em>the outcome is unknown</em>: the transaction may exist at
 * Tripay. Such a call is never repeated automatically; a later attempt should use a new {@code merchant_ref}.
 */
public class TripayUnavailableException extends PaymentGatewayException {

    private final int httpStatus;
    private final boolean retryable;

    /**
     * @param httpStatus the HTTP status, 0 when there was no answer
     * @param retryable  whether repeating an idempotent read soon can help (false for a deterministic problem such
     *                   as a 404 page from a wrong base URL, or data that cannot be mapped)
     */
    public TripayUnavailableException(String message, int httpStatus, boolean retryable, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    /** The HTTP status of the unusable answer, 0 when there was none (timeout, connection refused, open circuit). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the adapter's read retries try again after this failure. */
    public boolean retryable() {
        return retryable;
    }
}
