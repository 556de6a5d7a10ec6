package id.webrana.cloud.adapter.out.notify;

import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import id.webrana.cloud.application.port.out.EmailSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The {@link EmailSender} that delivers through an SMTP server with Jakarta Mail 2.1 (Liberty's {@code mail-2.1}
 * feature provides the implementation).
 *
 * <p><b>Configuration</b>: see {@link SmtpSettings} ({@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USER},
 * {@code SMTP_PASS}, {@code SMTP_STARTTLS}, {@code MAIL_FROM}, timeouts), read once when the bean is created.
 * Without {@code SMTP_HOST} the bean is not {@linkplain #isConfigured() configured}: whoever wires the port must
 * choose another {@link EmailSender} then, since {@link #send} refuses to work.
 *
 * <p><b>The message</b>: {@code multipart/alternative} with a {@code text/plain} part and a {@code text/html} part
 * (plain text alone when there is no HTML body), UTF-8 throughout, the subject as a UTF-8 encoded word when it is not
 * ASCII. Line breaks in the subject are replaced by spaces (no header injection); the recipient must be exactly one
 * syntactically valid address.
 *
 * <p><b>Delivery</b>: one SMTP connection per message, opened, used and closed by {@link #send}; nothing is
 * retried here (the caller owns retries). A failure after the server accepted the message (while saying
 * {@code QUIT}) is ignored, so that an accepted message is never reported as failed and then sent twice.
 * Failures are classified by {@link SmtpFailures}: 5xx and invalid recipients are PERMANENT, the rest TRANSIENT.
 *
 * <p>Thread-safe: the Jakarta Mail {@link Session} is shared, each call uses its own {@link Transport}.
 */
@ApplicationScoped
public class SmtpEmailSender implements EmailSender {

    private static final Logger LOG = Logger.getLogger(SmtpEmailSender.class.getName());
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private Config config;
    private SmtpSettings settings;
    private Session session;

    /** For the CDI proxy only. */
    protected SmtpEmailSender() {
    }

    /** CDI constructor: the settings are resolved from {@code config} in {@link #init()}. */
    @Inject
    public SmtpEmailSender(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Over explicit settings (tests, tools). */
    public SmtpEmailSender(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(sessionProperties(settings));
    }

    /** Resolves the settings and creates the mail session. */
    @PostConstruct
    void init() {
        if (settings != null) {
            return;
        }
        settings = SmtpSettings.resolve(name -> config.getOptionalValue(name, String.class));
        session = Session.getInstance(sessionProperties(settings));
        if (settings.isConfigured()) {
            LOG.info(() -> "email goes out through SMTP " + settings.host() + ":" + settings.port()
                    + (settings.startTls() ? " (STARTTLS required)" : " (no STARTTLS)")
                    + (settings.user() != null ? " as " + settings.user() : " without login"));
        } else {
            LOG.info("SMTP_HOST is not set: no email is sent through SMTP");
        }
    }

    /** True when {@code SMTP_HOST} is set. */
    public boolean isConfigured() {
        return settings.isConfigured();
    }

    /** The settings in use (the password is never shown by their {@code toString()}). */
    public SmtpSettings settings() {
        return settings;
    }

    /**
     * Sends the message now.
     *
     * @throws DeliveryException PERMANENT for an invalid recipient, a 5xx reply, or when SMTP is not configured;
     *                           TRANSIENT for 4xx replies, connection problems, timeouts and a refused login
     */
    @Override
    public void send(EmailMessage message) throws DeliveryException {
        Objects.requireNonNull(message, "message");
        if (!settings.isConfigured()) {
            throw new DeliveryException(Kind.PERMANENT, "SMTP is not configured (" + SmtpSettings.HOST
                    + " is not set)");
        }
        InternetAddress to = recipient(message.to());
        MimeMessage mime;
        try {
            mime = compose(message, to);
        } catch (MessagingException e) {
            throw new DeliveryException(Kind.PERMANENT, "the email to " + to.getAddress() + " could not be built: "
                    + e.getMessage(), null, e);
        }
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.user(),
                    settings.user() == null ? null : Objects.requireNonNullElse(settings.password(), ""));
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            DeliveryException failure = SmtpFailures.classify(e, to.getAddress());
            LOG.log(Level.FINE, failure.getMessage(), e);
            throw failure;
        } finally {
            closeQuietly(transport);
        }
    }

    private static InternetAddress recipient(String to) throws DeliveryException {
        try {
            InternetAddress address = new InternetAddress(to.strip(), true);
            address.validate();
            return address;
        } catch (AddressException e) {
            // control characters shown escaped: the address may come from a user, the message goes to logs
            String message = "invalid recipient address '" + to + "': " + e.getMessage();
            throw new DeliveryException(Kind.PERMANENT,
                    message.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"), null, e);
        }
    }

    private MimeMessage compose(EmailMessage message, InternetAddress to) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(settings.fromAddress());
        mime.setRecipient(Message.RecipientType.TO, to);
        mime.setSubject(message.subject().replaceAll("[\\r\\n]+", " ").strip(), UTF_8);
        mime.setSentDate(new Date());
        String html = message.htmlBody();
        if (html == null || html.isBlank()) {
            mime.setText(message.textBody(), UTF_8, "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), UTF_8, "plain");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, UTF_8, "html");
            // in multipart/alternative the last part is the preferred one
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(htmlPart);
            mime.setContent(alternative);
        }
        mime.saveChanges();
        return mime;
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // the message (if any) was accepted before QUIT: never turn this into a failed send
            LOG.log(Level.FINE, "closing the SMTP connection failed", e);
        }
    }

    /** Jakarta Mail session properties for the settings (STARTTLS required when enabled, socket timeouts). */
    static Properties sessionProperties(SmtpSettings s) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        if (s.isConfigured()) {
            p.setProperty("mail.smtp.host", s.host());
        }
        p.setProperty("mail.smtp.port", String.valueOf(s.port()));
        p.setProperty("mail.smtp.auth", String.valueOf(s.user() != null));
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(s.startTls()));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(s.startTls()));
        if (s.startTls()) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            p.setProperty("mail.smtp.ssl.protocols", "TLSv1.2 TLSv1.3");
        }
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(s.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", String.valueOf(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(s.writeTimeout().toMillis()));
        p.setProperty("mail.mime.charset", UTF_8);
        return p;
    }

    @Override
    public String toString() {
        return "SmtpEmailSender[" + settings + "]";
    }
}
