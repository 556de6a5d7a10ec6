package id.webrana.cloud.sandbox.tripay;

import java.util.Locale;

/**
 * Builds a dynamic QRIS payload (EMVCo Merchant-Presented Mode, as used by Bank Indonesia's QRIS) for a transaction:
 * tag-length-value fields ending with a CRC-16/CCITT-FALSE checksum. It is well-formed but points at no real
 * acquirer: scanning it with a banking app shows "WEBRANA SANDBOX" and fails, which is what a sandbox should do.
 */
public final class Qris {

    private static final String MERCHANT_NAME = "WEBRANA SANDBOX";
    private static final String MERCHANT_CITY = "JAKARTA";

    private Qris() {
    }

    /**
     * @param reference the Tripay reference (put in the reference label, cut to 25 characters)
     * @param amount the amount the customer pays
     * @return the payload
     */
    public static String payload(String reference, long amount) {
        String merchantAccount = tlv("00", "ID.CO.QRIS.WWW") + tlv("01", "936000140000000001")
                + tlv("02", "ID1026000000001") + tlv("03", "UMI");
        String additional = tlv("05", cut(reference, 25)) + tlv("07", "TRIPAYSBX");
        String withoutCrc = tlv("00", "01") + tlv("01", "12") + tlv("51", merchantAccount) + tlv("52", "4816")
                + tlv("53", "360") + tlv("54", Long.toString(amount)) + tlv("58", "ID")
                + tlv("59", MERCHANT_NAME) + tlv("60", MERCHANT_CITY) + tlv("61", "10110") + tlv("62", additional)
                + "6304";
        return withoutCrc + String.format(Locale.ROOT, "%04X", crc16(withoutCrc));
    }

    /**
     * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as EMVCo requires for tag 63.
     *
     * @param text ASCII text
     * @return the checksum, 0..0xFFFF
     */
    public static int crc16(String text) {
        int crc = 0xFFFF;
        for (int i = 0; i < text.length(); i++) {
            crc ^= (text.charAt(i) & 0xFF) << 8;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return crc;
    }

    private static String tlv(String tag, String value) {
        return tag + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
