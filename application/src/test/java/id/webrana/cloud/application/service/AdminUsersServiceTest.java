package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.InMemoryUserAuditLog;
import id.webrana.cloud.application.port.in.AdminUsersUseCase.UserDetails;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.LoginCommand;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.TokenPair;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.account.UserAuditEvent;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static id.webrana.cloud.application.service.TestWorld.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminUsersServiceTest {

    private final TestWorld world = new TestWorld();
    private final InMemoryUserAuditLog audit = new InMemoryUserAuditLog();
    private final AdminUsersService admin;
    private final AccountProfileService profiles;
    private final User root;
    private final User operator;

    AdminUsersServiceTest() {
        world.tx.enlist(audit);
        admin = new AdminUsersService(world.users, world.orders, world.instances, world.wallets, world.refreshTokens,
                audit, world.tx, world.clock);
        profiles = new AccountProfileService(world.users, world.refreshTokens, world.oneTimeTokens, world.hasher,
                audit, world.tx, world.clock);
        root = staff("root@webrana.id", EnumSet.of(Role.SUPER_ADMIN, Role.ADMIN));
        operator = staff("ops@webrana.id", EnumSet.of(Role.ADMIN));
    }

    private User staff(String email, Set<Role> roles) {
        User user = new User(UUID.randomUUID(), new EmailAddress(email), "hash:" + PASSWORD, "Staff " + email, null,
                roles, true, true, world.clock.instant(), 0);
        world.tx.inTransaction(() -> {
            world.users.save(user);
            return null;
        });
        world.clock.advance(Duration.ofSeconds(1));
        return user;
    }

    private static Actor actor(User user) {
        return new Actor(Actor.Type.ADMIN, user.id().toString());
    }

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private User customer(String email) {
        User user = world.registerCustomer(email);
        world.clock.advance(Duration.ofSeconds(1));
        return user;
    }

    @Nested
    class Finding {

        @Test
        void users_are_found_by_part_of_their_email_name_or_id_newest_first() {
            User budi = customer("budi@example.id");
            User siti = customer("siti@toko.id");

            assertThat(admin.searchUsers("TOKO", null, null, new PageRequest(0, 10)).items())
                    .extracting(User::id).containsExactly(siti.id());
            assertThat(admin.searchUsers(budi.id().toString().substring(0, 8), null, null, new PageRequest(0, 10))
                    .items()).extracting(User::id).containsExactly(budi.id());
            Page<User> everyone = admin.searchUsers(" ", null, null, new PageRequest(0, 3));
            assertThat(everyone.total()).isEqualTo(4);
            assertThat(everyone.items()).extracting(User::id).containsExactly(siti.id(), budi.id(), operator.id());
        }

        @Test
        void users_are_filtered_by_role_and_by_whether_they_are_enabled() {
            User budi = customer("budi@example.id");
            admin.disableUser(budi.id(), actor(operator), "penipuan kartu");

            assertThat(admin.searchUsers(null, "admin", null, new PageRequest(0, 10)).items()).extracting(User::id)
                    .containsExactlyInAnyOrder(root.id(), operator.id());
            assertThat(admin.searchUsers(null, "SUPER_ADMIN", true, new PageRequest(0, 10)).items())
                    .extracting(User::id).containsExactly(root.id());
            assertThat(admin.searchUsers(null, null, false, new PageRequest(0, 10)).items()).extracting(User::id)
                    .containsExactly(budi.id());
            assertCode(ErrorCode.VALIDATION_ERROR, () -> admin.searchUsers(null, "OWNER", null, new PageRequest(0, 10)));
        }

        @Test
        void a_user_is_shown_with_their_orders_wallet_balance_servers_and_audit_trail() {
            Instance server = world.activeInstance();
            UUID owner = server.userId();
            world.topUp(owner, 250_000);

            UserDetails details = admin.getUser(owner);

            assertThat(details.user().id()).isEqualTo(owner);
            assertThat(details.recentOrders().items()).extracting(Order::id).containsExactly(server.orderId());
            assertThat(details.walletBalance().rupiah()).isEqualTo(250_000);
            assertThat(details.servers()).extracting(Instance::id).containsExactly(server.id());
            assertThat(details.audit()).isEmpty();
            assertCode(ErrorCode.USER_NOT_FOUND, () -> admin.getUser(UUID.randomUUID()));
        }
    }

    @Nested
    class DisablingAndEnabling {

        @Test
        void a_disabled_customer_cannot_sign_in_and_their_sessions_and_tokens_end() {
            User budi = customer("budi@example.id");
            Instant signedIn = world.clock.instant();
            TokenPair tokens = world.accounts.login(new LoginCommand("budi@example.id", PASSWORD.toCharArray()));
            world.clock.advance(Duration.ofMinutes(1));

            UserDetails details = admin.disableUser(budi.id(), actor(operator), "  chargeback berulang  ");

            assertThat(details.user().isEnabled()).isFalse();
            assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isFalse();
            assertCode(ErrorCode.ACCOUNT_DISABLED, () -> world.accounts.login(new LoginCommand("budi@example.id",
                    PASSWORD.toCharArray())));
            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> world.accounts.refresh(tokens.refreshToken()));
            assertThat(details.audit()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(UserAuditEvent.Type.DISABLED);
                assertThat(e.actor()).isEqualTo(actor(operator));
                assertThat(e.detail()).isEqualTo("chargeback berulang");
                assertThat(e.at()).isEqualTo(world.clock.instant());
            });
        }

        @Test
        void an_enabled_again_customer_signs_in_afresh_but_old_sessions_stay_over() {
            User budi = customer("budi@example.id");
            Instant oldSession = world.clock.instant();
            world.clock.advance(Duration.ofMinutes(1));
            admin.disableUser(budi.id(), actor(operator), "verifikasi identitas");
            world.clock.advance(Duration.ofMinutes(1));

            UserDetails details = admin.enableUser(budi.id(), actor(operator), "identitas terverifikasi");

            assertThat(details.user().isEnabled()).isTrue();
            assertThat(profiles.isSessionStillValid(budi.id(), oldSession)).isFalse();
            assertThat(world.accounts.login(new LoginCommand("budi@example.id", PASSWORD.toCharArray())).userId())
                    .isEqualTo(budi.id());
            assertThat(details.audit()).extracting(UserAuditEvent::type)
                    .containsExactly(UserAuditEvent.Type.ENABLED, UserAuditEvent.Type.DISABLED);
        }

        @Test
        void disabling_needs_a_reason_and_a_second_disabling_changes_nothing() {
            User budi = customer("budi@example.id");

            assertCode(ErrorCode.VALIDATION_ERROR, () -> admin.disableUser(budi.id(), actor(operator), " "));
            assertThat(world.users.findById(budi.id()).orElseThrow().isEnabled()).isTrue();

            admin.disableUser(budi.id(), actor(operator), "spam");
            admin.disableUser(budi.id(), actor(operator), "spam lagi");
            assertThat(audit.of(budi.id())).hasSize(1);
        }

        @Test
        void nobody_disables_their_own_account() {
            assertCode(ErrorCode.OWN_ACCOUNT_PROTECTED, () -> admin.disableUser(root.id(), actor(root), "uji coba"));
            assertThat(world.users.findById(root.id()).orElseThrow().isEnabled()).isTrue();
        }

        @Test
        void only_a_super_admin_disables_or_enables_an_administrator() {
            User other = staff("ops2@webrana.id", EnumSet.of(Role.ADMIN));

            assertCode(ErrorCode.PERMISSION_DENIED, () -> admin.disableUser(other.id(), actor(operator), "uji coba"));
            assertCode(ErrorCode.PERMISSION_DENIED, () -> admin.disableUser(root.id(), actor(operator), "kudeta"));
            assertCode(ErrorCode.PERMISSION_DENIED, () -> admin.disableUser(other.id(),
                    new Actor(Actor.Type.API_KEY, "ops-bot"), "otomatis"));

            admin.disableUser(other.id(), actor(root), "keluar dari tim");
            assertCode(ErrorCode.PERMISSION_DENIED, () -> admin.enableUser(other.id(), actor(operator), "kembali"));
            assertThat(admin.enableUser(other.id(), actor(root), "kembali ke tim").user().isEnabled()).isTrue();
        }
    }

    @Nested
    class ChangingRoles {

        @Test
        void a_super_admin_changes_roles_and_the_user_must_sign_in_again_with_them() {
            User budi = customer("budi@example.id");
            Instant signedIn = world.clock.instant();
            world.clock.advance(Duration.ofMinutes(1));

            UserDetails details = admin.changeRoles(budi.id(), Set.of("customer", "ADMIN"), actor(root),
                    "bergabung dengan tim support");

            assertThat(details.user().roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
            assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isFalse();
            assertThat(details.audit()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(UserAuditEvent.Type.ROLES_CHANGED);
                assertThat(e.actor()).isEqualTo(actor(root));
                assertThat(e.detail()).isEqualTo("CUSTOMER → CUSTOMER, ADMIN: bergabung dengan tim support");
            });
        }

        @Test
        void a_plain_admin_cannot_change_roles_not_even_their_own() {
            User budi = customer("budi@example.id");

            assertCode(ErrorCode.PERMISSION_DENIED,
                    () -> admin.changeRoles(budi.id(), Set.of("ADMIN"), actor(operator), "promosi"));
            assertCode(ErrorCode.PERMISSION_DENIED,
                    () -> admin.changeRoles(operator.id(), Set.of("SUPER_ADMIN"), actor(operator), "promosi diri"));
            assertCode(ErrorCode.PERMISSION_DENIED, () -> admin.changeRoles(budi.id(), Set.of("ADMIN"),
                    new Actor(Actor.Type.API_KEY, root.id().toString()), "lewat API"));
            assertThat(admin.mayChangeRoles(actor(operator))).isFalse();
            assertThat(admin.mayChangeRoles(actor(root))).isTrue();
            assertThat(world.users.findById(budi.id()).orElseThrow().roles()).containsExactly(Role.CUSTOMER);
            assertThat(audit.of(budi.id())).isEmpty();
        }

        @Test
        void a_super_admin_whose_account_lost_the_role_or_was_disabled_is_a_super_admin_no_more() {
            User second = staff("root2@webrana.id", EnumSet.of(Role.SUPER_ADMIN));
            admin.changeRoles(second.id(), Set.of("ADMIN"), actor(root), "turun jabatan");

            assertCode(ErrorCode.PERMISSION_DENIED,
                    () -> admin.changeRoles(operator.id(), Set.of("SUPER_ADMIN"), actor(second), "balas dendam"));

            User third = staff("root3@webrana.id", EnumSet.of(Role.SUPER_ADMIN));
            admin.disableUser(third.id(), actor(root), "cuti panjang");
            assertThat(admin.mayChangeRoles(actor(third))).isFalse();
        }

        @Test
        void a_super_admin_cannot_remove_their_own_super_admin_role_but_may_change_the_others() {
            assertCode(ErrorCode.OWN_ACCOUNT_PROTECTED,
                    () -> admin.changeRoles(root.id(), Set.of("ADMIN"), actor(root), "turun jabatan"));
            assertThat(world.users.findById(root.id()).orElseThrow().roles())
                    .containsExactlyInAnyOrder(Role.SUPER_ADMIN, Role.ADMIN);

            UserDetails details = admin.changeRoles(root.id(), Set.of("SUPER_ADMIN"), actor(root), "rapikan peran");
            assertThat(details.user().roles()).containsExactly(Role.SUPER_ADMIN);
        }

        @Test
        void roles_must_be_known_and_at_least_one_and_a_reason_given() {
            User budi = customer("budi@example.id");

            assertCode(ErrorCode.VALIDATION_ERROR, () -> admin.changeRoles(budi.id(), Set.of(), actor(root), "kosong"));
            assertCode(ErrorCode.VALIDATION_ERROR,
                    () -> admin.changeRoles(budi.id(), Set.of("OWNER"), actor(root), "tidak dikenal"));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> admin.changeRoles(budi.id(), Set.of("ADMIN"), actor(root), ""));
            assertCode(ErrorCode.USER_NOT_FOUND,
                    () -> admin.changeRoles(UUID.randomUUID(), Set.of("ADMIN"), actor(root), "tidak ada"));
        }

        @Test
        void the_same_roles_again_write_nothing_and_keep_the_sessions() {
            User budi = customer("budi@example.id");
            Instant signedIn = world.clock.instant();

            admin.changeRoles(budi.id(), Set.of("CUSTOMER"), actor(root), "tidak berubah");

            assertThat(audit.of(budi.id())).isEmpty();
            assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isTrue();
        }
    }
}
