package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import id.webrana.cloud.domain.account.OneTimeToken;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;

/**
 * The persistence unit as the application builds it ({@link JpaUnit#create} on a plain PostgreSQL
 * data source), each test on a fresh migrated database of its own: what EclipseLink 4.0 would get wrong
 * without {@link EclipseLinkMappingRepairs}.
 */
class PersistenceUnitAsShippedTest {

    private String name;
    private PGSimpleDataSource ds;
    private EntityManagerFactory emf;

    @BeforeEach
    void aMigratedDatabase() {
        name = TestDatabase.createEmptyDatabase();
        ds = TestDatabase.dataSourceFor(name);
        TestDatabase.migrate(ds, true);
    }

    @AfterEach
    void dropIt() {
        if (emf != null) {
            emf.close();
        }
        TestDatabase.drop(name);
    }

    private JpaTransactionRunner unit(Class<?> workarounds) {
        emf = TestDatabase.createEntityManagerFactory(ds, workarounds);
        return new JpaTransactionRunner(emf);
    }

    @Test
    void anInstantIsStoredAsATimestampAndReadBack() {
        JpaTransactionRunner tx = unit(null);
        User user = Fixtures.newUser("instant");

        assertThatCode(() -> tx.inTransaction(() -> new JpaUserRepository().save(user))).doesNotThrowAnyException();
        assertThat(tx.inTransaction(() -> new JpaUserRepository().findById(user.id()))).get()
                .extracting(User::createdAt).isEqualTo(T0);
        assertThatCode(() -> tx.inTransaction(() -> new JpaCouponRepository().findByCode("HEMAT10")))
                .doesNotThrowAnyException();
    }

    @Test
    void anOrderWithoutAnInstanceYetIsStoredAndReadBack() {
        JpaTransactionRunner tx = unit(null);
        User user = Fixtures.newUser("uuid");
        tx.inTransaction(() -> new JpaUserRepository().save(user));
        Order order = Fixtures.newOrder(user.id(), "no-instance-yet", T0);
        tx.inTransaction(() -> new JpaOrderRepository().save(order));

        assertThat(tx.inTransaction(() -> new JpaOrderRepository().findById(order.id()))).get()
                .extracting(Order::instanceId).isNull();
    }

    @Test
    void anOrderRowWithANullInstanceIdIsReadBack() throws Exception {
        JpaTransactionRunner tx = unit(null);
        User user = Fixtures.newUser("uuidread");
        tx.inTransaction(() -> new JpaUserRepository().save(user));
        java.util.UUID orderId = java.util.UUID.randomUUID();
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO orders (id, user_id, status, plan_id, plan_name, size_slug, vcpu, memory_mb, disk_gb,"
                    + " transfer_tb, image_id, image_name, image_slug, hostname, region, billing_period, base_price,"
                    + " promo_discount, coupon_discount, final_price, created_at, payment_due_at) VALUES ('" + orderId
                    + "', '" + user.id() + "', 'PENDING_PAYMENT', '" + Fixtures.PLAN_BASIC_1GB + "', 'Basic 1 GB',"
                    + " 's-1vcpu-1gb', 1, 1024, 25, 1, '" + Fixtures.IMAGE_UBUNTU_2404 + "', 'Ubuntu', 'ubuntu-24-04-x64',"
                    + " 'raw', 'sgp1', 'MONTHLY', 90000, 0, 0, 90000, now(), now() + interval '1 day')");
        }

        assertThat(tx.inTransaction(() -> new JpaOrderRepository().findById(orderId))).get()
                .extracting(Order::instanceId).isNull();
    }

    @Test
    void aNewUserAndItsVerificationTokenAreStoredInOneTransaction() {
        JpaTransactionRunner tx = unit(null);
        User user = Fixtures.newUser("fk");

        assertThatCode(() -> tx.inTransaction(() -> {
            new JpaUserRepository().save(user);
            new JpaOneTimeTokenRepository().save(OneTimeToken.issue(user.id(), OneTimeToken.Purpose.EMAIL_VERIFICATION,
                    "e".repeat(64), T0.plus(Duration.ofDays(2))));
        })).doesNotThrowAnyException();
    }

    @Test
    void aPlanWithAllowedImagesIsStored() {
        JpaTransactionRunner tx = unit(null);
        var plan = id.webrana.cloud.domain.catalog.VpsPlan.create(
                new id.webrana.cloud.domain.catalog.VpsPlan.PlanSpec("Images", "s-1vcpu-512mb-10gb", 1, 512, 10, 1), 1,
                java.util.Map.of(id.webrana.cloud.domain.shared.BillingPeriod.MONTHLY,
                        id.webrana.cloud.domain.shared.Money.rupiah(50_000)),
                java.util.Set.of(Fixtures.IMAGE_DEBIAN_12));

        assertThatCode(() -> tx.inTransaction(() -> new JpaPlanRepository().save(plan))).doesNotThrowAnyException();
        assertThat(tx.inTransaction(() -> new JpaPlanRepository().findById(plan.id()))).get()
                .satisfies(p -> assertThat(p.allowedImageIds()).containsExactly(Fixtures.IMAGE_DEBIAN_12));
    }

}
