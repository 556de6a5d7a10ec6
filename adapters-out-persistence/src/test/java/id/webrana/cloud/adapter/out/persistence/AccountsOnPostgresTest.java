package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.port.in.AdminUsersUseCase.UserDetails;
import id.webrana.cloud.application.port.out.OrderRepository.OrderSearch;
import id.webrana.cloud.application.port.out.OrderRepository.OrderSort;
import id.webrana.cloud.application.port.out.PasswordHasher;
import id.webrana.cloud.application.port.out.UserRepository.UserSearch;
import id.webrana.cloud.application.service.AccountProfileService;
import id.webrana.cloud.application.service.AdminUsersService;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.RefreshToken;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.account.UserAuditEvent;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.order.Hostname;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts on PostgreSQL: when sessions end, the operators' user search, the accounts' audit trail, the admin
 * order table's sorting, and the account services over the real repositories.
 */
class AccountsOnPostgresTest extends PostgresTest {

    private static final PasswordHasher PLAIN = new PasswordHasher() {
        @Override
        public String hash(char[] plain) {
            return "plain:" + new String(plain);
        }

        @Override
        public boolean matches(char[] plain, String hash) {
            return hash != null && hash.equals("plain:" + new String(plain));
        }
    };

    private User user(String email, String name, Set<Role> roles, boolean enabled, Instant createdAt) {
        User user = new User(UUID.randomUUID(), new EmailAddress(email), "plain:Rahasia123", name, "+6281234567890",
                roles, true, enabled, createdAt, 0);
        db.inTx(() -> db.users.save(user));
        return user;
    }

    private User stored(UUID id) {
        return db.inTx(() -> db.users.findById(id).orElseThrow());
    }

    @Test
    void the_end_of_a_users_sessions_is_stored_to_the_microsecond() {
        User budi = user("budi@example.id", "Budi", Set.of(Role.CUSTOMER), true, T0);
        assertThat(stored(budi.id()).sessionsValidAfter()).isNull();

        User read = stored(budi.id());
        read.endAllSessions(T0.plusNanos(123_456_789));
        db.inTx(() -> db.users.save(read));

        User again = stored(budi.id());
        assertThat(again.sessionsValidAfter()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(again.acceptsSessionStartedAt(T0.plusNanos(123_456_000))).isTrue();
        assertThat(again.acceptsSessionStartedAt(T0.plusNanos(123_455_000))).isFalse();
        assertThat(again.version()).isEqualTo(read.version() + 1);
    }

    @Test
    void users_are_searched_by_text_role_and_state_newest_first_and_paged() {
        User alice = user("alice.wijaya@example.com", "Alice Wijaya", Set.of(Role.CUSTOMER), true, T0);
        User bob = user("bob_99@toko.id", "Bob", Set.of(Role.CUSTOMER, Role.RESELLER), false,
                T0.plus(Duration.ofHours(1)));
        User ops = user("ops@webrana.id", "Operator", Set.of(Role.ADMIN, Role.SUPER_ADMIN), true,
                T0.plus(Duration.ofHours(2)));

        assertThat(search(new UserSearch(null, null, null))).containsExactly(ops.id(), bob.id(), alice.id());
        assertThat(search(new UserSearch("WIJAYA", null, null))).containsExactly(alice.id());
        assertThat(search(new UserSearch("_99", null, null))).as("an underscore is literal").containsExactly(bob.id());
        assertThat(search(new UserSearch("toko", null, null))).containsExactly(bob.id());
        assertThat(search(new UserSearch(alice.id().toString().substring(0, 13), null, null)))
                .containsExactly(alice.id());
        assertThat(search(new UserSearch("6281234", null, null))).hasSize(3);
        assertThat(search(new UserSearch(null, Role.ADMIN, null))).containsExactly(ops.id());
        assertThat(search(new UserSearch(null, Role.CUSTOMER, true))).containsExactly(alice.id());
        assertThat(search(new UserSearch(null, null, false))).containsExactly(bob.id());
        assertThat(search(new UserSearch(null, Role.SUPER_ADMIN, null))).containsExactly(ops.id());

        Page<User> second = db.inTx(() -> db.users.search(new UserSearch(null, null, null), new PageRequest(1, 2)));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).extracting(User::id).containsExactly(alice.id());
    }

    private List<UUID> search(UserSearch criteria) {
        return db.inTx(() -> db.users.search(criteria, new PageRequest(0, 50))).items().stream().map(User::id).toList();
    }

    @Test
    void the_audit_trail_keeps_who_what_when_and_why_newest_first() {
        User budi = user("budi@example.id", "Budi", Set.of(Role.CUSTOMER), true, T0);
        Actor admin = new Actor(Actor.Type.ADMIN, UUID.randomUUID().toString());
        UserAuditEvent disabled = UserAuditEvent.of(budi.id(), UserAuditEvent.Type.DISABLED, admin, "spam", T0);
        UserAuditEvent enabled = UserAuditEvent.of(budi.id(), UserAuditEvent.Type.ENABLED, admin, "clarified", T0);
        UserAuditEvent roles = UserAuditEvent.of(budi.id(), UserAuditEvent.Type.ROLES_CHANGED, admin, null,
                T0.plusSeconds(5));
        db.inTx(() -> List.of(disabled, enabled, roles).forEach(db.userAudit::record));

        List<UserAuditEvent> trail = db.inTx(() -> db.userAudit.latestOf(budi.id(), 10));

        assertThat(trail).containsExactly(roles, enabled, disabled);
        assertThat(db.inTx(() -> db.userAudit.latestOf(budi.id(), 1))).containsExactly(roles);
        assertThat(db.inTx(() -> db.userAudit.latestOf(UUID.randomUUID(), 10))).isEmpty();
    }

