package id.webrana.cloud.adapter.in.faces.support;

import id.webrana.cloud.domain.shared.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of the web app (the resource bundle the pages read as {@code #{msg}}) for the beans, and page messages
 * from them. Bahasa Indonesia is the base bundle; {@code messages_id} exists (empty) so that a JVM whose default
 * locale is English never answers an Indonesian page in English.
 */
public final class Texts {

    public static final String BUNDLE = "id.webrana.cloud.adapter.in.faces.i18n.messages";

    private Texts() {
    }

    /** The text for {@code key} in {@code locale}, with {@code {0}}-style arguments; {@code ???key???} if missing. */
    public static String get(Locale locale, String key, Object... args) {
        try {
            String text = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader()).getString(key);
            return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    public static String get(String key, Object... args) {
        return get(Formats.pageLocale(), key, args);
    }

    /** Whether the bundle has {@code key}. */
    public static boolean has(String key) {
        try {
            ResourceBundle.getBundle(BUNDLE, Formats.pageLocale(), Texts.class.getClassLoader()).getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, null, get(key, args));
    }

    public static void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, null, get(key, args));
    }

    /** An error next to the input with client id {@code clientId}. */
    public static void fieldError(String clientId, String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, clientId, get(key, args));
    }

    /**
     * A refusal from a use case: the bundle's text for its code ({@code error.INSUFFICIENT_BALANCE}), or, for codes
     * whose message is the useful part (validation errors naming a field or a variable), that text after a label.
     */
    public static void error(DomainException e) {
        String key = "error." + e.code().name();
        String text = has(key) ? get(key) : get("error.generic");
        if (!has(key) || e.code().name().startsWith("VALIDATION") || e.code().name().startsWith("INVALID_TEMPLATE")) {
            text = text + " " + e.getMessage();
        }
        add(FacesMessage.SEVERITY_ERROR, null, text);
    }

    private static void add(FacesMessage.Severity severity, String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
