package id.webrana.cloud.adapter.in.faces.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Parsing what people type into filters and forms. */
public final class Inputs {

    private Inputs() {
    }

    /** A UUID, or empty for blank or malformed text. */
    public static Optional<UUID> uuid(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is filled but not a UUID. */
    public static boolean badUuid(String text) {
        return text != null && !text.isBlank() && uuid(text).isEmpty();
    }

    /** The start of {@code day} in Jakarta, or null. */
    public static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Formats.JAKARTA).toInstant();
    }

    /** The start of the day after {@code day} in Jakarta (an inclusive "to" date as an exclusive bound), or null. */
    public static Instant endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(Formats.JAKARTA).toInstant();
    }

    /** Trimmed text, or null when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