    @Test
    void the_admin_order_table_sorts_on_the_database_with_the_id_as_tie_breaker() {
        User zaki = user("zaki@example.id", "Zaki", Set.of(Role.CUSTOMER), true, T0);
        User ani = user("ani@example.id", "Ani", Set.of(Role.CUSTOMER), true, T0);
        Order cheap = order(zaki, "bravo", 50_000, T0);
        Order dear = order(ani, "charlie", 400_000, T0.plusSeconds(60));
        Order middle = order(zaki, "alpha", 90_000, T0.plusSeconds(120));
        dear.markPaid(new Actor(Actor.Type.ADMIN, "ops"), "BCA", T0.plusSeconds(180));
        db.inTx(() -> List.of(cheap, dear, middle).forEach(db.orders::save));

        assertThat(sorted(OrderSort.NEWEST_FIRST)).containsExactly(middle.id(), dear.id(), cheap.id());
        assertThat(sorted(new OrderSort(OrderSort.Key.HOSTNAME, true)))
                .containsExactly(middle.id(), cheap.id(), dear.id());
        assertThat(sorted(new OrderSort(OrderSort.Key.CUSTOMER_EMAIL, true)).get(0)).isEqualTo(dear.id());
        assertThat(sorted(new OrderSort(OrderSort.Key.FINAL_PRICE, false)))
                .containsExactly(dear.id(), middle.id(), cheap.id());
        assertThat(sorted(new OrderSort(OrderSort.Key.STATUS, true)).get(0)).as("PAID before PENDING_PAYMENT")
                .isEqualTo(dear.id());
        List<UUID> sameEmail = db.inTx(() -> db.orders.search(new OrderSearch(null, zaki.id(), null, null, null),
                new OrderSort(OrderSort.Key.CUSTOMER_EMAIL, true), new PageRequest(0, 1))).items().stream()
                .map(Order::id).toList();
        List<UUID> next = db.inTx(() -> db.orders.search(new OrderSearch(null, zaki.id(), null, null, null),
                new OrderSort(OrderSort.Key.CUSTOMER_EMAIL, true), new PageRequest(1, 1))).items().stream()
                .map(Order::id).toList();
        assertThat(List.of(sameEmail.get(0), next.get(0))).as("equal keys page without overlap")
                .containsExactlyInAnyOrder(cheap.id(), middle.id());
    }

    private Order order(User owner, String hostname, long price, Instant at) {
        PricingSnapshot pricing = new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(price), Money.rupiah(0),
                null, Money.rupiah(0), null, Money.rupiah(price));
        return Order.place(owner.id(), Fixtures.basicPlan(), Fixtures.ubuntu(), new Hostname(hostname), "sgp1",
                pricing, List.of(), Fixtures.customer(owner.id()), at, at.plus(Duration.ofHours(24)));
    }

    private List<UUID> sorted(OrderSort sort) {
        return db.inTx(() -> db.orders.search(new OrderSearch(null, null, null, null, null), sort,
                new PageRequest(0, 10))).items().stream().map(Order::id).toList();
    }

    @Test
    void disabling_through_the_service_ends_the_tokens_and_sessions_and_is_audited_in_one_transaction() {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(1)));
        AdminUsersService admin = new AdminUsersService(db.users, db.orders, db.instances, db.wallets,
                db.refreshTokens, db.userAudit, db.tx, clock);
        AccountProfileService profiles = new AccountProfileService(db.users, db.refreshTokens, db.oneTimeTokens,
                PLAIN, db.userAudit, db.tx, clock);
        User root = user("root@webrana.id", "Root", EnumSet.of(Role.SUPER_ADMIN, Role.ADMIN), true, T0);
        User budi = user("budi@example.id", "Budi", Set.of(Role.CUSTOMER), true, T0);
        RefreshToken token = RefreshToken.issue(budi.id(), UUID.randomUUID(), "a".repeat(64), T0,
                T0.plus(Duration.ofDays(30)));
        db.inTx(() -> db.refreshTokens.save(token));
        Instant signedIn = T0.plus(Duration.ofHours(1));
        assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isTrue();

        UserDetails details = admin.disableUser(budi.id(), new Actor(Actor.Type.ADMIN, root.id().toString()),
                "penipuan");

        assertThat(details.user().isEnabled()).isFalse();
        assertThat(details.walletBalance()).isEqualTo(Money.rupiah(0));
        assertThat(details.audit()).extracting(UserAuditEvent::type).containsExactly(UserAuditEvent.Type.DISABLED);
        assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isFalse();
        assertThat(db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL",
                budi.id())).isZero();

        admin.changeRoles(budi.id(), Set.of("CUSTOMER", "RESELLER"), new Actor(Actor.Type.ADMIN,
                root.id().toString()), "mitra baru");
        clock.advance(Duration.ofMinutes(1));
        admin.enableUser(budi.id(), new Actor(Actor.Type.ADMIN, root.id().toString()), "sudah jelas");
        User after = stored(budi.id());
        assertThat(after.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.RESELLER);
        assertThat(after.isEnabled()).isTrue();
        assertThat(profiles.isSessionStillValid(budi.id(), clock.instant())).isTrue();
        assertThat(admin.getUser(budi.id()).audit()).extracting(UserAuditEvent::type).containsExactly(
                UserAuditEvent.Type.ENABLED, UserAuditEvent.Type.ROLES_CHANGED, UserAuditEvent.Type.DISABLED);
    }
}
