package id.webrana.cloud.adapter.in.faces.support;

import id.webrana.cloud.adapter.in.faces.Rupiah;
import id.webrana.cloud.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting as the pages show it ({@code #{fmt}}): rupiah as {@code Rp 1.500.000}, times in Asia/Jakarta with
 * "WIB", month names in the page's language. The static methods serve the beans, which build rows of ready text.
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    public String rupiah(long amount) {
        return money(amount);
    }

    /** {@code Rp 1.500.000}; a negative amount as {@code -Rp 50.000}. */
    public static String money(long amount) {
        return amount < 0 ? "-" + Rupiah.format(-amount) : Rupiah.format(amount);
    }

    public static String money(Money amount) {
        return amount == null ? "—" : Rupiah.format(amount.rupiah());
    }

    /** {@code +Rp 50.000} or {@code -Rp 50.000}: a ledger movement. */
    public static String signed(long amount) {
        return amount > 0 ? "+" + Rupiah.format(amount) : money(amount);
    }

    /** {@code 23 Nov 2026 11:05 WIB} (Asia/Jakarta), or a dash. */
    public static String dateTime(Instant at, Locale locale) {
        if (at == null) {
            return "—";
        }
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).withZone(JAKARTA).format(at) + " WIB";
    }

    public static String dateTime(Instant at) {
        return dateTime(at, pageLocale());
    }

    /**
     * The page's language (the visitor's choice, Indonesian by default), also while beans load before rendering,
     * when the view's own locale may still be the browser's.
     */
    public static Locale pageLocale() {
        return Language.current();
    }
}
