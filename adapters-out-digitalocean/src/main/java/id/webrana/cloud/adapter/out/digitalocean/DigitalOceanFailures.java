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
import java.util.regex.Pattern;

/**
 * Classifies DigitalOcean failures into transient or permanent {@link CloudProviderException}s.
 *
 * <ul>
 *   <li>429: {@link DigitalOceanRateLimitedException} with the wait from {@code retry-after} (seconds or an HTTP
 *       date), else {@code ratelimit-reset} (epoch seconds) minus now, at least one second</li>
 *   <li>5xx and 408, timeouts, refused or failed connections, unreadable bodies: {@link DigitalOceanTransientException}
 *   </li>
 *   <li>422 "Droplet already has a pending event." (an action asked while another runs on the droplet):
 *       {@link DigitalOceanPendingEventException}, transient</li>
 *   <li>every other 4xx (401, 403, 404 where absence is not an answer, other 422s, ...):
 *       {@link DigitalOceanPermanentException}</li>
 * </ul>
 * Messages carry DigitalOcean's error {@code id} and {@code message} (and {@code request_id}) from the body.
 */
final class DigitalOceanFailures {

    private static final int MAX_RAW_BODY_CHARS = 300;
    /** The message of DigitalOcean's 422 while another action runs: "Droplet already has a pending event." */
    private static final Pattern PENDING_EVENT = Pattern.compile("pending event", Pattern.CASE_INSENSITIVE);

    private final Clock clock;

    DigitalOceanFailures(Clock clock) {
        this.clock = clock;
    }

    /** A non-2xx answer. Reads (and consumes) the error body; the caller closes the response. */
    CloudProviderException fromResponse(String operation, Response response) {
        int status = response.getStatus();
        ErrorDetail detail = errorDetail(response);
        String message = "DigitalOcean " + operation + " failed: HTTP " + status + detail.text();
        if (status == 429) {
            return new DigitalOceanRateLimitedException(message, retryAfter(response));
        }
        if (status >= 500 || status == 408) {
            return new DigitalOceanTransientException(message, status, null, null);
        }
        if (status == 422 && detail.saysPendingEvent()) {
            return new DigitalOceanPendingEventException(message);
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

    /**
     * What an error answer says, for the message (DigitalOcean's {@code id}, {@code message} and {@code request_id},
     * else the start of whatever came) and for the classification.
     *
     * @param text    appended to the failure message; empty when the answer had no body
     * @param message DigitalOcean's {@code message}, else the raw body; may be null
     */
    private record ErrorDetail(String text, String message) {
        static final ErrorDetail NONE = new ErrorDetail("", null);

        /** DigitalOcean's "Droplet already has a pending event." (another action still runs on the droplet). */
        boolean saysPendingEvent() {
            return message != null && PENDING_EVENT.matcher(message).find();
        }
    }

    private static ErrorDetail errorDetail(Response response) {
        String raw;
        try {
            if (!response.hasEntity()) {
                return ErrorDetail.NONE;
            }
            raw = response.readEntity(String.class);
        } catch (RuntimeException e) {
            return ErrorDetail.NONE;
        }
        if (raw == null || raw.isBlank()) {
            return ErrorDetail.NONE;
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
                return new ErrorDetail(sb.toString(), body.message());
            }
        } catch (RuntimeException | LinkageError notJson) {
            // not DigitalOcean's JSON error body: show the start of whatever came
        }
        String trimmed = raw.strip().replaceAll("\\s+", " ");
        String shown = trimmed.length() > MAX_RAW_BODY_CHARS ? trimmed.substring(0, MAX_RAW_BODY_CHARS) + "..."
                : trimmed;
        return new ErrorDetail(": " + shown, shown);
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
