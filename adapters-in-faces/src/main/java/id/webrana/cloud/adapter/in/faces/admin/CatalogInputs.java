package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.domain.catalog.CatalogViolation;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.shared.DomainException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * What the catalog forms share: reading numbers as operators type them ({@code 90.000}, {@code Rp 90.000},
 * {@code -5000}), Jakarta date-times, and showing a refused input next to its field.
 */
final class CatalogInputs {

    /** The bundle key of the text for a broken catalog rule: {@code admin.catalog.rule.<RULE>}. */
    static final String RULE_KEY = "admin.catalog.rule.";

    private CatalogInputs() {
    }

    /** Thrown by the parsers: the text of {@code field} is not a whole number. */
    static final class NotANumber extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;

        NotANumber(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    /**
     * A whole number as typed, or null when blank. Thousands dots, spaces and a leading {@code Rp} are ignored;
     * a minus sign is kept (the catalog says why a negative amount is refused).
     */
    static Long number(String text, String field) throws NotANumber {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip().replaceFirst("^(?i)rp", "").replace(".", "").replace(" ", "")
                .replace("\u00a0", "");
        if (!digits.matches("-?\\d{1,15}")) {
            throw new NotANumber(field);
        }
        return Long.parseLong(digits);
    }

    /** A whole number that fits an int, or null when blank. */
    static Integer integer(String text, String field) throws NotANumber {
        Long n = number(text, field);
        if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
            throw new NotANumber(field);
        }
        return n == null ? null : n.intValue();
    }

    /** A number the form requires: blank counts as not a number. */
    static long required(String text, String field) throws NotANumber {
        Long n = number(text, field);
        if (n == null) {
            throw new NotANumber(field);
        }
        return n;
    }

    static Instant instant(LocalDateTime jakarta) {
        return jakarta == null ? null : jakarta.atZone(Formats.JAKARTA).toInstant();
    }

    static LocalDateTime jakarta(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Formats.JAKARTA);
    }

    /** {@code Rp 10.000} or {@code 10%}. */
    static String discount(Discount d) {
        return d.type() == Discount.Type.PERCENT ? d.value() + "%" : Formats.money(d.value());
    }

    /** Shows "not a whole number" next to the field's input. */
    static void notANumber(String form, NotANumber e, Map<String, String> inputs) {
        Texts.fieldError(form + ":" + inputs.getOrDefault(e.field, e.field), "admin.catalog.invalid.number");
    }

    /**
     * Shows a refusal: a {@link CatalogViolation} in the page's language, next to the input of the field it names
     * when the form has one; anything else as a page message.
     *
     * @param inputs the form's input ids by command field name; a field not listed is its own input id
     */
    static void report(DomainException e, String form, Map<String, String> inputs) {
        if (e instanceof CatalogViolation v && Texts.has(RULE_KEY + v.rule().name())) {
            String key = RULE_KEY + v.rule().name();
            if (inputs.containsKey(v.field())) {
                Texts.fieldError(form + ":" + inputs.get(v.field()), key);
            } else {
                Texts.error(key);
            }
            return;
        }
        Texts.error(e);
    }
}
