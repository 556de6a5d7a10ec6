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

    @Test
    void the_lifecycle_tables_and_the_indexes_of_its_rules_are_created() {
        TestDatabase.migrate(ds, false);

        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name IN ('instance_actions', 'instance_events', 'server_credentials')")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ux_instance_actions_one_in_progress'"
                + " AND indexdef LIKE 'CREATE UNIQUE INDEX%WHERE%IN_PROGRESS%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ix_instances_lifecycle_due'"
                + " AND indexdef LIKE '%(next_lifecycle_at)%WHERE%TERMINATED%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM information_schema.table_constraints"
                + " WHERE constraint_name = 'uq_instance_events_step' AND constraint_type = 'UNIQUE'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'provisioning_tasks'"
                + " AND column_name IN ('root_password', 'agent_token')")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'instances'"
                + " AND column_name IN ('period', 'renewal_price', 'expires_at') AND is_nullable = 'NO'")).isEqualTo(3);
    }

    @Test
    void instances_stored_before_the_lifecycle_change_sets_are_backfilled_from_their_orders() throws Exception {
        migrateWith("db/changelog-before-0006.xml");
        java.util.UUID user = java.util.UUID.randomUUID();
        java.util.UUID monthly = java.util.UUID.randomUUID();
        java.util.UUID yearly = java.util.UUID.randomUUID();
        java.util.UUID daily = java.util.UUID.randomUUID();
        java.util.UUID gone = java.util.UUID.randomUUID();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, email, password_hash, full_name, roles, created_at) VALUES ('" + user
                    + "', 'old@example.com', 'x', 'Old Customer', 'CUSTOMER', '2026-01-01T00:00:00Z')");
            s.execute(oldOrder(monthly, user, "MONTHLY", 90_000, 5_000));
            s.execute(oldOrder(yearly, user, "YEARLY", 900_000, 0));
            s.execute(oldOrder(daily, user, "DAILY", 3_000, 0));
            s.execute(oldOrder(gone, user, "MONTHLY", 90_000, 0));
            // expires_at NULL and long over: the upgrade grants seven days to renew
            s.execute(oldInstance(monthly, user, "ACTIVE", "2026-01-30T20:00:00Z", null));
            s.execute(oldInstance(yearly, user, "OFF", "2026-02-01T00:00:00Z", "'2027-02-01T00:00:00Z'"));
            s.execute(oldInstance(daily, user, "SUSPENDED", "2026-03-01T10:00:00Z", null));
            s.execute(oldInstance(gone, user, "TERMINATED", "2026-03-01T10:00:00Z", "'2026-04-01T10:00:00Z'"));
        }
        java.time.Instant before = java.time.Instant.now().minusSeconds(5);

        LiquibaseMigrator.migrate(inJakartaTime(ds), false);

        jakarta.persistence.EntityManagerFactory emf = TestDatabase.createEntityManagerFactory(ds, null);
        try {
            JpaTransactionRunner tx = new JpaTransactionRunner(emf);
            JpaInstanceRepository instances = new JpaInstanceRepository();
            java.util.function.Function<java.util.UUID, id.webrana.cloud.domain.provisioning.Instance> byOrder =
                    o -> tx.inTransaction(() -> instances.findByOrderId(o)).orElseThrow();
            var active = byOrder.apply(monthly);
            assertThat(active.status()).isEqualTo(id.webrana.cloud.domain.provisioning.Instance.Status.ACTIVE);
            assertThat(active.period()).isEqualTo(id.webrana.cloud.domain.shared.BillingPeriod.MONTHLY);
            assertThat(active.renewalPrice()).as("the list price, not the discounted first payment")
                    .isEqualTo(id.webrana.cloud.domain.shared.Money.rupiah(90_000));
            assertThat(active.expiresAt()).as("its month is over, and nobody could renew before the upgrade: "
                    + "seven days from the upgrade to pay, not a suspension on upgrade day")
                    .isBetween(before.plus(java.time.Duration.ofDays(7)),
                            java.time.Instant.now().plus(java.time.Duration.ofDays(7)).plusSeconds(5));
            assertThat(active.autoRenew()).isFalse();
            assertThat(active.nextLifecycleAt()).isAfter(before);
            assertThat(active.suspension()).isNull();
            assertThat(active.agentTokenHash()).isNull();

            var wasOff = byOrder.apply(yearly);
            assertThat(wasOff.status()).isEqualTo(id.webrana.cloud.domain.provisioning.Instance.Status.ACTIVE);
            assertThat(wasOff.period()).isEqualTo(id.webrana.cloud.domain.shared.BillingPeriod.YEARLY);
            assertThat(wasOff.renewalPrice()).isEqualTo(id.webrana.cloud.domain.shared.Money.rupiah(900_000));
            assertThat(wasOff.expiresAt()).as("a known expiry is kept")
                    .isEqualTo(java.time.Instant.parse("2027-02-01T00:00:00Z"));

            var suspended = byOrder.apply(daily);
            assertThat(suspended.status()).isEqualTo(id.webrana.cloud.domain.provisioning.Instance.Status.SUSPENDED);
            assertThat(suspended.suspension())
                    .isEqualTo(id.webrana.cloud.domain.provisioning.Instance.Suspension.OPERATOR);
            assertThat(suspended.suspendedAt()).isAfter(before);
            assertThat(suspended.expiresAt()).isEqualTo(java.time.Instant.parse("2026-03-02T10:00:00Z"));

            var terminated = byOrder.apply(gone);
            assertThat(terminated.terminatedAt()).isAfter(before);
            assertThat(terminated.nextLifecycleAt()).isNull();

            java.time.Instant now = java.time.Instant.now().plusSeconds(5);
            assertThat(tx.inTransaction(() -> instances.claimDueForLifecycle(now, 10)))
                    .extracting(id.webrana.cloud.domain.provisioning.Instance::orderId)
                    .as("every live instance is looked at once after the upgrade")
                    .containsExactlyInAnyOrder(monthly, yearly, daily);
        } finally {
            emf.close();
        }
    }

    private static String oldOrder(java.util.UUID id, java.util.UUID user, String period, long base, long promo) {
        return "INSERT INTO orders (id, user_id, status, plan_id, plan_name, size_slug, vcpu, memory_mb, disk_gb,"
                + " transfer_tb, image_id, image_name, image_slug, hostname, region, billing_period, base_price,"
                + " promo_discount, coupon_discount, final_price, created_at, payment_due_at, paid_at) VALUES ('" + id
                + "', '" + user + "', 'ACTIVE', '" + java.util.UUID.randomUUID() + "', 'Basic 1 GB', 's-1vcpu-1gb', 1,"
                + " 1024, 25, 1, '" + java.util.UUID.randomUUID() + "', 'Ubuntu', 'ubuntu-24-04-x64', 'old-"
                + id.toString().substring(0, 8) + "', 'sgp1', '" + period + "', " + base + ", " + promo + ", 0, "
                + (base - promo) + ", '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-01T01:00:00Z')";
    }

    /** An {@code instances} row as 0001 defined it; {@code expiresAt} is SQL (a quoted instant or null). */
    private static String oldInstance(java.util.UUID order, java.util.UUID user, String status, String createdAt,
                                      String expiresAt) {
        return "INSERT INTO instances (id, order_id, user_id, provider, provider_server_id, hostname, region,"
                + " size_slug, image_slug, ipv4, status, provider_created_at, created_at, expires_at) VALUES ('"
                + java.util.UUID.randomUUID() + "', '" + order + "', '" + user + "', 'DIGITALOCEAN', '"
                + Math.abs(order.getMostSignificantBits() % 1_000_000_000L) + "', 'old', 'sgp1', 's-1vcpu-1gb',"
                + " 'ubuntu-24-04-x64', '203.0.113.9', '" + status + "', '" + createdAt + "', '" + createdAt + "', "
                + expiresAt + ")";
    }

    /** {@code ds}, but every session in Asia/Jakarta time, so that a migration relying on the session zone shows. */
    private static javax.sql.DataSource inJakartaTime(javax.sql.DataSource ds) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(MigrationTest.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(ds, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Connection c) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SET TIME ZONE 'Asia/Jakarta'");
                        }
                    }
                    return result;
                });
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
