package id.webrana.cloud.adapter.out.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import id.webrana.cloud.application.port.out.EmailSender.EmailMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmtpEmailSender} delivering to a real SMTP server (GreenMail, a fresh one per test on a free port). */
class SmtpEmailSenderGreenMailTest {

    private static final String SUBJECT = "Pembayaran diterima ✓ — VPS “web-1” sedang disiapkan";
    private static final String TEXT = "Halo Budi,\n\nPembayaran Rp 150.000 untuk pesanan #42 sudah kami terima — "
            + "terima kasih!\n";
    private static final String HTML = "<p>Halo <b>Budi</b>,</p><p>Pembayaran Rp&nbsp;150.000 untuk pesanan #42 "
            + "sudah kami terima — terima kasih!</p>";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "s3cret"));

    private SmtpSettings settings() {
        return SmtpSettings.of(greenMail.getSmtp().getServerSetup().getBindAddress(), greenMail.getSmtp().getPort())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private MimeMessage onlyReceived() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    @Test
    void an_email_arrives_as_multipart_alternative_with_a_plain_text_and_an_html_part_in_utf_8() throws Exception {
        new SmtpEmailSender(settings()).send(new EmailMessage("budi@example.id", SUBJECT, HTML, TEXT));

        MimeMessage received = onlyReceived();
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("budi@example.id");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart plain = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(plain.isMimeType("text/plain")).isTrue();
        assertThat(plain.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(((String) plain.getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat(html.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) html.getContent()).isEqualTo(HTML);
    }

    @Test
    void the_subject_is_utf_8_encoded_and_reads_back_unchanged() throws Exception {
        new SmtpEmailSender(settings()).send(new EmailMessage("budi@example.id", SUBJECT, HTML, TEXT));

        MimeMessage received = onlyReceived();
        assertThat(received.getHeader("Subject", null)).startsWithIgnoringCase("=?UTF-8?");
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
    }

    @Test
    void the_from_header_carries_the_configured_sender_and_display_name() throws Exception {
        new SmtpEmailSender(settings().withFrom("Tim WeBrana <tagihan@webrana.id>"))
                .send(new EmailMessage("budi@example.id", "Tagihan", null, "Tagihan Anda"));

        InternetAddress from = (InternetAddress) onlyReceived().getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("tagihan@webrana.id");
        assertThat(from.getPersonal()).isEqualTo("Tim WeBrana");
    }

    @Test
    void the_default_sender_is_webrana_cloud_no_reply() throws Exception {
        new SmtpEmailSender(settings()).send(new EmailMessage("budi@example.id", "Halo", null, "Halo"));

        InternetAddress from = (InternetAddress) onlyReceived().getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@webrana.local");
        assertThat(from.getPersonal()).isEqualTo("WeBrana Cloud");
    }

    @Test
    void without_an_html_body_the_email_is_plain_text_only() throws Exception {
        new SmtpEmailSender(settings()).send(new EmailMessage("budi@example.id", "Kode verifikasi", null,
                "Kode Anda: 123456"));

        MimeMessage received = onlyReceived();
        assertThat(received.isMimeType("text/plain")).isTrue();
        assertThat(((String) received.getContent()).strip()).isEqualTo("Kode Anda: 123456");
    }

    @Test
    void line_breaks_in_the_subject_cannot_inject_headers() throws Exception {
        new SmtpEmailSender(settings()).send(new EmailMessage("budi@example.id",
                "Halo\r\nBcc: victim@example.id", null, "isi"));

        MimeMessage received = onlyReceived();
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getSubject()).isEqualTo("Halo Bcc: victim@example.id");
        assertThat(greenMail.getReceivedMessagesForDomain("example.id")).hasSize(1);
    }

    @Test
    void smtp_auth_with_the_configured_user_and_password_delivers() throws Exception {
        new SmtpEmailSender(settings().withLogin("mailer", "s3cret"))
                .send(new EmailMessage("budi@example.id", "Halo", HTML, TEXT));

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_refused_login_is_transient_and_does_not_reveal_the_password() {
        SmtpEmailSender sender = new SmtpEmailSender(settings().withLogin("mailer", "wrong-password"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(new EmailMessage("budi@example.id", "Halo", HTML, TEXT)));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("535").contains("SMTP_USER").doesNotContain("wrong-password");
        assertThat(sender.toString()).doesNotContain("wrong-password");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void when_starttls_is_required_a_server_without_it_gets_nothing_in_clear_text() {
        SmtpEmailSender sender = new SmtpEmailSender(settings().withStartTls(true).withLogin("mailer", "s3cret"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(new EmailMessage("budi@example.id", "Halo", HTML, TEXT)));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).containsIgnoringCase("STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
