package id.webrana.cloud.adapter.in.faces.admin;

import java.util.List;
import java.util.Locale;

/**
 * Chart.js configurations ({@code {type, data, options}}) as the JSON that {@code <p:chart value="...">} hands to
 * Chart.js: one data set over category labels, no animation (the chart is complete as soon as it shows), the y axis
 * from zero. Text is escaped for JSON and for the inline script PrimeFaces writes it into ({@code <}, {@code >} and
 * {@code &} as {@code \}{@code u00XX}), so a label can never end the script or an Ajax update's CDATA section.
 */
final class ChartJs {

    /** How a chart draws its one data set. */
    enum Kind {
        BAR("bar"), LINE("line");

        private final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    private ChartJs() {
    }

    /**
     * A chart of {@code values} over {@code labels}.
     *
     * @param label    the data set's name (tooltips, the canvas' description)
     * @param color    a CSS colour for bars, line and points
     * @param integers whether the values are counts (the y axis then shows whole numbers only)
     */
    static String chart(Kind kind, String label, List<String> labels, List<Long> values, String color,
                        boolean integers) {
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + values.size() + " values");
        }
        StringBuilder json = new StringBuilder(256 + labels.size() * 24);
        json.append("{\"type\":\"").append(kind.type).append("\",\"data\":{\"labels\":[");
        for (int i = 0; i < labels.size(); i++) {
            json.append(i == 0 ? "" : ",").append(string(labels.get(i)));
        }
        json.append("],\"datasets\":[{\"label\":").append(string(label)).append(",\"data\":[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append(values.get(i).longValue());
        }
        String fill = kind == Kind.LINE ? color + "33" : color;
        json.append("],\"backgroundColor\":").append(string(fill)).append(",\"borderColor\":").append(string(color))
                .append(",\"borderWidth\":2");
        if (kind == Kind.LINE) {
            json.append(",\"fill\":true,\"tension\":0.25,\"pointRadius\":3");
        }
        json.append("}]},\"options\":{\"animation\":false,\"responsive\":true,\"maintainAspectRatio\":false,")
                .append("\"plugins\":{\"legend\":{\"display\":false}},")
                .append("\"scales\":{\"y\":{\"beginAtZero\":true")
                .append(integers ? ",\"ticks\":{\"precision\":0}" : "")
                .append("},\"x\":{\"ticks\":{\"autoSkip\":true,\"maxRotation\":0}}}}}");
        return json.toString();
    }

    /** {@code text} as a JSON string literal, safe inside an inline script and a CDATA section. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
