package id.webrana.cloud.sandbox.tripay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QrCodeTest {

    /**
     * "HELLO" in byte mode, level M, mask 3, version 1. Known answer: identical to python-qrcode 8.2's matrix for the
     * same settings, and decoded back to "HELLO" by zbarimg 0.23.92 (checked when the encoder was written; so were
     * versions 1 to 39 at all four levels).
     */
    private static final String[] HELLO_M_MASK3 = {
        "111111101001001111111",
        "100000101111001000001",
        "101110100010101011101",
        "101110101010101011101",
        "101110100001001011101",
        "100000100001101000001",
        "111111101010101111111",
        "000000001001100000000",
        "101101110101101001011",
        "011011010111111001100",
        "100010100101000000011",
        "101100010001001111010",
        "010111111000100100101",
        "000000001111001000101",
        "111111101001100100000",
        "100000101010000111110",
        "101110100000111111011",
        "101110101011001011110",
        "101110101100101100100",
        "100000100010010110001",
        "111111101010010100000",
    };

    private static String[] rows(QrCode q) {
        String[] rows = new String[q.size()];
        for (int y = 0; y < q.size(); y++) {
            StringBuilder row = new StringBuilder();
            for (int x = 0; x < q.size(); x++) {
                row.append(q.isDark(x, y) ? '1' : '0');
            }
            rows[y] = row.toString();
        }
        return rows;
    }

    @Test
    void hello_encodes_to_the_known_symbol() {
        QrCode q = QrCode.encodeBytes("HELLO".getBytes(StandardCharsets.US_ASCII), QrCode.Ecc.MEDIUM, 3);

        assertThat(q.version()).isEqualTo(1);
        assertThat(rows(q)).containsExactly(HELLO_M_MASK3);
    }

    @Test
    void a_qris_payload_fits_a_version_that_grows_with_its_length_and_has_the_three_finder_patterns() {
        String payload = Qris.payload("DEV-T26000000001ABCDE", 86_345);

        QrCode q = QrCode.encodeText(payload, QrCode.Ecc.MEDIUM);

        assertThat(q.version()).isBetween(8, 10);
        assertThat(q.size()).isEqualTo(q.version() * 4 + 17);
        for (int[] corner : new int[][] {{0, 0}, {q.size() - 7, 0}, {0, q.size() - 7}}) {
            for (int i = 0; i < 7; i++) {
                assertThat(q.isDark(corner[0] + i, corner[1])).isTrue();
                assertThat(q.isDark(corner[0] + i, corner[1] + 6)).isTrue();
            }
            assertThat(q.isDark(corner[0] + 1, corner[1] + 1)).isFalse();
            assertThat(q.isDark(corner[0] + 3, corner[1] + 3)).isTrue();
        }
        assertThat(q.isDark(8, q.size() - 8)).as("the dark module").isTrue();
    }

    @Test
    void the_svg_has_one_square_per_dark_module_inside_a_quiet_zone() {
        QrCode q = QrCode.encodeBytes("HELLO".getBytes(StandardCharsets.US_ASCII), QrCode.Ecc.MEDIUM, 3);
        long dark = String.join("", HELLO_M_MASK3).chars().filter(c -> c == '1').count();

        String svg = q.toSvg(4);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("viewBox=\"0 0 29 29\"")
                .contains("M4,4h1v1h-1z");
        assertThat(svg.split("h1v1h-1z", -1)).hasSize((int) dark + 1);
    }

    @Test
    void too_much_data_is_refused() {
        assertThatThrownBy(() -> QrCode.encodeBytes(new byte[3000], QrCode.Ecc.HIGH, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_qris_checksum_is_crc16_ccitt_false() {
        assertThat(Qris.crc16("123456789")).isEqualTo(0x29B1);
        String payload = Qris.payload("DEV-T26000000001ABCDE", 86_345);
        String body = payload.substring(0, payload.length() - 4);

        assertThat(body).endsWith("6304");
        assertThat(payload.substring(payload.length() - 4)).isEqualTo(String.format("%04X", Qris.crc16(body)));
        assertThat(payload).startsWith("000201010212").contains("5303360", "540586345", "5802ID",
                "0521DEV-T26000000001ABCDE");
    }
}
