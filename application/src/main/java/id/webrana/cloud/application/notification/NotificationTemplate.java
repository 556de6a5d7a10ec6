package id.webrana.cloud.application.notification;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one event on one channel in one language ({@code notification_templates}, unique per
 * (event, channel, language)), editable by operators.
 *
 * <p><b>Syntax.</b> Subject and body are plain text with named variables written {@code {{name}}} (spaces inside
 * the braces allowed: {@code {{ name }}}); a name starts with a letter and continues with letters, digits or
 * {@code _}. Anything else after {@code {{} is refused. Markup is not interpreted: the renderer escapes the text
 * for HTML outputs, so {@code <b>} shows as written (see {@link TemplateRenderer}).
 *
 * <p><b>Validation.</b> The constructor checks the shape (language {@code id}/{@code en}, a channel name, a
 * body, a subject except on TELEGRAM, lengths, placeholder syntax). {@link #requireOnlyVariables(Set, Set)} checks
 * the variables against those the event declares for the template's channel (an event may keep some for the
 * OPERATOR copy): {@link TemplateCatalog#validate(NotificationTemplate)} does both and is what an edit goes
 * through.
 *
 * @param id        the row's id (defaults have a stable id: {@link TemplateCatalog#templateId})
 * @param event     the event, e.g. {@code ORDER_CREATED}
 * @param channel   EMAIL, TELEGRAM, IN_APP or OPERATOR
 * @param language  {@code id} or {@code en}
 * @param subject   email subject / in-app title / operator heading; may be empty on TELEGRAM (unused there)
 * @param body      the message
 * @param version   optimistic-lock version, 0 for a default never edited
 * @param updatedAt when it was last changed, or null for a default
 * @param updatedBy who changed it last (an {@code Actor}'s id), or null for a default
 */
public record NotificationTemplate(UUID id, String event, String channel, String language, String subject,
                                   String body, long version, Instant updatedAt, String updatedBy) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 10_000;

    /** A well-formed placeholder. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");

    public NotificationTemplate {
        Objects.requireNonNull(id, "id");
        if (event == null || event.isBlank()) {
            throw invalid("A template needs an event");
        }
        channel = NotificationChannel.parse(channel).name();
        language = NotificationPreferences.requireLanguage(language);
        subject = subject == null ? "" : subject.strip();
        body = body == null ? "" : body.strip();
        if (subject.isEmpty() && !NotificationChannel.TELEGRAM.name().equals(channel)) {
            throw invalid("The subject of " + event + "/" + channel + "/" + language + " must not be empty");
        }
        if (subject.length() > MAX_SUBJECT || subject.contains("\n") || subject.contains("\r")) {
            throw invalid("The subject must be one line of at most " + MAX_SUBJECT + " characters");
        }
        if (body.isEmpty()) {
            throw invalid("The body of " + event + "/" + channel + "/" + language + " must not be empty");
        }
        if (body.length() > MAX_BODY) {
            throw invalid("The body must be at most " + MAX_BODY + " characters");
        }
        requireWellFormed("subject", subject);
        requireWellFormed("body", body);
    }

    /** The variables subject and body use, in order of first use. */
    public Set<String> variablesUsed() {
        Set<String> used = new LinkedHashSet<>();
        for (String text : new String[] {subject, body}) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    /**
     * Refuses a template that uses a variable outside {@code declared} with VALIDATION_ERROR naming it (and the
     * variables that exist).
     */
    public void requireOnlyVariables(Set<String> declared) {
        requireOnlyVariables(declared, Set.of());
    }

    /**
     * Like {@link #requireOnlyVariables(Set)}, where {@code declared} are the variables this template's channel may
     * use and {@code operatorOnly} those of the event kept for the OPERATOR copy: using one of them is refused as
     * unknown here, and the message adds that it is for the OPERATOR template only.
     */
    public void requireOnlyVariables(Set<String> declared, Set<String> operatorOnly) {
        Set<String> unknown = new LinkedHashSet<>(variablesUsed());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            Set<String> forOperators = new LinkedHashSet<>(unknown);
            forOperators.retainAll(operatorOnly);
            throw invalid("Unknown variable" + (unknown.size() > 1 ? "s " : " ") + placeholders(unknown) + " in the "
                    + event + " template; " + event + (forOperators.isEmpty() ? "" : " on " + channel) + " knows "
                    + (declared.isEmpty() ? "no variables" : String.join(", ", new TreeSet<>(declared)))
                    + (forOperators.isEmpty() ? "" : " (" + placeholders(forOperators)
                    + (forOperators.size() > 1 ? " are" : " is") + " for the OPERATOR template only)"));
        }
    }

    private static String placeholders(Set<String> names) {
        StringBuilder out = new StringBuilder();
        names.forEach(n -> out.append(out.length() == 0 ? "" : ", ").append("{{").append(n).append("}}"));
        return out.toString();
    }

    /** The same template with new texts and editor, at the version it was read (the repository raises it on save). */
    public NotificationTemplate edited(String newSubject, String newBody, Instant at, String by) {
        return new NotificationTemplate(id, event, channel, language, newSubject, newBody, version, at, by);
    }

    /** The same row at another version (repositories). */
    public NotificationTemplate atVersion(long newVersion) {
        return new NotificationTemplate(id, event, channel, language, subject, body, newVersion, updatedAt, updatedBy);
    }

    private static void requireWellFormed(String part, String text) {
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                return;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            if (!m.find(open) || m.start() != open) {
                int end = Math.min(text.length(), open + 30);
                throw invalid("Malformed variable in the " + part + " at character " + (open + 1) + ": '"
                        + text.substring(open, end) + "'; write variables as {{name}}");
            }
            from = m.end();
        }
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorCode.VALIDATION_ERROR, message);
    }
}
