package id.webrana.cloud.adapter.out.tripay;

import id.webrana.cloud.application.port.out.PaymentGatewayException;

/**
 * Tripay answered and refused: an envelope with {@code success:false} (invalid API key, bad signature, unknown
 * reference, amount outside the channel's limits, ...), or a callback body that is not a payment callback.
 * Kind {@link PaymentGatewayException.Kind#REJECTED}: trying the same request again will not help.
 *
 * <p>A subtype (rather than only the port's kind) so that the circuit breaker can skip it: a refusal proves that
 * Tripay is up.
 */
public class TripayRejectedException extends PaymentGatewayException {

    private final int httpStatus;
    private final String tripayMessage;

    /**
     * @param message       the whole message, naming the operation
     * @param httpStatus    the HTTP status that came with the refusal, 0 when none (a local refusal)
     * @param tripayMessage Tripay's own {@code message}, or null
     */
    public TripayRejectedException(String message, int httpStatus, String tripayMessage) {
        super(Kind.REJECTED, message);
        this.httpStatus = httpStatus;
        this.tripayMessage = tripayMessage;
    }

    /** The HTTP status of the refusing answer, 0 for a local refusal (e.g. a malformed callback). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Tripay's {@code message}, e.g. {@code Invalid API Key}; null when there was none. */
    public String tripayMessage() {
        return tripayMessage;
    }
}
