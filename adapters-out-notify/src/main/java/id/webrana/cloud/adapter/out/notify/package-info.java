/**
 * Notification channels: email over SMTP and a Telegram bot, the out-adapters of the
 * {@link id.webrana.cloud.application.port.out.EmailSender} and {@link id.webrana.cloud.application.port.out.TelegramBot}
 * ports. Both report failures as {@link id.webrana.cloud.application.port.out.DeliveryException}s whose kind tells the
 * dispatcher what to do next; neither retries on its own.
 *
 * <ul>
 *   <li>{@link id.webrana.cloud.adapter.out.notify.SmtpEmailSender} with {@link id.webrana.cloud.adapter.out.notify.SmtpSettings}:
 *       Jakarta Mail 2.1, multipart/alternative (plain text + HTML, UTF-8), STARTTLS required by default;
 *       {@link id.webrana.cloud.adapter.out.notify.SmtpFailures} classifies SMTP failures.</li>
 *   <li>{@link id.webrana.cloud.adapter.out.notify.TelegramBotClient} with
 *       {@link id.webrana.cloud.adapter.out.notify.TelegramSettings}: the Bot API ({@code sendMessage},
 *       {@code getUpdates}, {@code getMe}) over MicroProfile Rest Client
 *       ({@link id.webrana.cloud.adapter.out.notify.TelegramBotApi}, {@link id.webrana.cloud.adapter.out.notify.TelegramDtos});
 *       {@link id.webrana.cloud.adapter.out.notify.TelegramFailures} classifies Bot API failures, and
 *       {@link id.webrana.cloud.adapter.out.notify.MaskedFailure} keeps the bot token out of every message.</li>
 * </ul>
 */
package id.webrana.cloud.adapter.out.notify;
