package id.webrana.cloud.adapter.out.notify;

import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies what Jakarta Mail throws into {@link DeliveryException} kinds.
 *
 * <ul>
 *   <li><b>PERMANENT</b>: the server refused the message or recipient for good: a 5xx reply (550 unknown
 *       recipient, 553, 554 content rejected, ...), or a {@link SendFailedException} naming invalid
 *       addresses.</li>
 *   <li><b>TRANSIENT</b>: everything that may work later: a 4xx reply (421, 450, 451, 452), refused connection,
 *       timeout, unknown host, a broken connection, and problems of the server set-up rather than of the message
 *       (login refused, STARTTLS required but not offered), so that mail goes out once the operator fixes the
 *       configuration.</li>
 * </ul>
 * Reply codes are read from the implementation's exceptions ({@code SMTPSendFailedException},
 * {@code SMTPAddressFailedException}: their public {@code getReturnCode()}, found by reflection because Liberty
 * exposes only the {@code jakarta.mail} API), or else from a reply at the start of the message.
 */
final class SmtpFailures {

    private static final Pattern LEADING_REPLY_CODE = Pattern.compile("^\\s*([2-5][0-9][0-9])[\\s-]");
    private static final int MAX_CHAIN = 20;

    private SmtpFailures() {
    }

    /** The kind and a readable message for a failed send to {@code recipient}. */
    static DeliveryException classify(MessagingException failure, String recipient) {
        List<Throwable> chain = chain(failure);
        String detail = describe(failure);
        if (chain.stream().anyMatch(AuthenticationFailedException.class::isInstance)) {
            return new DeliveryException(Kind.TRANSIENT, "SMTP server refused the login (check SMTP_USER and "
                    + "SMTP_PASS): " + detail, null, failure);
        }
        OptionalInt code = replyCode(chain);
        if (failure instanceof SendFailedException sendFailed) {
            Address[] invalid = sendFailed.getInvalidAddresses();
            if (invalid != null && invalid.length > 0) {
                return new DeliveryException(Kind.PERMANENT, "SMTP server refused the recipient " + recipient + ": "
                        + detail, null, failure);
            }
        }
        if (code.isPresent() && code.getAsInt() >= 500) {
            return new DeliveryException(Kind.PERMANENT, "SMTP server refused the message to " + recipient
                    + " (reply " + code.getAsInt() + "): " + detail, null, failure);
        }
        if (code.isPresent() && code.getAsInt() >= 400) {
            return new DeliveryException(Kind.TRANSIENT, "SMTP server deferred the message to " + recipient
                    + " (reply " + code.getAsInt() + "): " + detail, null, failure);
        }
        return new DeliveryException(Kind.TRANSIENT, "SMTP delivery to " + recipient + " failed: "
                + transportProblem(chain) + detail, null, failure);
    }

    /** The first failure reply code (4xx/5xx) found in the chain. */
    static OptionalInt replyCode(List<Throwable> chain) {
        for (Throwable t : chain) {
            int code = returnCode(t);
            if (code >= 400 && code <= 599) {
                return OptionalInt.of(code);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof MessagingException && t.getMessage() != null) {
                Matcher m = LEADING_REPLY_CODE.matcher(t.getMessage());
                if (m.find()) {
                    int code = Integer.parseInt(m.group(1));
                    if (code >= 400) {
                        return OptionalInt.of(code);
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    /** {@code getReturnCode()} of Angus Mail's SMTP exceptions, or -1. */
    private static int returnCode(Throwable t) {
        try {
            Method getter = t.getClass().getMethod("getReturnCode");
            Object value = getter.invoke(t);
            return value instanceof Integer i ? i : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** The exception, its causes and, for messaging exceptions, the chained "next" exceptions, without repeats. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> todo = new ArrayList<>();
        todo.add(failure);
        while (!todo.isEmpty() && out.size() < MAX_CHAIN) {
            Throwable t = todo.remove(0);
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            out.add(t);
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
            todo.add(t.getCause());
        }
        return out;
    }

    private static String transportProblem(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof InterruptedIOException) {
                return "timed out: ";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "could not connect: ";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host: ";
            }
        }
        return "";
    }

    private static String describe(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t : chain(failure)) {
            String message = t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName()
                    : message.strip().replaceAll("\\s+", " ");
            if (sb.indexOf(part) >= 0) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(" / ");
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
