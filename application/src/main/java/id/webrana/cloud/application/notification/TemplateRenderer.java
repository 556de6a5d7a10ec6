package id.webrana.cloud.application.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a {@link NotificationTemplate} with a notification's variables.
 *
 * <ul>
 *   <li><b>Escaping.</b> The plain-text outputs (subject, text part) insert values as they are. The HTML outputs
 *       (email HTML part, Telegram HTML) escape both the template's own text and the values, so neither a
 *       customer-chosen hostname nor an operator's edit can inject markup. In the email HTML part, values of
 *       variables named {@code link}/{@code ...Link}/{@code url}/{@code ...Url} that are http(s) URLs become
 *       links, blank lines separate paragraphs and single line breaks become {@code <br>}.</li>
 *   <li><b>Money.</b> A variable whose name ends in {@code total}, {@code amount}, {@code balance},
 *       {@code price} or {@code discount} (any case: {@code basePrice} counts) and whose value is a whole number
 *       is shown in rupiah: {@code 1500000} becomes {@code Rp 1.500.000}.</li>
 *   <li><b>Dates.</b> A value that is an ISO-8601 instant or offset date-time ({@code 2026-11-23T03:15:00Z}) is
 *       shown in Asia/Jakarta time: {@code 23 November 2026 10:15 WIB} ({@code id}: Indonesian month names,
 *       {@code en}: English ones).</li>
 *   <li><b>Period.</b> The {@code period} variable's {@code DAILY}/{@code MONTHLY}/{@code YEARLY} become
 *       {@code harian}/{@code bulanan}/{@code tahunan} ({@code daily}/{@code monthly}/{@code yearly}).</li>
 *   <li>A variable the template uses but the notification lacks renders as an empty string (templates are
 *       validated against the declared variables, not against each producer's map).</li>
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class TemplateRenderer {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
    private static final Pattern MONEY_NAME =
            Pattern.compile(".*(total|amount|balance|price|discount)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_NAME = Pattern.compile("(link|url|.*Link|.*Url|.*URL)");
    private static final String[] MONTHS_ID = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    /** Renders {@code template} (its language decides month names and period words) with {@code variables}. */
    public RenderedMessage render(NotificationTemplate template, Map<String, String> variables) {
        String lang = template.language();
        String subject = fill(template.subject(), variables, lang, UnaryOperator.identity(), false);
        String text = fill(template.body(), variables, lang, UnaryOperator.identity(), false);
        String htmlSubject = fill(template.subject(), variables, lang, TemplateRenderer::escapeHtml, false);
        String htmlBody = fill(template.body(), variables, lang, TemplateRenderer::escapeHtml, true);
        String telegramBody = fill(template.body(), variables, lang, TemplateRenderer::escapeHtml, false);
        String telegram = htmlSubject.isEmpty() ? telegramBody : "<b>" + htmlSubject + "</b>\n\n" + telegramBody;
        return new RenderedMessage(subject, text, emailDocument(lang, htmlSubject, htmlBody), telegram);
    }

    /** The value as a reader sees it: money, dates and periods formatted, anything else unchanged. */
    public static String format(String name, String value, String language) {
        if (value == null) {
            return "";
        }
        String v = value.trim();
        if (MONEY_NAME.matcher(name).matches() && WHOLE_NUMBER.matcher(v).matches()) {
            return rupiah(Long.parseLong(v));
        }
        if (ISO_DATE_TIME.matcher(v).matches()) {
            Instant at = parseInstant(v);
            if (at != null) {
                return jakarta(at, language);
            }
        }
        if ("period".equals(name)) {
            return period(v, language);
        }
        return value;
    }

    /** {@code Rp 1.500.000} (dots group thousands, as written in Indonesia). */
    public static String rupiah(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder sb = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                sb.append('.');
            }
            sb.append(digits.charAt(i));
        }
        return (amount < 0 ? "-Rp " : "Rp ") + sb;
    }

    /** {@code 23 November 2026 10:15 WIB}. */
    public static String jakarta(Instant at, String language) {
        ZonedDateTime t = at.atZone(JAKARTA);
        String month = ("en".equals(language) ? MONTHS_EN : MONTHS_ID)[t.getMonthValue() - 1];
        return String.format(Locale.ROOT, "%d %s %d %02d:%02d WIB", t.getDayOfMonth(), month, t.getYear(),
                t.getHour(), t.getMinute());
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    public static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String fill(String template, Map<String, String> variables, String language,
                               UnaryOperator<String> escape, boolean linkify) {
        Matcher m = NotificationTemplate.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape.apply(template.substring(last, m.start())));
            String name = m.group(1);
            String value = format(name, variables.get(name), language);
            String shown = escape.apply(value);
            if (linkify && LINK_NAME.matcher(name).matches()
                    && (value.startsWith("https://") || value.startsWith("http://"))) {
                shown = "<a href=\"" + shown + "\">" + shown + "</a>";
            }
            out.append(shown);
            last = m.end();
        }
        out.append(escape.apply(template.substring(last)));
        return out.toString();
    }

    private static String emailDocument(String language, String htmlSubject, String htmlBody) {
        StringBuilder paragraphs = new StringBuilder();
        for (String para : htmlBody.split("\\R\\s*\\R")) {
            if (!para.isBlank()) {
                paragraphs.append("<p>").append(para.strip().replaceAll("\\R", "<br>\n")).append("</p>\n");
            }
        }
        return "<!DOCTYPE html>\n<html lang=\"" + language + "\">\n<head>\n<meta charset=\"UTF-8\">\n<title>"
                + htmlSubject + "</title>\n</head>\n<body style=\"font-family: Arial, Helvetica, sans-serif; "
                + "font-size: 14px; line-height: 1.5; color: #222;\">\n" + paragraphs + "</body>\n</html>\n";
    }

    private static Instant parseInstant(String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String period(String v, String language) {
        boolean en = "en".equals(language);
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "DAILY" -> en ? "daily" : "harian";
            case "MONTHLY" -> en ? "monthly" : "bulanan";
            case "YEARLY" -> en ? "yearly" : "tahunan";
            default -> v;
        };
    }
}
