package id.webrana.cloud.application.port.out;

import java.util.Map;

/**
 * Announces something to a person. Implementations must record the request in the caller's
 * transaction (a transactional outbox), so a message is sent if and only if the change that
 * caused it committed; delivery happens later.
 */
public interface Notifier {

    void notify(Notification notification);

    /**
     * @param template  what is announced, e.g. {@code ACCOUNT_EMAIL_VERIFICATION}
     * @param channel   EMAIL, TELEGRAM or IN_APP
     * @param recipient an email address, chat id or user id depending on the channel
     * @param dedupeKey the same key is announced once only
     */
    record Notification(String template, String channel, String recipient, String locale,
                        Map<String, String> variables, String dedupeKey) {
        public Notification {
            variables = Map.copyOf(variables);
        }

        public static Notification email(String template, String to, Map<String, String> variables,
                                         String dedupeKey) {
            return new Notification(template, "EMAIL", to, "id", variables, dedupeKey);
        }
    }
}
