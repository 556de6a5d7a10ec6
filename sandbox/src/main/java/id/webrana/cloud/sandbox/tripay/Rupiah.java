package id.webrana.cloud.sandbox.tripay;

/** Formats rupiah amounts the Indonesian way: {@code Rp 1.500.000} (dots between thousands, no decimals). */
public final class Rupiah {

    private Rupiah() {
    }

    /**
     * @param amount whole rupiah
     * @return e.g. {@code Rp 85.000}, {@code -Rp 5.000}
     */
    public static String format(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder grouped = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        grouped.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            grouped.append('.').append(digits, i, i + 3);
        }
        return (amount < 0 ? "-Rp " : "Rp ") + grouped;
    }
}
