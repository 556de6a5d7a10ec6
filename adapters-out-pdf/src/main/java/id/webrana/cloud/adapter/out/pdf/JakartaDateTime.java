package id.webrana.cloud.adapter.out.pdf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Formats instants as Indonesian wall-clock time in Asia/Jakarta, e.g. {@code 23 November 2026 10:15 WIB}.
 *
 * <p>The month names are spelled out here rather than taken from the JDK's {@code id} locale data, whose
 * contents depend on the locale provider; Jakarta has no daylight saving, so the zone is always WIB (UTC+7).
 */
public final class JakartaDateTime {

    /** The zone every date on an invoice is shown in. */
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final String[] MONTHS = {
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember"
    };

    private JakartaDateTime() {
    }

    /**
     * @param instant a point in time, not null
     * @return e.g. {@code 1 Januari 2027 07:00 WIB} for {@code 2027-01-01T00:00:00Z}
     */
    public static String format(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        ZonedDateTime t = instant.atZone(JAKARTA);
        return t.getDayOfMonth() + " " + MONTHS[t.getMonthValue() - 1] + " " + t.getYear() + " "
                + twoDigits(t.getHour()) + ":" + twoDigits(t.getMinute()) + " WIB";
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
