package id.webrana.cloud.adapter.in.faces;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Indonesian rupiah formatting: {@code Rp 1.500.000} (dot as the thousands separator, no decimals). */
public final class Rupiah {

    private Rupiah() {
    }

    public static String format(long amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setMinusSign('-');
        return "Rp " + new DecimalFormat("#,##0", symbols).format(amount);
    }
}
