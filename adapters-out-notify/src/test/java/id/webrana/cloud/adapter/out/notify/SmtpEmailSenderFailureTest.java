package id.webrana.cloud.adapter.out.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import id.webrana.cloud.application.port.out.EmailSender.EmailMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link SmtpEmailSender} classifies failures, against a scripted SMTP server and no server at all. */
class SmtpEmailSenderFailureTest {

    private static final EmailMessage MESSAGE = new EmailMessage("budi@example.id", "Halo", "<p>Halo</p>", "Halo");

    private ScriptedSmtpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private SmtpEmailSender senderTo(String host, int port) {
        return new SmtpEmailSender(SmtpSettings.of(host, port)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(2)));
    }

    private DeliveryException failureOf(SmtpEmailSender sender, EmailMessage message) {
        return catchThrowableOfType(DeliveryException.class, () -> sender.send(message));
    }

    @Test
    void the_scripted_server_accepts_a_message_when_nothing_is_refused() throws Exception {
        senderTo(server.host(), server.port()).send(MESSAGE);

        assertThat(server.commands()).anyMatch(c -> c.startsWith("RCPT TO:<budi@example.id>"))
                .anyMatch(c -> c.equals("DATA"));
    }

    @Test
    void a_server_that_is_down_is_transient() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        DeliveryException failure = failureOf(senderTo("127.0.0.1", closedPort), MESSAGE);

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("could not connect");
    }

    @Test
    void a_server_that_never_answers_times_out_as_transient() {
        server.silent();

        DeliveryException failure = failureOf(senderTo(server.host(), server.port()), MESSAGE);

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("timed out");
    }

    @Test
    void a_recipient_the_server_does_not_know_is_permanent() {
        server.replyToRcpt("550 5.1.1 <budi@example.id>: Recipient address rejected: User unknown");

        DeliveryException failure = failureOf(senderTo(server.host(), server.port()), MESSAGE);

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).contains("budi@example.id").contains("550");
        assertThat(server.commands()).doesNotContain("DATA");
    }

    @ParameterizedTest(name = "RCPT {0} -> {1}")
    @CsvSource({
            "'451 4.7.1 Greylisted, try again later', TRANSIENT",
            "'452 4.2.2 Mailbox full', TRANSIENT",
            "'553 5.1.3 Bad recipient address syntax', PERMANENT",
            "'554 5.7.1 Relay access denied', PERMANENT"})
    void a_refused_recipient_is_transient_for_4xx_and_permanent_for_5xx(String reply, Kind expected) {
        server.replyToRcpt(reply);

        DeliveryException failure = failureOf(senderTo(server.host(), server.port()), MESSAGE);

        assertThat(failure.kind()).isEqualTo(expected);
        assertThat(failure.getMessage()).contains(reply.substring(0, 3));
    }

    @ParameterizedTest(name = "end of DATA {0} -> {1}")
    @CsvSource({
            "'421 4.3.0 Service shutting down', TRANSIENT",
            "'451 4.3.0 Local error in processing', TRANSIENT",
            "'552 5.3.4 Message size exceeds fixed limit', PERMANENT",
            "'554 5.7.1 Message rejected as spam', PERMANENT"})
    void a_refused_message_is_transient_for_4xx_and_permanent_for_5xx(String reply, Kind expected) {
        server.replyToData(reply);

        DeliveryException failure = failureOf(senderTo(server.host(), server.port()), MESSAGE);

        assertThat(failure.kind()).isEqualTo(expected);
        assertThat(failure.getMessage()).contains(reply.substring(0, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"budi", "budi@", "budi @example.id", "budi@example.id, eve@example.id",
            "budi@example.id\r\nBcc: eve@example.id", ""})
    void a_malformed_recipient_address_is_permanent_and_nothing_is_sent(String to) {
        DeliveryException failure = failureOf(senderTo(server.host(), server.port()),
                new EmailMessage(to, "Halo", null, "Halo"));

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).contains("invalid recipient address").doesNotContain("\r", "\n");
        assertThat(server.commands()).isEmpty();
    }

    @Test
    void without_smtp_host_the_sender_is_not_configured_and_refuses_to_send() {
        SmtpEmailSender sender = new SmtpEmailSender(SmtpSettings.resolve(name -> java.util.Optional.empty()));

        assertThat(sender.isConfigured()).isFalse();
        DeliveryException failure = failureOf(sender, MESSAGE);
        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).contains("SMTP_HOST");
    }
}
