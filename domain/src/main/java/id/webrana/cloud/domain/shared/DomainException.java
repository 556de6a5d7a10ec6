package id.webrana.cloud.domain.shared;

/** A business rule refused the request; carries a stable {@link ErrorCode} for clients. */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
