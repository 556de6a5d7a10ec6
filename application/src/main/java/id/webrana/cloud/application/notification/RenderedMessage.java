package id.webrana.cloud.application.notification;

/**
 * A template rendered with a notification's variables, in every form a channel needs.
 *
 * @param subject      the subject line, plain text (email subject, in-app title, operator heading); may be empty
 * @param text         the body as plain text, variables inserted as they are (email text part, in-app body)
 * @param html         the email's HTML part: a complete UTF-8 document; text and variables HTML-escaped
 * @param telegramHtml the Telegram message in HTML parse mode: the subject in bold (when there is one) and the
 *                     body, text and variables escaped ({@code <}, {@code >}, {@code &})
 */
public record RenderedMessage(String subject, String text, String html, String telegramHtml) {
}
