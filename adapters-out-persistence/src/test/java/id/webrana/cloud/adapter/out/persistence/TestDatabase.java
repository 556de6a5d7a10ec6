package id.webrana.cloud.adapter.out.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import liquibase.Scope;
import liquibase.parser.ChangeLogParserFactory;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

import id.webrana.cloud.application.notification.TemplateCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One throw-away PostgreSQL database for the whole test run: {@code webrana_test_<random>} is
 * created on the {@code postgres} maintenance database, migrated once with the demo seed, shared
 * by every test class, and dropped ({@code WITH (FORCE)}) when the run ends.
 *
 * <p>Host, port and user come from {@code DB_HOST}, {@code DB_PORT}, {@code DB_USER} and
 * {@code DB_PASSWORD} when set, else 127.0.0.1:5432 and postgres (trust auth).
 */
final class TestDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TestDatabase.class.getName());

    final String name;
    final PGSimpleDataSource dataSource;
    final EntityManagerFactory emf;
    final JpaTransactionRunner tx;

    final JpaUserRepository users = new JpaUserRepository();
    final JpaRefreshTokenRepository refreshTokens = new JpaRefreshTokenRepository();
    final JpaOneTimeTokenRepository oneTimeTokens = new JpaOneTimeTokenRepository();
    final JpaPlanRepository plans = new JpaPlanRepository();
    final JpaImageRepository images = new JpaImageRepository();
    final JpaPromoRepository promos = new JpaPromoRepository();
    final JpaCouponRepository coupons = new JpaCouponRepository();
    final JpaOrderRepository orders = new JpaOrderRepository();
    final JpaProvisioningTaskRepository tasks = new JpaProvisioningTaskRepository();
    final JpaInstanceRepository instances = new JpaInstanceRepository();
    final OutboxNotifier notifier = new OutboxNotifier();
    final JpaInvoiceRepository invoices = new JpaInvoiceRepository();
    final JpaPaymentAttemptRepository paymentAttempts = new JpaPaymentAttemptRepository();
    final JpaPaymentRepository payments = new JpaPaymentRepository();
    final JpaWalletRepository wallets = new JpaWalletRepository();
    final JpaPaymentCallbackLog callbacks = new JpaPaymentCallbackLog();
    final JpaNotificationOutbox outbox = new JpaNotificationOutbox();
    final JpaNotificationTemplateRepository templates = new JpaNotificationTemplateRepository();
    final JpaInAppNotificationRepository inApp = new JpaInAppNotificationRepository();
    final JpaLocalMailbox mailbox = new JpaLocalMailbox();
    final JpaNotificationPreferencesRepository preferences = new JpaNotificationPreferencesRepository();
    final JpaInstanceActionRepository instanceActions = new JpaInstanceActionRepository();
    final JpaInstanceEventRepository instanceEvents = new JpaInstanceEventRepository();
    final JpaServerCredentialRepository credentials = new JpaServerCredentialRepository();
    final JpaUserAuditLog userAudit = new JpaUserAuditLog();

    private final AtomicBoolean closed = new AtomicBoolean();

    private TestDatabase(String name, PGSimpleDataSource dataSource, EntityManagerFactory emf) {
        this.name = name;
        this.dataSource = dataSource;
        this.emf = emf;
        this.tx = new JpaTransactionRunner(emf);
    }

    static TestDatabase create() {
        long start = System.nanoTime();
        String name = createEmptyDatabase();
        PGSimpleDataSource ds = dataSourceFor(name);
        EntityManagerFactory emf = null;
        try {
            migrate(ds, true);
            emf = createEntityManagerFactory(ds, null);
            TestDatabase db = new TestDatabase(name, ds, emf);
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "drop-" + name));
            LOG.info(() -> "Test database " + name + " ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            return db;
        } catch (RuntimeException | Error e) {
            if (emf != null) {
                emf.close();
            }
            drop(name);
            throw e;
        }
    }

    /** The persistence unit exactly as the application builds it ({@link JpaUnit#create}), deployed. */
    static EntityManagerFactory createEntityManagerFactory(DataSource ds, Class<?> ignored) {
        EntityManagerFactory emf = JpaUnit.create(ds);
        emf.createEntityManager().close();
        return emf;
    }

    /** Creates a new, empty {@code webrana_test_<random>} database and returns its name. */
    static String createEmptyDatabase() {
        String name = "webrana_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = dataSourceFor("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on PostgreSQL at "
                    + host() + ":" + port() + ": " + e.getMessage(), e);
        }
        return name;
    }

    /**
     * {@link LiquibaseMigrator#migrate} as the application runs it. Should the changelog fail Liquibase's
     * XML schema validation (see {@code MigrationTest}), it is run once more without that validation, so
     * that the rest of the suite still tests the schema the change sets create.
     */
    static void migrate(DataSource ds, boolean seedDemo) {
        try {
            LiquibaseMigrator.migrate(ds, seedDemo);
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).contains("ChangeLogParseException")) {
                throw e;
            }
            LOG.warning("The changelog does not pass Liquibase's XML validation (" + e.getMessage()
                    + "); migrating the test database without XML validation");
            // the XML parser reads the setting when it is created: make new ones, and again afterwards
            try {
                Scope.child(Map.of("liquibase.validateXmlChangelogFiles", Boolean.FALSE), () -> {
                    ChangeLogParserFactory.reset();
                    LiquibaseMigrator.migrate(ds, seedDemo);
                });
            } catch (RuntimeException again) {
                throw again;
            } catch (Exception again) {
                throw new IllegalStateException(again);
            } finally {
                ChangeLogParserFactory.reset();
            }
        }
    }

    static PGSimpleDataSource dataSourceFor(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host()});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(database);
        ds.setUser(env("DB_USER", "postgres"));
        String password = env("DB_PASSWORD", "");
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        ds.setApplicationName("webrana-persistence-tests");
        return ds;
    }

    private static String host() {
        return env("DB_HOST", "127.0.0.1");
    }

    private static int port() {
        return Integer.parseInt(env("DB_PORT", "5432"));
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                emf.close();
            } finally {
                drop(name);
            }
        }
    }

    static void drop(String name) {
        try (Connection c = dataSourceFor("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warning(() -> "Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers for tests

    <T> T inTx(Supplier<T> work) {
        return tx.inTransaction(work);
    }

    void inTx(Runnable work) {
        tx.inTransaction(work);
    }

    /** The entity manager of the running transaction (only inside {@link #inTx}). */
    static EntityManager em() {
        return JpaTransactionRunner.current();
    }

    /**
     * Removes everything but the catalog, so each test starts without users, orders, tasks, instances (with
     * their actions, history and credentials), invoices, payments, wallets and notifications, and every month's
     * invoice numbers start again at 1; puts the default notification templates back if a test changed them.
     */
    void cleanOperationalData() {
        execute("SET lock_timeout = '10s'; TRUNCATE server_credentials, instance_events, instance_actions,"
                + " instances, provisioning_tasks, order_status_history,"
                + " coupon_redemptions, orders, notification_outbox, refresh_tokens, one_time_tokens,"
                + " payment_callbacks, payments, payment_attempts, invoice_lines, invoices, invoice_sequences,"
                + " wallet_entries, wallets, in_app_notifications, notification_preferences, telegram_link_codes,"
                + " local_mailbox, user_audit_events, users");
        restoreDefaultTemplates();
    }

    /**
     * The seeded templates exactly (by the repository's rules: every row at version 0, never edited, as many as
     * the catalog has); otherwise the table is emptied and the seed change set's SQL run again.
     */
    void restoreDefaultTemplates() {
        long seeded = TemplateCatalog.defaultTemplates().size();
        long untouched = count("SELECT COUNT(*) FROM notification_templates"
                + " WHERE version = 0 AND updated_at IS NULL AND updated_by IS NULL");
        long all = count("SELECT COUNT(*) FROM notification_templates");
        if (untouched == seeded && all == seeded) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE notification_templates");
            s.execute(templateSeed());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not restore the default templates: " + e.getMessage(), e);
        }
    }

    /** The SQL of the template seed change set as the application ships it. */
    static String templateSeed() throws IOException {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(TemplateSeedSql.RESOURCE)) {
            if (in == null) {
                throw new IOException(TemplateSeedSql.RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, through plain JDBC (outside any JPA transaction). */
    Object scalar(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql, Object... params) {
        return ((Number) scalar(sql, params)).longValue();
    }

    /** Sessions on this database that wait for a lock (row locks show as a wait on a transaction id). */
    long sessionsWaitingForLock() {
        return count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** Polls {@code condition} until it holds, failing after {@code timeout}. */
    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    /** Gives every test class the run's database; test classes extend {@link PostgresTest}. */
    static final class Extension implements BeforeAllCallback, ParameterResolver {

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TestDatabase.class);

        static TestDatabase get(ExtensionContext context) {
            return context.getRoot().getStore(NS)
                    .getOrComputeIfAbsent(TestDatabase.class, k -> TestDatabase.create(), TestDatabase.class);
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            get(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return get(e);
        }
    }
}
