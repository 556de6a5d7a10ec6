package id.webrana.cloud.sandbox.tripay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A QR Code (ISO/IEC 18004) encoder for one byte-mode segment, in plain Java, so that the checkout page can show the
 * QRIS payload as a scannable inline SVG without a library. Follows the well-known structure of Project Nayuki's
 * reference implementation: data bits, Reed–Solomon error correction over GF(256), block interleaving, function
 * patterns, zig-zag placement, the eight masks with the standard penalty score, format and version information.
 * Immutable.
 */
public final class QrCode {

    /** Error correction level. */
    public enum Ecc {
        /** ~7 % recovery. */
        LOW(1),
        /** ~15 % recovery. */
        MEDIUM(0),
        /** ~25 % recovery. */
        QUARTILE(3),
        /** ~30 % recovery. */
        HIGH(2);

        private final int formatBits;

        Ecc(int formatBits) {
            this.formatBits = formatBits;
        }
    }

    private static final byte[][] ECC_CODEWORDS_PER_BLOCK = {
        {-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
        {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
        {-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
        {-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    };

    private static final byte[][] NUM_ERROR_CORRECTION_BLOCKS = {
        {-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
        {-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
        {-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
        {-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
    };

    private final int version;
    private final int size;
    private final Ecc ecc;
    private final int mask;
    private final boolean[][] modules;
    private final boolean[][] isFunction;

    private QrCode(int version, Ecc ecc, byte[] dataCodewords, int forcedMask) {
        this.version = version;
        this.ecc = ecc;
        this.size = version * 4 + 17;
        this.modules = new boolean[size][size];
        this.isFunction = new boolean[size][size];
        drawFunctionPatterns();
        drawCodewords(addEccAndInterleave(dataCodewords));
        int chosen = forcedMask;
        if (chosen < 0) {
            int best = Integer.MAX_VALUE;
            for (int m = 0; m < 8; m++) {
                applyMask(m);
                drawFormatBits(m);
                int penalty = penaltyScore();
                if (penalty < best) {
                    best = penalty;
                    chosen = m;
                }
                applyMask(m); // undo (XOR)
            }
        }
        this.mask = chosen;
        applyMask(chosen);
        drawFormatBits(chosen);
    }

    /**
     * Encodes text (UTF-8 bytes) at the given level, in the smallest version that fits, with the mask of lowest
     * penalty.
     *
     * @param text the text
     * @param ecc the error correction level
     * @return the symbol
     * @throws IllegalArgumentException when the text is too long for any version
     */
    public static QrCode encodeText(String text, Ecc ecc) {
        return encodeBytes(text.getBytes(StandardCharsets.UTF_8), ecc, -1);
    }

    /**
     * @param data the bytes to encode (one byte-mode segment)
     * @param ecc the error correction level
     * @param mask 0..7 to force a mask, -1 to choose the best
     * @return the symbol
     */
    public static QrCode encodeBytes(byte[] data, Ecc ecc, int mask) {
        if (mask < -1 || mask > 7) {
            throw new IllegalArgumentException("mask must be -1..7");
        }
        for (int version = 1; version <= 40; version++) {
            int countBits = version <= 9 ? 8 : 16;
            int capacityBits = numDataCodewords(version, ecc) * 8;
            long usedBits = 4L + countBits + data.length * 8L;
            if (data.length < (1 << countBits) && usedBits <= capacityBits) {
                return new QrCode(version, ecc, dataCodewords(data, countBits, capacityBits), mask);
            }
        }
        throw new IllegalArgumentException("Data too long for a QR Code: " + data.length + " bytes");
    }

    private static byte[] dataCodewords(byte[] data, int countBits, int capacityBits) {
        BitBuffer bits = new BitBuffer(capacityBits);
        bits.append(0b0100, 4); // byte mode
        bits.append(data.length, countBits);
        for (byte b : data) {
            bits.append(b & 0xFF, 8);
        }
        bits.append(0, Math.min(4, capacityBits - bits.length)); // terminator
        bits.append(0, (8 - bits.length % 8) % 8);
        for (int pad = 0xEC; bits.length < capacityBits; pad ^= 0xEC ^ 0x11) {
            bits.append(pad, 8);
        }
        return bits.toBytes();
    }

    /** @return the version, 1..40 */
    public int version() {
        return version;
    }

    /** @return the side length in modules (without the quiet zone) */
    public int size() {
        return size;
    }

    /** @return the mask in use, 0..7 */
    public int mask() {
        return mask;
    }

    /** @return the error correction level */
    public Ecc ecc() {
        return ecc;
    }

    /**
     * @param x column, 0 = left
     * @param y row, 0 = top
     * @return whether the module is dark; {@code false} outside the symbol
     */
    public boolean isDark(int x, int y) {
        return x >= 0 && x < size && y >= 0 && y < size && modules[y][x];
    }

    /**
     * @param quietZone the light border in modules (4 per the standard)
     * @return an SVG document: one path of 1×1 squares, black on white, scalable
     */
    public String toSvg(int quietZone) {
        int dim = size + quietZone * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (modules[y][x]) {
                    path.append('M').append(x + quietZone).append(',').append(y + quietZone).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + dim + " " + dim
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }

    // ------------------------------------------------------------------ function patterns

    private void drawFunctionPatterns() {
        for (int i = 0; i < size; i++) {
            setFunction(6, i, i % 2 == 0);
            setFunction(i, 6, i % 2 == 0);
        }
        drawFinder(3, 3);
        drawFinder(size - 4, 3);
        drawFinder(3, size - 4);
        int[] align = alignmentPositions();
        int n = align.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean corner = (i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0);
                if (!corner) {
                    drawAlignment(align[i], align[j]);
                }
            }
        }
        drawFormatBits(0);
        drawVersion();
    }

    private void drawFormatBits(int msk) {
        int data = ecc.formatBits << 3 | msk;
        int rem = data;
        for (int i = 0; i < 10; i++) {
            rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
        }
        int bits = (data << 10 | rem) ^ 0x5412;
        for (int i = 0; i <= 5; i++) {
            setFunction(8, i, bit(bits, i));
        }
        setFunction(8, 7, bit(bits, 6));
        setFunction(8, 8, bit(bits, 7));
        setFunction(7, 8, bit(bits, 8));
        for (int i = 9; i < 15; i++) {
            setFunction(14 - i, 8, bit(bits, i));
        }
        for (int i = 0; i < 8; i++) {
            setFunction(size - 1 - i, 8, bit(bits, i));
        }
        for (int i = 8; i < 15; i++) {
            setFunction(8, size - 15 + i, bit(bits, i));
        }
        setFunction(8, size - 8, true); // the dark module
    }

    private void drawVersion() {
        if (version < 7) {
            return;
        }
        int rem = version;
        for (int i = 0; i < 12; i++) {
            rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
        }
        int bits = version << 12 | rem;
        for (int i = 0; i < 18; i++) {
            boolean b = bit(bits, i);
            int a = size - 11 + i % 3;
            int c = i / 3;
            setFunction(a, c, b);
            setFunction(c, a, b);
        }
    }

    private void drawFinder(int x, int y) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int dist = Math.max(Math.abs(dx), Math.abs(dy));
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && xx < size && yy >= 0 && yy < size) {
                    setFunction(xx, yy, dist != 2 && dist != 4);
                }
            }
        }
    }

    private void drawAlignment(int x, int y) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                setFunction(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
            }
        }
    }

    private int[] alignmentPositions() {
        if (version == 1) {
            return new int[0];
        }
        int numAlign = version / 7 + 2;
        int step = (version * 8 + numAlign * 3 + 5) / (numAlign * 4 - 4) * 2;
        int[] result = new int[numAlign];
        result[0] = 6;
        for (int i = result.length - 1, pos = size - 7; i >= 1; i--, pos -= step) {
            result[i] = pos;
        }
        return result;
    }

    private void setFunction(int x, int y, boolean dark) {
        modules[y][x] = dark;
        isFunction[y][x] = true;
    }

    // ------------------------------------------------------------------ codewords

    private byte[] addEccAndInterleave(byte[] data) {
        int ecl = ecc.ordinal();
        int numBlocks = NUM_ERROR_CORRECTION_BLOCKS[ecl][version];
        int blockEccLen = ECC_CODEWORDS_PER_BLOCK[ecl][version];
        int rawCodewords = numRawDataModules(version) / 8;
        int numShortBlocks = numBlocks - rawCodewords % numBlocks;
        int shortBlockLen = rawCodewords / numBlocks;
        byte[] divisor = reedSolomonDivisor(blockEccLen);
        byte[][] blocks = new byte[numBlocks][];
        for (int i = 0, k = 0; i < numBlocks; i++) {
            int datLen = shortBlockLen - blockEccLen + (i < numShortBlocks ? 0 : 1);
            byte[] dat = Arrays.copyOfRange(data, k, k + datLen);
            k += datLen;
            byte[] block = Arrays.copyOf(dat, shortBlockLen + 1);
            byte[] eccBytes = reedSolomonRemainder(dat, divisor);
            System.arraycopy(eccBytes, 0, block, block.length - blockEccLen, eccBytes.length);
            blocks[i] = block;
        }
        byte[] result = new byte[rawCodewords];
        for (int i = 0, k = 0; i < blocks[0].length; i++) {
            for (int j = 0; j < blocks.length; j++) {
                if (i != shortBlockLen - blockEccLen || j >= numShortBlocks) {
                    result[k++] = blocks[j][i];
                }
            }
        }
        return result;
    }

    private void drawCodewords(byte[] data) {
        int i = 0;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5;
            }
            for (int vert = 0; vert < size; vert++) {
                for (int j = 0; j < 2; j++) {
                    int x = right - j;
                    boolean upward = ((right + 1) & 2) == 0;
                    int y = upward ? size - 1 - vert : vert;
                    if (!isFunction[y][x] && i < data.length * 8) {
                        modules[y][x] = bit(data[i >>> 3], 7 - (i & 7));
                        i++;
                    }
                }
            }
        }
    }

    private void applyMask(int msk) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean invert = switch (msk) {
                    case 0 -> (x + y) % 2 == 0;
                    case 1 -> y % 2 == 0;
                    case 2 -> x % 3 == 0;
                    case 3 -> (x + y) % 3 == 0;
                    case 4 -> (x / 3 + y / 2) % 2 == 0;
                    case 5 -> x * y % 2 + x * y % 3 == 0;
                    case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
                    case 7 -> ((x + y) % 2 + x * y % 3) % 2 == 0;
                    default -> throw new IllegalStateException();
                };
                modules[y][x] ^= invert & !isFunction[y][x];
            }
        }
    }

    // ------------------------------------------------------------------ penalty (ISO 18004 §7.8.3)

    private int penaltyScore() {
        int result = 0;
        for (int y = 0; y < size; y++) {
            result += linePenalty(y, true);
        }
        for (int x = 0; x < size; x++) {
            result += linePenalty(x, false);
        }
        for (int y = 0; y < size - 1; y++) {
            for (int x = 0; x < size - 1; x++) {
                boolean c = modules[y][x];
                if (c == modules[y][x + 1] && c == modules[y + 1][x] && c == modules[y + 1][x + 1]) {
                    result += 3;
                }
            }
        }
        int dark = 0;
        for (boolean[] row : modules) {
            for (boolean m : row) {
                if (m) {
                    dark++;
                }
            }
        }
        int total = size * size;
        int k = (Math.abs(dark * 20 - total * 10) + total - 1) / total - 1;
        return result + k * 10;
    }

    /** Rule 1 (runs of 5+ of one colour) and rule 3 (finder-like 1:1:3:1:1 with 4 light modules on a side). */
    private int linePenalty(int index, boolean row) {
        int result = 0;
        int run = 1;
        for (int i = 1; i <= size; i++) {
            if (i < size && at(index, i, row) == at(index, i - 1, row)) {
                run++;
            } else {
                if (run >= 5) {
                    result += 3 + (run - 5);
                }
                run = 1;
            }
        }
        for (int i = 0; i + 7 <= size; i++) {
            if (at(index, i, row) && !at(index, i + 1, row) && at(index, i + 2, row) && at(index, i + 3, row)
                    && at(index, i + 4, row) && !at(index, i + 5, row) && at(index, i + 6, row)) {
                if (lightRun(index, i - 4, i, row) || lightRun(index, i + 7, i + 11, row)) {
                    result += 40;
                }
            }
        }
        return result;
    }

    private boolean lightRun(int index, int from, int to, boolean row) {
        for (int i = from; i < to; i++) {
            if (i >= 0 && i < size && at(index, i, row)) {
                return false;
            }
        }
        return true; // outside the symbol counts as light (quiet zone)
    }

    private boolean at(int index, int i, boolean row) {
        return row ? modules[index][i] : modules[i][index];
    }

    // ------------------------------------------------------------------ arithmetic

    private static int numRawDataModules(int ver) {
        int result = (16 * ver + 128) * ver + 64;
        if (ver >= 2) {
            int numAlign = ver / 7 + 2;
            result -= (25 * numAlign - 10) * numAlign - 55;
            if (ver >= 7) {
                result -= 36;
            }
        }
        return result;
    }

    private static int numDataCodewords(int ver, Ecc ecl) {
        return numRawDataModules(ver) / 8
                - ECC_CODEWORDS_PER_BLOCK[ecl.ordinal()][ver] * NUM_ERROR_CORRECTION_BLOCKS[ecl.ordinal()][ver];
    }

    private static byte[] reedSolomonDivisor(int degree) {
        byte[] result = new byte[degree];
        result[degree - 1] = 1;
        int root = 1;
        for (int i = 0; i < degree; i++) {
            for (int j = 0; j < result.length; j++) {
                result[j] = (byte) multiply(result[j] & 0xFF, root);
                if (j + 1 < result.length) {
                    result[j] ^= result[j + 1];
                }
            }
            root = multiply(root, 0x02);
        }
        return result;
    }

    private static byte[] reedSolomonRemainder(byte[] data, byte[] divisor) {
        byte[] result = new byte[divisor.length];
        for (byte b : data) {
            int factor = (b ^ result[0]) & 0xFF;
            System.arraycopy(result, 1, result, 0, result.length - 1);
            result[result.length - 1] = 0;
            for (int i = 0; i < result.length; i++) {
                result[i] ^= (byte) multiply(divisor[i] & 0xFF, factor);
            }
        }
        return result;
    }

    /** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1. */
    private static int multiply(int x, int y) {
        int z = 0;
        for (int i = 7; i >= 0; i--) {
            z = (z << 1) ^ ((z >>> 7) * 0x11D);
            z ^= ((y >>> i) & 1) * x;
        }
        return z;
    }

    private static boolean bit(int x, int i) {
        return ((x >>> i) & 1) != 0;
    }

    /** An append-only bit sequence, most significant bit first. */
    private static final class BitBuffer {
        private final byte[] bytes;
        private int length;

        BitBuffer(int capacityBits) {
            bytes = new byte[(capacityBits + 7) / 8];
        }

        void append(int value, int count) {
            for (int i = count - 1; i >= 0; i--, length++) {
                if (((value >>> i) & 1) != 0) {
                    bytes[length >>> 3] |= (byte) (0x80 >>> (length & 7));
                }
            }
        }

        byte[] toBytes() {
            return bytes.clone();
        }
    }
}
