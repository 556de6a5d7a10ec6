package id.webrana.cloud.adapter.out.digitalocean;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.ErrorBody;
import id.webrana.cloud.application.port.out.CloudProviderException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Classifies DigitalOcean failures into transient or permanent {@link CloudProviderException}s.
 *
 * <ul>
 *   <li>429: {@link DigitalOceanRateLimitedException} with the wait from {@code retry-after} (seconds or an HTTP
 *       date), else {@code ratelimit-reset} (epoch seconds) minus now, at least one second</li>
 *   <li>5xx and 408, timeouts, refused or failed connections, unreadable bodies: {@link DigitalOceanTransientException}
 *   </li>
 *   <li>every other 4xx (401, 403, 404 where absence is not an answer, 422, ...): {@link DigitalOceanPermanentException}
 *   </li>
 * </ul>
 * Messages carry DigitalOcean's error {@code id} and {@code message} (and {@code request_id}) from the body.
 */
final class DigitalOceanFailures {

    private static final int MAX_RAW_BODY_CHARS = 300;

    private final Clock clock;

    DigitalOceanFailures(Clock clock) {
        this.clock = clock;
    }

    /** A non-2xx answer. Reads (and consumes) the error body; the caller closes the response. */
    CloudProviderException fromResponse(String operation, Response response) {
        int status = response.getStatus();
        String message = "DigitalOcean " + operation + " failed: HTTP " + status + errorDetail(response);
        if (status == 429) {
            return new DigitalOceanRateLimitedException(message, retryAfter(response));
        }
        if (status >= 500 || status == 408) {
            return new DigitalOceanTransientException(message, status, null, null);
        }
        return new DigitalOceanPermanentException(message, status, null);
    }

    /** No usable answer: timeout, connection refused, DNS or another I/O problem. */
    CloudProviderException fromTransport(String operation, RuntimeException failure) {
        Throwable root = rootCause(failure);
        String what;
        if (root instanceof InterruptedIOException) {
            what = "timed out";
        } else if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            what = "could not connect";
        } else if (root instanceof UnknownHostException) {
            what = "unknown host";
        } else {
            what = "I/O error";
        }
        return new DigitalOceanTransientException("DigitalOcean " + operation + " failed: " + what + " ("
                + root.getClass().getSimpleName() + ": " + root.getMessage() + ")", 0, null, failure);
    }

    /** A 2xx answer whose body could not be read (malformed JSON, wrong type, missing object). */
    CloudProviderException unreadableBody(String operation, int status, Throwable cause) {
        String detail = cause == null ? "the expected object is missing"
                : rootCause(cause).getClass().getSimpleName() + ": " + rootCause(cause).getMessage();
        return new DigitalOceanTransientException("DigitalOcean " + operation + " answered HTTP " + status
                + " with an unreadable body (" + detail + ")", status, null, cause);
    }

    /** The wait a 429 asks for, or null when the answer gives none. */
    Duration retryAfter(Response response) {
        String retryAfter = response.getHeaderString("retry-after");
        if (retryAfter != null && !retryAfter.isBlank()) {
            String value = retryAfter.trim();
            try {
                return atLeastOneSecond(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return atLeastOneSecond(Duration.between(clock.instant(), at.toInstant()));
                } catch (DateTimeParseException notADate) {
                    // fall through to ratelimit-reset
                }
            }
        }
        String reset = response.getHeaderString("ratelimit-reset");
        if (reset != null && !reset.isBlank()) {
            try {
                long resetEpochSeconds = Long.parseLong(reset.trim());
                return atLeastOneSecond(Duration.ofSeconds(resetEpochSeconds - clock.instant().getEpochSecond()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Duration atLeastOneSecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }

    private static String errorDetail(Response response) {
        String raw;
        try {
            if (!response.hasEntity()) {
                return "";
            }
            raw = response.readEntity(String.class);
        } catch (RuntimeException e) {
            return "";
        }
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try {
            ErrorBody body = JsonbHolder.JSONB.fromJson(raw, ErrorBody.class);
            if (body != null && (body.id() != null || body.message() != null)) {
                StringBuilder sb = new StringBuilder();
                if (body.id() != null) {
                    sb.append(' ').append(body.id());
                }
                if (body.message() != null) {
                    sb.append(": ").append(body.message());
                }
                if (body.requestId() != null) {
                    sb.append(" (request_id ").append(body.requestId()).append(')');
                }
                return sb.toString();
            }
        } catch (RuntimeException | LinkageError notJson) {
            // not DigitalOcean's JSON error body: show the start of whatever came
        }
        String trimmed = raw.strip().replaceAll("\\s+", " ");
        return ": " + (trimmed.length() > MAX_RAW_BODY_CHARS ? trimmed.substring(0, MAX_RAW_BODY_CHARS) + "..."
                : trimmed);
    }

    static Throwable rootCause(Throwable t) {
        Throwable current = t;
        int depth = 0;
        while (current.getCause() != null && current.getCause() != current && depth++ < 20) {
            current = current.getCause();
        }
        return current;
    }

    /** One shared, thread-safe JSON-B instance for error bodies, created on first use. */
    private static final class JsonbHolder {
        private static final Jsonb JSONB = JsonbBuilder.create();
    }
}
