package id.webrana.cloud.sandbox.tripay;

/**
 * A refusal of the simulated Tripay API, answered as Tripay does: the envelope
 * {@code {"success": false, "message": "..."}} with an HTTP status.
 *
 * <p>Tripay's SDKs branch on {@code success}, not on the HTTP status, and the documentation shows no status codes
 * for errors. The simulator answers business refusals (bad signature, unknown channel, amount mismatch, …) with
 * 200, a bad API key with 401, injected faults with 500, and uses 400/404/409 only on its own control API.
 */
public class TripayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The message Tripay answers for a missing or wrong API key. */
    public static final String INVALID_API_KEY = "Invalid API Key";

    private final int status;

    /**
     * @param status the HTTP status of the answer
     * @param message the {@code message} of the envelope
     */
    public TripayException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status of the answer */
    public int status() {
        return status;
    }

    /**
     * @param message why
     * @return a business refusal (HTTP 200, {@code success:false})
     */
    public static TripayException refused(String message) {
        return new TripayException(200, message);
    }

    /** @return 401 {@code Invalid API Key} */
    public static TripayException invalidApiKey() {
        return new TripayException(401, INVALID_API_KEY);
    }

    /** @return 500, as an injected fault */
    public static TripayException serverError() {
        return new TripayException(500, "Internal server error (fault injected by the WeBrana sandbox)");
    }

    /**
     * @param message why
     * @return 400, for a malformed control request
     */
    public static TripayException badRequest(String message) {
        return new TripayException(400, message);
    }

    /**
     * @param message what is missing
     * @return 404, for the control API
     */
    public static TripayException notFound(String message) {
        return new TripayException(404, message);
    }

    /**
     * @param message why
     * @return 409, for the control API (e.g. paying a transaction that is not UNPAID)
     */
    public static TripayException conflict(String message) {
        return new TripayException(409, message);
    }
}
