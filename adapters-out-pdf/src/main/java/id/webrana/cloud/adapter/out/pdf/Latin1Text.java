package id.webrana.cloud.adapter.out.pdf;

import java.text.Normalizer;

/**
 * Makes arbitrary text safe for the PDF built-in (standard 14) fonts, which are not embedded and only cover
 * the WinAnsi character set: the result contains nothing outside ISO-8859-1.
 *
 * <p>Typographic punctuation becomes its ASCII look-alike (curly quotes, dashes, ellipsis), unusual spaces
 * become a space, accented letters outside Latin-1 lose their accents ({@code ễ} → {@code e}), control
 * characters except line feeds disappear and anything else (emoji, CJK, ...) becomes {@code ?}, so nothing is
 * dropped silently by the font encoder.
 */
final class Latin1Text {

    private Latin1Text() {
    }

    /** @return the cleaned text; {@code ""} for null */
    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> append(out, cp));
        return out.toString();
    }

    private static void append(StringBuilder out, int cp) {
        if (cp == '\n') {
            out.append('\n');
        } else if (cp == '\t') {
            out.append(' ');
        } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            // C0/C1 control characters (including \r): nothing to draw
        } else if (cp <= 0xFF) {
            out.append((char) cp);
        } else {
            out.append(replacement(cp));
        }
    }

    private static String replacement(int cp) {
        switch (cp) {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC -> {
                return "'";
            }
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033 -> {
                return "\"";
            }
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212 -> {
                return "-";
            }
            case 0x2026 -> {
                return "...";
            }
            case 0x2022, 0x2023, 0x2043 -> {
                return "\u00B7";
            }
            case 0x20AC -> {
                return "EUR";
            }
            case 0x2122 -> {
                return "TM";
            }
            case 0x0152 -> {
                return "OE";
            }
            case 0x0153 -> {
                return "oe";
            }
            case 0x0110 -> {
                return "D";
            }
            case 0x0111 -> {
                return "d";
            }
            case 0x0141 -> {
                return "L";
            }
            case 0x0142 -> {
                return "l";
            }
            case 0x0131 -> {
                return "i";
            }
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF -> {
                return "";
            }
            default -> {
                if (Character.isSpaceChar(cp)) {
                    return " ";
                }
                return withoutAccents(cp);
            }
        }
    }

    /** The base letters of a decomposable character when they are all Latin-1, else {@code ?}. */
    private static String withoutAccents(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c < 0x20 || c > 0xFF) {
                return "?";
            }
            base.append(c);
        }
        return base.length() == 0 ? "?" : base.toString();
    }
}
