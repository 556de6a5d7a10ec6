package id.webrana.cloud.sandbox.digitalocean;

import java.util.Optional;

/**
 * An error answer of the simulated DigitalOcean API: an HTTP status plus the body
 * {@code {"id": errorId, "message": message}} of the official {@code error} schema.
 *
 * <p>Thrown by the simulator core (validation, unknown resources, injected faults) and turned
 * into an HTTP answer by the JAX-RS layer.
 */
public class DigitalOceanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The message of the API's 404 answer. */
    public static final String NOT_FOUND_MESSAGE = "The resource you requested could not be found.";

    private final int status;
    private final String errorId;
    private final Integer retryAfterSeconds;

    /**
     * @param status the HTTP status
     * @param errorId the {@code id} field of the error body, e.g. {@code not_found}
     * @param message the {@code message} field of the error body
     */
    public DigitalOceanException(int status, String errorId, String message) {
        this(status, errorId, message, null);
    }

    /**
     * @param status the HTTP status
     * @param errorId the {@code id} field of the error body
     * @param message the {@code message} field of the error body
     * @param retryAfterSeconds the value of a {@code retry-after} header, or {@code null} for none
     */
    public DigitalOceanException(int status, String errorId, String message, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.errorId = errorId;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return 404 {@code not_found} */
    public static DigitalOceanException notFound() {
        return new DigitalOceanException(404, "not_found", NOT_FOUND_MESSAGE);
    }

    /** @return 401 {@code unauthorized} */
    public static DigitalOceanException unauthorized() {
        return new DigitalOceanException(401, "unauthorized", "Unable to authenticate you.");
    }

    /**
     * @param message what is wrong with the request
     * @return 422 {@code unprocessable_entity}
     */
    public static DigitalOceanException unprocessable(String message) {
        return new DigitalOceanException(422, "unprocessable_entity", message);
    }

    /**
     * @param message what is wrong with the request
     * @return 400 {@code bad_request}
     */
    public static DigitalOceanException badRequest(String message) {
        return new DigitalOceanException(400, "bad_request", message);
    }

    /** @return 429 {@code too_many_requests} with {@code retry-after: 1} */
    public static DigitalOceanException tooManyRequests() {
        return new DigitalOceanException(429, "too_many_requests", "API rate limit exceeded.", 1);
    }

    /** @return 500 {@code server_error} */
    public static DigitalOceanException serverError() {
        return new DigitalOceanException(500, "server_error", "Unexpected server-side error");
    }

    /**
     * An error with the conventional DigitalOcean {@code id} for the given status.
     *
     * @param status an HTTP status, 400..599
     * @param message the message
     * @return the error
     */
    public static DigitalOceanException ofStatus(int status, String message) {
        return new DigitalOceanException(status, errorIdFor(status), message, status == 429 ? 1 : null);
    }

    /**
     * @param status an HTTP status
     * @return the DigitalOcean error id that goes with it, e.g. {@code unprocessable_entity} for 422
     */
    public static String errorIdFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            case 409 -> "conflict";
            case 422 -> "unprocessable_entity";
            case 429 -> "too_many_requests";
            case 500 -> "server_error";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "server_error" : "unprocessable_entity";
        };
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the {@code id} field of the error body */
    public String errorId() {
        return errorId;
    }

    /** @return the {@code retry-after} header value in seconds, if the answer carries one */
    public Optional<Integer> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }
}
