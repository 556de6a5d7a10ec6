package id.webrana.cloud.sandbox.tripay;

/**
 * A minimal compact JSON writer that produces the bytes PHP's {@code json_encode} (default flags) would: no spaces,
 * {@code /} escaped as {@code \/}, every non-ASCII character as a lowercase {@code \}{@code uXXXX} escape. Tripay
 * is a PHP application, so its callback bodies look like this, and a receiver that re-serialises the JSON instead of
 * verifying the raw bytes gets a different signature.
 */
public final class PhpJson {

    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    private PhpJson() {
    }

    /** @return a new object writer */
    public static PhpJson object() {
        return new PhpJson();
    }

    /**
     * @param key a field name
     * @param value a string, or {@code null}
     * @return this
     */
    public PhpJson put(String key, String value) {
        key(key);
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
        return this;
    }

    /**
     * @param key a field name
     * @param value an integer
     * @return this
     */
    public PhpJson put(String key, long value) {
        key(key);
        out.append(value);
        return this;
    }

    /**
     * @param key a field name
     * @param value an integer, or {@code null}
     * @return this
     */
    public PhpJson put(String key, Long value) {
        key(key);
        out.append(value == null ? "null" : value.toString());
        return this;
    }

    /** @return the finished object */
    public String build() {
        return out + "}";
    }

    private void key(String key) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(out, key);
        out.append(':');
    }

    /**
     * Appends a JSON string literal escaped as PHP does.
     *
     * @param out where to append
     * @param value the string
     */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
