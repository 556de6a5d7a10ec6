package id.webrana.cloud.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.webrana.cloud.adapter.out.notify.SmtpEmailSender;
import id.webrana.cloud.adapter.out.persistence.JpaNotificationPreferencesRepository;
import id.webrana.cloud.adapter.out.persistence.JpaOneTimeTokenRepository;
import id.webrana.cloud.adapter.out.persistence.JpaRefreshTokenRepository;
import id.webrana.cloud.adapter.out.persistence.JpaTransactionRunner;
import id.webrana.cloud.adapter.out.persistence.JpaUnit;
import id.webrana.cloud.adapter.out.persistence.JpaUserRepository;
import id.webrana.cloud.adapter.out.persistence.LiquibaseMigrator;
import id.webrana.cloud.adapter.out.persistence.OutboxNotifier;
import id.webrana.cloud.application.notification.FanOutNotifier;
import id.webrana.cloud.application.notification.TemplateCatalog;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import id.webrana.cloud.application.port.out.AccessTokenIssuer;
import id.webrana.cloud.application.port.out.PasswordHasher;
import id.webrana.cloud.application.service.AccountService;
import id.webrana.cloud.application.service.AccountSettings;
import id.webrana.cloud.application.service.NotificationDispatcher;
import id.webrana.cloud.bootstrap.ChildJvm.ChildRun;
import id.webrana.cloud.domain.account.User;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requirement, with real process deaths: killing the application between the state change and the
 * send still delivers the message once after the restart.
 *
 * <p>Everything that matters is real: PostgreSQL (its own database {@code webrana_notify_crash_<random>}, migrated
 * by {@link LiquibaseMigrator}), the JPA adapters, {@link AccountService} producing the notification through
 * {@code FanOutNotifier(OutboxNotifier)}, the {@link NotificationDispatcher} and the SMTP adapter
 * ({@link SmtpEmailSender}, Jakarta Mail). The SMTP server is GreenMail, running here in the test JVM, outside
 * the processes that die, so it keeps (and counts) every message the dead dispatchers handed over. The
 * dispatchers are child JVMs running {@link NotificationWorkerProcess}, with a lease of {@value #LEASE_MILLIS} ms
 * so the restart does not wait 5 minutes (the restarted JVM usually comes up while the dead one's lease is still
 * held and polls until it runs out; either way the test checks that the second claim is not earlier than the
 * lease's end); the killed one halts with {@code Runtime.halt} (no shutdown hooks, no rollback).
 *
 * <p>The customer's registration (the state change) commits the user, the verification token and the
 * {@code ACCOUNT_EMAIL_VERIFICATION} outbox row in one transaction, in this JVM, which never dispatches: the
 * process that changed the state is as good as gone before anything was sent. Then:
 * <ol>
 *   <li><b>Killed after the claim, before the send</b>
 *       ({@link #a_dispatcher_killed_between_the_claim_and_the_send_leaves_the_email_to_the_restart_which_delivers_it_once}):
 *       the first dispatcher commits its claim (IN_PROGRESS, leased) and dies the moment it would call SMTP. The
 *       restarted dispatcher waits out the dead one's lease, claims the row again and sends it: GreenMail holds
 *       exactly one email, in Bahasa Indonesia, and its link verifies the account. This is the "once":
 *       whatever happens between the state change and the send, the message is neither lost nor doubled.</li>
 *   <li><b>Killed after the SMTP server accepted the message, before SENT was committed</b>
 *       ({@link #a_dispatcher_killed_after_smtp_accepted_the_email_but_before_recording_it_causes_exactly_one_duplicate}):
 *       the database cannot know that the send happened, so the restart sends it again. GreenMail holds exactly
 *       two identical copies. This window, between the server's acceptance and the commit of SENT (a few
 *       milliseconds), is the only one in which a crash duplicates an email, and it duplicates it at most once per
 *       lease: delivery to an SMTP server is at least once. Exactly once would need an idempotent channel (SMTP
 *       has no idempotency key; a {@code Message-ID} does not make a server drop a second copy), so none is
 *       pretended here.</li>
 * </ol>
 * Two live dispatchers racing for the same rows are covered by {@code TwoDispatchersTest} in the persistence
 * adapter; they are not repeated here.
 */
class NotificationsSurviveProcessDeathTest {

    private static final long LEASE_MILLIS = 3_000;
    private static final long MIN_LEASE_LEFT_MILLIS = 500;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(30);
    /** The Bahasa Indonesia subject of {@code ACCOUNT_EMAIL_VERIFICATION} (a new customer's language). */
    private static final String SUBJECT_ID = "Verifikasi email Anda di WeBrana Cloud";
    private static final String BASE_URL = "http://localhost:9080";
    private static final Pattern VERIFY_LINK =
            Pattern.compile(Pattern.quote(BASE_URL + "/app/verify-email?token=") + "([A-Za-z0-9_-]{43})");

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ThrowAwayDatabase db = new ThrowAwayDatabase("webrana_notify_crash_", "webrana-notify-crash-test");
    private final String customer = "dewi-" + db.name().substring(db.name().length() - 12) + "@example.com";
    private final ChildJvm children = new ChildJvm(Path.of("target", "process-death", db.name()), CHILD_TIMEOUT);
    private EntityManagerFactory emf;
    private AccountService accounts;

    @BeforeEach
    void freshDatabaseAndTheApplicationThatRegistersCustomers() {
        db.createAndMigrate(false);
        emf = JpaUnit.create(db.dataSource());
        accounts = accountService(new JpaTransactionRunner(emf));
    }

    @AfterEach
    void killChildrenAndDropTheDatabase() {
        try {
            children.killAll();
        } finally {
            try {
                if (emf != null) {
                    emf.close();
                }
            } finally {
                db.drop();
            }
        }
    }

    @Test
    @Timeout(120)
    void a_dispatcher_killed_between_the_claim_and_the_send_leaves_the_email_to_the_restart_which_delivers_it_once()
            throws Exception {
        User user = registerTheCustomer();

        // run 1: the dispatcher claims the row and dies before anything reaches SMTP
        ChildRun crashed = runDispatcher("1-halt-before-smtp", "--halt-before-smtp");

        assertThat(crashed.exitCode()).as("the first dispatcher halted at the send\n%s", crashed.log())
                .isEqualTo(NotificationWorkerProcess.EXIT_HALTED);
        assertThat(crashed.log()).contains(NotificationWorkerProcess.HALT_BEFORE_SMTP_MARKER + customer + ": "
                + SUBJECT_ID);
        assertThat(greenMail.getReceivedMessages()).as("nothing reached the SMTP server").isEmpty();
        Instant deadLease = assertClaimedByTheDeadDispatcher();

        // run 2: the restart
        ChildRun restarted = runDispatcher("2-restart");

        assertThat(restarted.exitCode()).as("the restarted dispatcher emptied the outbox\n%s", restarted.log())
                .isZero();
        List<MimeMessage> received = receivedBy(customer);
        assertThat(received).as("exactly one email, over both processes").hasSize(1);
        assertThat(greenMail.getReceivedMessages()).as("and nothing else").hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo(SUBJECT_ID);
        String text = plainText(received.get(0));
        assertThat(text).startsWith("Halo Dewi Kirana,").contains("Terima kasih telah mendaftar di WeBrana Cloud");
        assertSentOnTheSecondClaimAfterTheDeadLease(deadLease);

        accounts.verifyEmail(verificationToken(text));
        assertThat(db.scalar("SELECT email_verified FROM users WHERE id = ?", user.id()))
                .as("the delivered link is the one the registration issued").isEqualTo(true);
    }

    @Test
    @Timeout(120)
    void a_dispatcher_killed_after_smtp_accepted_the_email_but_before_recording_it_causes_exactly_one_duplicate()
            throws Exception {
        User user = registerTheCustomer();

        // run 1: the SMTP server accepts the email, the dispatcher dies before it records SENT
        ChildRun crashed = runDispatcher("1-halt-after-smtp", "--halt-after-smtp");

        assertThat(crashed.exitCode()).as("the first dispatcher halted after the send\n%s", crashed.log())
                .isEqualTo(NotificationWorkerProcess.EXIT_HALTED);
        assertThat(crashed.log()).contains(NotificationWorkerProcess.HALT_AFTER_SMTP_MARKER + customer + ": "
                + SUBJECT_ID);
        assertThat(receivedBy(customer)).as("the SMTP server has the email").hasSize(1);
        Instant deadLease = assertClaimedByTheDeadDispatcher();

        // run 2: the restart cannot know the email went out, and sends it again
        ChildRun restarted = runDispatcher("2-restart");

        assertThat(restarted.exitCode()).as("the restarted dispatcher emptied the outbox\n%s", restarted.log())
                .isZero();
        List<MimeMessage> received = receivedBy(customer);
        assertThat(received).as("at least once to SMTP: one duplicate, no more").hasSize(2);
        assertThat(greenMail.getReceivedMessages()).as("and nothing else").hasSize(2);
        assertThat(received).extracting(MimeMessage::getSubject).containsExactly(SUBJECT_ID, SUBJECT_ID);
        String first = plainText(received.get(0));
        assertThat(plainText(received.get(1))).as("the same notification twice, not two notifications")
                .isEqualTo(first);
        assertSentOnTheSecondClaimAfterTheDeadLease(deadLease);

        accounts.verifyEmail(verificationToken(first));
        assertThat(db.scalar("SELECT email_verified FROM users WHERE id = ?", user.id())).isEqualTo(true);
    }

    // ---------------------------------------------------------------- the state change

    /**
     * Registers the customer through the real use case: the user, the verification token and the outbox row
     * commit together. Nothing is sent: this process runs no dispatcher.
     */
    private User registerTheCustomer() throws MessagingException {
        User user = accounts.register(new RegisterUserCommand(customer, "rahasia123".toCharArray(), "Dewi Kirana",
                "081234567890"));

        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox")).as("one row: the event is email only")
                .isEqualTo(1);
        assertThat(db.scalar("SELECT template || '/' || channel || '/' || recipient || '/' || status || '/' || attempts"
                + " FROM notification_outbox")).isEqualTo(TemplateCatalog.ACCOUNT_EMAIL_VERIFICATION + "/EMAIL/"
                + customer + "/PENDING/0");
        assertThat(db.scalar("SELECT dedupe_key FROM notification_outbox"))
                .as("fanned out by FanOutNotifier").isEqualTo("ACCOUNT_EMAIL_VERIFICATION:" + user.id() + ":EMAIL");
        assertThat(db.scalar("SELECT email_verified FROM users WHERE id = ?", user.id())).isEqualTo(false);
        assertThat(receivedBy(customer)).isEmpty();
        return user;
    }

    private AccountService accountService(JpaTransactionRunner tx) {
        JpaUserRepository users = new JpaUserRepository();
        Clock clock = Clock.systemUTC();
        PasswordHasher hasher = TestCredentials.plainHasher();
        AccessTokenIssuer tokens = TestCredentials.tokens(clock);
        return new AccountService(users, new JpaRefreshTokenRepository(), new JpaOneTimeTokenRepository(), hasher,
                tokens, new FanOutNotifier(new OutboxNotifier(), users, new JpaNotificationPreferencesRepository()),
                tx, clock, AccountSettings.defaults(BASE_URL));
    }

    // ---------------------------------------------------------------- the outbox row

    /** The dead dispatcher's claim committed and outlived it: IN_PROGRESS, leased, one attempt. Returns the lease. */
    private Instant assertClaimedByTheDeadDispatcher() {
        assertThat(db.scalar("SELECT status FROM notification_outbox")).isEqualTo("IN_PROGRESS");
        assertThat(db.count("SELECT attempts FROM notification_outbox")).isEqualTo(1);
        assertThat(db.scalar("SELECT claim_token FROM notification_outbox")).isNotNull();
        assertThat(db.scalar("SELECT sent_at FROM notification_outbox")).isNull();
        Instant lease = instant("SELECT lease_until FROM notification_outbox");
        Instant claimed = instant("SELECT last_attempt_at FROM notification_outbox");
        assertThat(Duration.between(claimed, lease)).isEqualTo(Duration.ofMillis(LEASE_MILLIS));
        return lease;
    }

    /** SENT by the restart's claim (the second), which waited for the dead dispatcher's lease to run out. */
    private void assertSentOnTheSecondClaimAfterTheDeadLease(Instant deadLease) {
        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox")).isEqualTo(1);
        assertThat(db.scalar("SELECT status FROM notification_outbox")).isEqualTo("SENT");
        assertThat(db.count("SELECT attempts FROM notification_outbox")).isEqualTo(2);
        assertThat(db.scalar("SELECT last_error FROM notification_outbox")).isNull();
        assertThat(db.scalar("SELECT claim_token FROM notification_outbox")).isNull();
        assertThat(db.scalar("SELECT lease_until FROM notification_outbox")).isNull();
        assertThat(instant("SELECT last_attempt_at FROM notification_outbox"))
                .as("claimed again only once the dead dispatcher's lease had run out").isAfterOrEqualTo(deadLease);
        assertThat(instant("SELECT sent_at FROM notification_outbox")).isAfterOrEqualTo(deadLease);
    }

    // ---------------------------------------------------------------- the SMTP server

    private List<MimeMessage> receivedBy(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            if (to != null && to.length == 1 && ((InternetAddress) to[0]).getAddress().equalsIgnoreCase(address)) {
                found.add(m);
            }
        }
        return found;
    }

    private static String plainText(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return ((String) part.getContent()).replace("\r\n", "\n");
                }
            }
            throw new AssertionError("no text/plain part in " + message.getContentType());
        }
        return ((String) content).replace("\r\n", "\n");
    }

    private static String verificationToken(String text) {
        Matcher m = VERIFY_LINK.matcher(text);
        assertThat(m.find()).as("a verification link in\n%s", text).isTrue();
        return m.group(1);
    }

    // ---------------------------------------------------------------- child JVMs

    /** Runs one dispatcher JVM to its end (bounded) and returns its exit code and output. */
    private ChildRun runDispatcher(String name, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--db=" + db.name(),
                "--smtp-host=" + greenMail.getSmtp().getServerSetup().getBindAddress(),
                "--smtp-port=" + greenMail.getSmtp().getPort(),
                "--lease-millis=" + LEASE_MILLIS,
                "--min-lease-left-millis=" + MIN_LEASE_LEFT_MILLIS,
                "--timeout-seconds=" + (CHILD_TIMEOUT.toSeconds() - 10)));
        args.addAll(List.of(options));
        return children.run("dispatcher", name, NotificationWorkerProcess.class, args,
                () -> "GreenMail holds " + greenMail.getReceivedMessages().length + " message(s)");
    }

    // ---------------------------------------------------------------- JDBC

    private Instant instant(String sql) {
        Object value = db.scalar(sql);
        assertThat(value).as(sql).isInstanceOf(Timestamp.class);
        return ((Timestamp) value).toInstant();
    }
}
