package id.webrana.cloud.arquillian;

import id.webrana.cloud.application.port.in.BrowseCatalogUseCase;
import id.webrana.cloud.application.port.in.BrowseCatalogUseCase.PlanOffer;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.out.ProvisioningTaskRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.Actor;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs inside Liberty, in a test war added to the real EAR (see {@link TestDeployments}): the use cases and ports
 * are the application's own CDI beans from the EAR's {@code lib/}, wired by its composition root, on the database
 * the application created and migrated at start-up. Assertions are JUnit's own (the JUnit jars are what Arquillian
 * ships into the deployment).
 */
@ExtendWith(ArquillianExtension.class)
class WiringAndTransactionIT {

    private static final UUID BASIC_1GB = UUID.fromString("22222222-0000-0000-0000-000000000001");
    private static final UUID UBUNTU_2404 = UUID.fromString("11111111-0000-0000-0000-000000002404");

    @Deployment
    static EnterpriseArchive deployment() {
        return TestDeployments.applicationWithTestWar(WiringAndTransactionIT.class);
    }

    @Inject
    BrowseCatalogUseCase catalog;

    @Inject
    PlaceOrderUseCase placeOrder;

    @Inject
    ChangePaymentStatusUseCase changePaymentStatus;

    @Inject
    TransactionRunner tx;

    @Inject
    UserRepository users;

    @Inject
    ProvisioningTaskRepository provisioningTasks;

    // ---------------------------------------------------------------- wiring

    @Test
    void use_cases_and_ports_are_injected_from_the_application() throws Exception {
        // inside the server: its JNDI namespace has the application's data source
        assertNotNull(new InitialContext().lookup("jdbc/webrana"), "running inside Liberty");
        assertNotNull(catalog, "BrowseCatalogUseCase");
        assertNotNull(placeOrder, "PlaceOrderUseCase");
        assertNotNull(changePaymentStatus, "ChangePaymentStatusUseCase");
        assertNotNull(tx, "TransactionRunner");
        assertNotNull(users, "UserRepository");
        assertNotNull(provisioningTasks, "ProvisioningTaskRepository");
    }

    @Test
    void the_catalog_comes_from_the_migrated_database() {
        List<PlanOffer> plans = catalog.listPlans();

        assertEquals(5, plans.size(), "the five demo plans seeded by the Liquibase changelog");
        PlanOffer basic = plans.stream().filter(p -> p.plan().id().equals(BASIC_1GB)).findFirst().orElseThrow();
        assertEquals("Basic 1 GB", basic.plan().name());
        assertTrue(basic.images().stream().anyMatch(i -> i.id().equals(UBUNTU_2404)), "Ubuntu 24.04 allowed");
        assertEquals(4, catalog.listImages().size(), "the four demo images");
    }

    @Test
    void an_order_is_placed_and_its_payment_approved_through_the_wired_use_cases() {
        User customer = User.register(uniqueEmail("order"), "not-a-real-hash", "Budi Santoso", null, Instant.now());
        tx.inTransaction(() -> users.save(customer));

        Order placed = placeOrder.placeOrder(new PlaceOrderCommand(customer.id(), BASIC_1GB, UBUNTU_2404, "MONTHLY",
                "web-arquillian", null, List.of()));
        assertEquals(OrderStatus.PENDING_PAYMENT, placed.status());
        assertEquals(90_000L, placed.pricing().finalPrice().rupiah(), "Basic 1 GB monthly, no coupon");

        Order paid = changePaymentStatus.changePaymentStatus(new PaymentDecisionCommand(placed.id(), Decision.APPROVE,
                "Transfer BCA diterima", new Actor(Actor.Type.ADMIN, "arquillian")));
        assertEquals(OrderStatus.PAID, paid.status());
        // approving commits the order and its provisioning task together (workers are off in this server)
        assertTrue(tx.inTransaction(() -> provisioningTasks.findByOrderId(placed.id())).isPresent(),
                "a provisioning task was committed with the payment decision");
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void work_that_completes_is_committed() throws Exception {
        EmailAddress email = uniqueEmail("commit");

        tx.inTransaction(() -> users.save(User.register(email, "not-a-real-hash", "Committed", null, Instant.now())));

        assertTrue(tx.inTransaction(() -> users.findByEmail(email)).isPresent(), "seen by a later transaction");
        assertEquals(1, rowsInUsersTable(email), "row in the database");
    }

    @Test
    void work_that_throws_is_rolled_back() throws Exception {
        EmailAddress email = uniqueEmail("rollback");
        IllegalStateException failure = new IllegalStateException("fails after saving");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            users.save(User.register(email, "not-a-real-hash", "Rolled Back", null, Instant.now()));
            // the insert really happened inside this transaction...
            assertTrue(users.findByEmail(email).isPresent(), "visible inside its own transaction");
            throw failure;
        }));

        assertSame(failure, thrown, "the work's own exception reaches the caller");
        // ...and is gone once the transaction is over
        assertTrue(tx.inTransaction(() -> users.findByEmail(email)).isEmpty(), "not seen by a later transaction");
        assertEquals(0, rowsInUsersTable(email), "no row in the database");
    }

    @Test
    void a_nested_call_joins_the_outer_transaction_and_rolls_back_with_it() throws Exception {
        EmailAddress outerEmail = uniqueEmail("outer");
        EmailAddress innerEmail = uniqueEmail("inner");

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            users.save(User.register(outerEmail, "not-a-real-hash", "Outer", null, Instant.now()));
            // the inner call completes normally, but it only joined the outer transaction: nothing commits yet
            tx.inTransaction(() -> users.save(User.register(innerEmail, "not-a-real-hash", "Inner", null,
                    Instant.now())));
            throw new IllegalStateException("outer work fails after the inner call returned");
        }));

        assertEquals(0, rowsInUsersTable(outerEmail), "outer insert rolled back");
        assertEquals(0, rowsInUsersTable(innerEmail), "inner insert rolled back with the outer transaction");
    }

    // ---------------------------------------------------------------- helpers

    private static EmailAddress uniqueEmail(String prefix) {
        return new EmailAddress(prefix + "-" + UUID.randomUUID() + "@arquillian.webrana.test");
    }

    /** Straight to PostgreSQL through the server's data source, bypassing JPA and its caches. */
    private static int rowsInUsersTable(EmailAddress email) throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup("jdbc/webrana");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM users WHERE email = ?")) {
            ps.setString(1, email.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
