package id.webrana.cloud.adapter.out.notify;

import java.util.function.UnaryOperator;

/**
 * A stand-in for a failure whose message might contain a secret (the Telegram bot token is part of every request
 * URL, and HTTP libraries like to quote URLs): same class name, stack trace and cause chain, every message passed
 * through a mask. Exceptions of this adapter carry these instead of the originals, so neither
 * {@code getMessage()}, {@code toString()} nor a logged stack trace can leak the secret.
 */
public final class MaskedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 10;

    private final String originalClassName;

    private MaskedFailure(String originalClassName, String message, MaskedFailure cause) {
        super(message, cause, false, true);
        this.originalClassName = originalClassName;
    }

    /** A masked copy of {@code failure} and its causes; null for null. */
    public static MaskedFailure of(Throwable failure, UnaryOperator<String> mask) {
        return of(failure, mask, 0);
    }

    private static MaskedFailure of(Throwable failure, UnaryOperator<String> mask, int depth) {
        if (failure == null || depth >= MAX_DEPTH) {
            return null;
        }
        Throwable cause = failure.getCause() == failure ? null : failure.getCause();
        MaskedFailure copy = new MaskedFailure(failure.getClass().getName(), mask.apply(failure.getMessage()),
                of(cause, mask, depth + 1));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** The class of the failure this stands for. */
    public String originalClassName() {
        return originalClassName;
    }

    /** Reads like the original: {@code <its class>: <masked message>}. */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
