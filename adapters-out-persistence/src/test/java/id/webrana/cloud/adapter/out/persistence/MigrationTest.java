package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The changelog, each test on a database of its own (not the run's shared one). */
class MigrationTest {

    private String name;
    private PGSimpleDataSource ds;

    @BeforeEach
    void anEmptyDatabase() {
        name = TestDatabase.createEmptyDatabase();
        ds = TestDatabase.dataSourceFor(name);
    }

    @AfterEach
    void dropIt() {
        TestDatabase.drop(name);
    }

    @Test
    void theChangelogMigratesAnEmptyDatabaseWithLiquibasesXmlValidationOn() {
        assertThatCode(() -> LiquibaseMigrator.migrate(ds, true)).doesNotThrowAnyException();
        assertThat(count("SELECT COUNT(*) FROM vps_plans")).isEqualTo(5);
    }

    @Test
    void withoutTheDemoContextTheSchemaIsCreatedAndTheCatalogIsEmpty() {
        TestDatabase.migrate(ds, false);

        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name IN ('users', 'refresh_tokens', 'one_time_tokens', 'vps_images', 'vps_plans',"
                + " 'plan_prices', 'plan_images', 'plan_promos', 'coupons', 'coupon_redemptions', 'orders',"
                + " 'order_status_history', 'provisioning_tasks', 'instances', 'notification_outbox')")).isEqualTo(15);
        assertThat(count("SELECT COUNT(*) FROM vps_plans")).isZero();
        assertThat(count("SELECT COUNT(*) FROM coupons")).isZero();
    }

    @Test
    void theBillingTablesAreCreatedAfterTheCoreSchemaWithOrWithoutTheDemo() {
        TestDatabase.migrate(ds, false);

        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name IN ('invoice_sequences', 'invoices', 'invoice_lines', 'payment_attempts',"
                + " 'payments', 'payment_callbacks', 'wallets', 'wallet_entries')")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM databasechangelog WHERE id LIKE '0003-%'")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM information_schema.table_constraints WHERE constraint_name IN"
                + " ('uq_payments_gateway_reference', 'uq_wallet_entries_user_type_reference', 'uq_invoices_number',"
                + " 'uq_payment_attempts_merchant_ref', 'uq_payment_attempts_gateway_reference')")).isEqualTo(5);
    }

    @Test
    void theNotificationTablesAreCreatedAndTheDefaultTemplatesSeededWithOrWithoutTheDemo() {
        TestDatabase.migrate(ds, false);

        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name IN ('notification_templates', 'in_app_notifications', 'local_mailbox',"
                + " 'notification_preferences', 'telegram_link_codes')")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'notification_outbox'"
                + " AND column_name IN ('next_attempt_at', 'lease_until', 'claim_token', 'last_attempt_at')"))
                .isEqualTo(4);
        assertThat(count("SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_name = 'notification_outbox' AND column_name = 'dedupe_key'")).isEqualTo(250);
        assertThat(count("SELECT COUNT(*) FROM notification_templates"))
                .isEqualTo(id.webrana.cloud.application.notification.TemplateCatalog.defaultTemplates().size());
    }

    @Test
    void anOutboxRowWrittenBeforeTheNotificationsChangeSetsIsDeliveredAfterTheUpgrade() throws Exception {
        migrateWith("db/changelog-before-0004.xml");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notification_outbox (id, template, channel, recipient, locale, variables, dedupe_key,"
                    + " status, attempts, created_at) VALUES ('5a1c7a52-0000-4000-8000-000000000001', 'VPS_ACTIVE',"
                    + " 'EMAIL', 'siti@example.com', 'id', '{\"name\":\"Siti\"}', 'old-row', 'PENDING', 0,"
                    + " '2026-11-01T00:00:00Z')");
        }

        LiquibaseMigrator.migrate(ds, false);

        jakarta.persistence.EntityManagerFactory emf = TestDatabase.createEntityManagerFactory(ds, null);
        try {
            JpaTransactionRunner tx = new JpaTransactionRunner(emf);
            java.time.Instant now = java.time.Instant.parse("2026-11-23T03:00:00Z");
            var claimed = tx.inTransaction(() -> new JpaNotificationOutbox().claimDue(now, now.plusSeconds(300), 10));
            assertThat(claimed).singleElement().satisfies(m -> {
                assertThat(m.dedupeKey()).isEqualTo("old-row");
                assertThat(m.variables()).containsEntry("name", "Siti");
                assertThat(m.attempts()).isEqualTo(1);
            });
        } finally {
            emf.close();
        }
        assertThat(count("SELECT COUNT(*) FROM notification_templates"))
                .isEqualTo(id.webrana.cloud.application.notification.TemplateCatalog.defaultTemplates().size());
    }

    /** Runs another changelog (from the test class path) the way {@link LiquibaseMigrator} runs the master. */
    private void migrateWith(String changelog) throws Exception {
        try (Connection connection = ds.getConnection()) {
            liquibase.database.Database database = liquibase.database.DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(connection));
            liquibase.Scope.child(java.util.Map.of(liquibase.Scope.Attr.resourceAccessor.name(),
                    new liquibase.resource.ClassLoaderResourceAccessor(getClass().getClassLoader()),
                    "liquibase.analytics.enabled", Boolean.FALSE), () -> new liquibase.command.CommandScope(
                            liquibase.command.core.UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep.DATABASE_ARG,
                            database)
                    .addArgumentValue(liquibase.command.core.UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .addArgumentValue(liquibase.command.core.UpdateCommandStep.CONTEXTS_ARG, "!demo")
                    .execute());
        }
    }

    @Test
    void migratingAgainChangesNothingAndSeedsTheDemoOnlyOnce() {
        TestDatabase.migrate(ds, true);
        long changeSets = count("SELECT COUNT(*) FROM databasechangelog");

        TestDatabase.migrate(ds, true);

        assertThat(count("SELECT COUNT(*) FROM databasechangelog")).isEqualTo(changeSets);
        assertThat(count("SELECT COUNT(*) FROM vps_plans")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM plan_prices")).isEqualTo(15);
        assertThat(count("SELECT COUNT(*) FROM vps_images")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM plan_images")).isEqualTo(20);
    }

    private long count(String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
