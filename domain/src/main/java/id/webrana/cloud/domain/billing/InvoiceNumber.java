package id.webrana.cloud.domain.billing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Invoice numbers {@code INV/yyyy/mm/nnnnnn}: a sequence per calendar month in Asia/Jakarta that
 * has no gaps (the sequence is taken in the same transaction that stores the invoice).
 */
public final class InvoiceNumber {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private InvoiceNumber() {
    }

    /** The sequence's key for the month of {@code at}: {@code 2026-11}. */
    public static String period(Instant at) {
        ZonedDateTime local = at.atZone(JAKARTA);
        return String.format("%04d-%02d", local.getYear(), local.getMonthValue());
    }

    public static String format(String period, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        return "INV/" + period.substring(0, 4) + "/" + period.substring(5, 7) + "/" + String.format("%06d", sequence);
    }

    /** A merchant reference for the n-th payment attempt of an invoice: {@code INV-2026-11-000042-1}. */
    public static String merchantRef(String invoiceNumber, int attempt) {
        return invoiceNumber.replace('/', '-') + "-" + attempt;
    }
}
