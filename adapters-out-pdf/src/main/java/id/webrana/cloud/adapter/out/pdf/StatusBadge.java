package id.webrana.cloud.adapter.out.pdf;

import java.awt.Color;
import java.util.Locale;

/** How an invoice status is shown: its Bahasa Indonesia label and the badge colour. */
enum StatusBadge {
    UNPAID("BELUM DIBAYAR", new Color(0xB4, 0x53, 0x09)),
    PAID("LUNAS", new Color(0x15, 0x80, 0x3D)),
    EXPIRED("KEDALUWARSA", new Color(0x6B, 0x72, 0x80)),
    FAILED("GAGAL", new Color(0xB9, 0x1C, 0x1C)),
    REFUNDED("DIKEMBALIKAN", new Color(0x1D, 0x4E, 0xD8));

    /** Colour for a status this renderer does not know (shown as given, upper-cased). */
    static final Color UNKNOWN_COLOR = new Color(0x37, 0x41, 0x51);

    final String label;
    final Color color;

    StatusBadge(String label, Color color) {
        this.label = label;
        this.color = color;
    }

    /** @return the badge for {@code UNPAID}, {@code paid}, ... or null for an unknown or null status */
    static StatusBadge of(String status) {
        if (status == null) {
            return null;
        }
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The label to print: the Indonesian one, or the status itself upper-cased when unknown. */
    static String labelOf(String status) {
        StatusBadge badge = of(status);
        if (badge != null) {
            return badge.label;
        }
        return status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
    }

    static Color colorOf(String status) {
        StatusBadge badge = of(status);
        return badge == null ? UNKNOWN_COLOR : badge.color;
    }
}
