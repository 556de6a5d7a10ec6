package id.webrana.cloud.bootstrap;

import id.webrana.cloud.adapter.out.notify.SmtpEmailSender;
import id.webrana.cloud.adapter.out.notify.SmtpSettings;
import id.webrana.cloud.adapter.out.persistence.JpaInAppNotificationRepository;
import id.webrana.cloud.adapter.out.persistence.JpaLocalMailbox;
import id.webrana.cloud.adapter.out.persistence.JpaNotificationOutbox;
import id.webrana.cloud.adapter.out.persistence.JpaNotificationPreferencesRepository;
import id.webrana.cloud.adapter.out.persistence.JpaNotificationTemplateRepository;
import id.webrana.cloud.adapter.out.persistence.JpaTransactionRunner;
import id.webrana.cloud.adapter.out.persistence.JpaUnit;
import id.webrana.cloud.adapter.out.persistence.JpaUserRepository;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.EmailSender;
import id.webrana.cloud.application.port.out.EmailSender.EmailMessage;
import id.webrana.cloud.application.port.out.TelegramBot;
import id.webrana.cloud.application.service.NotificationDispatcher;
import id.webrana.cloud.application.service.NotificationSettings;
import id.webrana.cloud.domain.provisioning.Backoff;
import jakarta.persistence.EntityManagerFactory;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One notification dispatcher process, wired like the application wires it when SMTP is configured (the real
 * {@link NotificationDispatcher} on the JPA adapters and {@link JpaTransactionRunner}, email through the real
 * {@link SmtpEmailSender}, no Telegram bot) but without a container. Started by
 * {@link NotificationsSurviveProcessDeathTest} as a child JVM.
 *
 * <p>Arguments: {@code --db=<database> --smtp-host=<host> --smtp-port=<port> --lease-millis=N
 * --min-lease-left-millis=N [--timeout-seconds=N] [--halt-before-smtp | --halt-after-smtp]}.
 * <ul>
 *   <li>{@code --halt-before-smtp}: the process dies with {@code Runtime.halt(137)} the moment the dispatcher
 *       calls {@link EmailSender#send}: the row is claimed (IN_PROGRESS, leased, committed), nothing has reached
 *       the SMTP server.</li>
 *   <li>{@code --halt-after-smtp}: the real SMTP sender delivers the message (the server accepted it and the
 *       connection is closed), then the process dies before the dispatcher records SENT.</li>
 * </ul>
 * {@code Runtime.halt} runs no shutdown hooks, no rollback and no finally blocks: as close to {@code kill -9} as
 * Java gets. A halting process that never reaches a send exits {@value #EXIT_TIMEOUT} after the timeout.
 *
 * <p>Without a halt option it dispatches until the outbox has no open row (PENDING or IN_PROGRESS) left (exit 0),
 * waiting out leases held by dead processes, or until the timeout passes (exit {@value #EXIT_TIMEOUT}).
 */
public final class NotificationWorkerProcess {

    static final int EXIT_HALTED = 137;
    static final int EXIT_TIMEOUT = 4;
    static final String HALT_BEFORE_SMTP_MARKER = "HALTING before anything reached SMTP, email to ";
    static final String HALT_AFTER_SMTP_MARKER = "HALTING after the SMTP server accepted the email to ";

    private NotificationWorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String db = ChildJvm.required(args, "--db");
        String smtpHost = ChildJvm.required(args, "--smtp-host");
        int smtpPort = Integer.parseInt(ChildJvm.required(args, "--smtp-port"));
        Duration lease = Duration.ofMillis(Long.parseLong(ChildJvm.required(args, "--lease-millis")));
        Duration minLeaseLeft = Duration.ofMillis(Long.parseLong(ChildJvm.required(args, "--min-lease-left-millis")));
        Duration timeout = Duration.ofSeconds(Long.parseLong(ChildJvm.arg(args, "--timeout-seconds").orElse("20")));
        boolean haltBeforeSmtp = List.of(args).contains("--halt-before-smtp");
        boolean haltAfterSmtp = List.of(args).contains("--halt-after-smtp");

        PGSimpleDataSource dataSource = ThrowAwayDatabase.dataSource(db, "webrana-notify-crash-worker");
        EntityManagerFactory emf = JpaUnit.create(dataSource);
        JpaTransactionRunner tx = new JpaTransactionRunner(emf);
        EmailSender smtp = new SmtpEmailSender(SmtpSettings.of(smtpHost, smtpPort).withStartTls(false)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));
        EmailSender email = haltBeforeSmtp ? new HaltBeforeSend() : haltAfterSmtp ? new HaltAfterSend(smtp) : smtp;
        // quick retries, so that an unexpected transient failure shows up as a wrong attempt count, not a timeout
        NotificationSettings settings = new NotificationSettings(
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), 8, lease, minLeaseLeft, null, null,
                Duration.ofMinutes(15), 0);
        NotificationDispatcher dispatcher = new NotificationDispatcher(new JpaNotificationOutbox(),
                new JpaNotificationTemplateRepository(), new JpaNotificationPreferencesRepository(),
                new JpaUserRepository(), new JpaInAppNotificationRepository(), new JpaLocalMailbox(), email,
                new NoTelegram(), tx, Clock.systemUTC(), settings);
        System.out.println("dispatcher started (halt before SMTP: " + haltBeforeSmtp + ", halt after SMTP: "
                + haltAfterSmtp + ", lease " + lease + ")");

        long deadline = System.nanoTime() + timeout.toNanos();
        int exit = EXIT_TIMEOUT;
        int idlePolls = 0;
        while (System.nanoTime() < deadline) {
            int claimed = dispatcher.dispatchDue(10);
            if (claimed > 0) {
                System.out.println("claimed and dispatched " + claimed + " row(s)");
                continue;
            }
            if (!haltBeforeSmtp && !haltAfterSmtp && openRows(dataSource) == 0) {
                exit = 0;
                break;
            }
            idlePolls++; // e.g. a row still leased by a dead dispatcher
            Thread.sleep(100);
        }
        System.out.println("dispatcher done: " + openRows(dataSource) + " open outbox rows, " + idlePolls
                + " polls found nothing due, exit " + exit);
        System.out.flush();
        emf.close();
        System.exit(exit);
    }

    /** Outbox rows that are not finished: PENDING (due or not) or IN_PROGRESS (leased or not). */
    private static long openRows(PGSimpleDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notification_outbox"
                     + " WHERE status IN ('PENDING', 'IN_PROGRESS')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void halt(String marker, EmailMessage message) {
        System.out.println(marker + message.to() + ": " + message.subject());
        System.out.flush();
        Runtime.getRuntime().halt(EXIT_HALTED);
    }

    /** Dies the moment a send starts: nothing reaches the SMTP server. */
    private static final class HaltBeforeSend implements EmailSender {
        @Override
        public void send(EmailMessage message) {
            halt(HALT_BEFORE_SMTP_MARKER, message);
            throw new AssertionError("unreachable");
        }
    }

    /** The real SMTP sender, except that the process dies right after the server accepted the message. */
    private record HaltAfterSend(EmailSender delegate) implements EmailSender {
        @Override
        public void send(EmailMessage message) throws DeliveryException {
            delegate.send(message);
            halt(HALT_AFTER_SMTP_MARKER, message);
            throw new AssertionError("unreachable");
        }
    }

    /** No bot configured (the event under test goes out by email only). */
    private static final class NoTelegram implements TelegramBot {
        @Override
        public boolean isConfigured() {
            return false;
        }

        @Override
        public String username() {
            return null;
        }

        @Override
        public void sendMessage(String chatId, String htmlText) throws DeliveryException {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "no Telegram bot in this process");
        }

        @Override
        public List<Update> updates(long offset, int timeoutSeconds) {
            return List.of();
        }
    }
}
