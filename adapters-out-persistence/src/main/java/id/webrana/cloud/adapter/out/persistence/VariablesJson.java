package id.webrana.cloud.adapter.out.persistence;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A notification's template variables in {@code notification_outbox.variables}: a flat JSON object of strings,
 * keys sorted. Written by hand (so producers need no JSON-P provider), read with Jakarta JSON Processing (Liberty's
 * {@code jsonp-2.1}; Parsson in the tests).
 */
final class VariablesJson {

    private VariablesJson() {
    }

    /** Looked up on first read, so that code only writing variables never needs a JSON-P provider. */
    private static final class Provider {
        static final JsonProvider JSON = JsonProvider.provider();
    }

    static String write(Map<String, String> variables) {
        StringBuilder sb = new StringBuilder("{");
        new TreeMap<>(variables).forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(k)).append(':').append(quote(v));
        });
        return sb.append('}').toString();
    }

    /** The variables; a non-string value (never written by {@link #write}) is read as its JSON text. */
    static Map<String, String> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        JsonObject object;
        try (var reader = Provider.JSON.createReader(new StringReader(stored))) {
            object = reader.readObject();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            JsonValue v = e.getValue();
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            variables.put(e.getKey(), v instanceof JsonString s ? s.getString() : v.toString());
        }
        return variables;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
