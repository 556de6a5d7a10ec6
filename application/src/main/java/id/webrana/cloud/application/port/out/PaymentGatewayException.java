package id.webrana.cloud.application.port.out;

/** A payment gateway call did not succeed. */
public class PaymentGatewayException extends RuntimeException {

    /** REJECTED: the gateway answered and refused. UNAVAILABLE: unreachable, timed out, or answered garbage. */
    public enum Kind { REJECTED, UNAVAILABLE }

    private final Kind kind;

    public PaymentGatewayException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PaymentGatewayException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
