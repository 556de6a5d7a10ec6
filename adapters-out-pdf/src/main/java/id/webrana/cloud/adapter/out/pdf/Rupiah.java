package id.webrana.cloud.adapter.out.pdf;

/**
 * Formats whole-rupiah amounts the Indonesian way: {@code Rp 1.500.000} (a dot between thousands, no
 * decimals, a space after {@code Rp}), negative amounts (discounts, refunds) as {@code -Rp 9.000}.
 *
 * <p>Locale-independent on purpose: the JDK's {@code id-ID} currency format differs between JDK versions and
 * locale providers ({@code Rp1.500.000,00}, {@code Rp 1.500.000}, non-breaking spaces), while invoices, emails
 * and tests need one stable spelling. Only ASCII characters are produced, so the text renders with the PDF
 * built-in fonts.
 */
public final class Rupiah {

    private Rupiah() {
    }

    /**
     * @param amount whole rupiah, any {@code long} including {@link Long#MIN_VALUE}
     * @return e.g. {@code Rp 0}, {@code Rp 999}, {@code Rp 1.500.000}, {@code -Rp 9.000}
     */
    public static String format(long amount) {
        String grouped = groupThousands(amount);
        return amount < 0 ? "-Rp " + grouped.substring(1) : "Rp " + grouped;
    }

    /**
     * The number with a dot between groups of three digits and a leading {@code -} when negative, e.g.
     * {@code 1.500} for a quantity of 1500.
     */
    static String groupThousands(long value) {
        String digits = Long.toString(value);
        boolean negative = digits.charAt(0) == '-';
        if (negative) {
            // Works for Long.MIN_VALUE too: its decimal string is simply one character longer.
            digits = digits.substring(1);
        }
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (negative) {
            out.append('-');
        }
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append('.').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
