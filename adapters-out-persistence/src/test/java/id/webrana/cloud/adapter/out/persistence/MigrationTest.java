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
