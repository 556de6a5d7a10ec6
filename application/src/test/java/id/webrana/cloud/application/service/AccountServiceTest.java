package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AuthenticationUseCase.LoginCommand;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.TokenPair;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.OneTimeToken;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static id.webrana.cloud.application.service.TestWorld.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest {

    private final TestWorld world = new TestWorld();
    private final AccountService accounts = world.accounts;

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private TokenPair login(String email, String password) {
        return accounts.login(new LoginCommand(email, password.toCharArray()));
    }

    @Nested
    class Registration {

        @Test
        void a_visitor_registers_as_an_unverified_customer_with_a_hashed_password() {
            User user = accounts.register(new RegisterUserCommand("  Budi@Example.ID ", PASSWORD.toCharArray(),
                    "Budi Santoso", "0812-3456-7890"));

            User stored = world.users.findById(user.id()).orElseThrow();
            assertThat(stored.email().value()).isEqualTo("budi@example.id");
            assertThat(stored.passwordHash()).isEqualTo("hash:" + PASSWORD);
            assertThat(stored.roles()).containsExactly(Role.CUSTOMER);
            assertThat(stored.isEmailVerified()).isFalse();
            assertThat(stored.isEnabled()).isTrue();
            assertThat(stored.phone()).isEqualTo("081234567890");
        }

        @Test
        void registering_queues_a_verification_email_with_a_token_that_is_stored_only_hashed() {
            User user = world.registerCustomer("budi@example.id");

            Notification mail = world.notifier.only("ACCOUNT_EMAIL_VERIFICATION");
            assertThat(mail.channel()).isEqualTo("EMAIL");
            assertThat(mail.recipient()).isEqualTo("budi@example.id");
            assertThat(mail.dedupeKey()).isEqualTo("ACCOUNT_EMAIL_VERIFICATION:" + user.id());
            String token = mail.variables().get("token");
            assertThat(token).isNotBlank();
            assertThat(mail.variables().get("link")).isEqualTo("https://webrana.test/app/verify-email?token=" + token);
            assertThat(mail.variables()).containsEntry("name", "Budi Santoso");

            OneTimeToken stored = world.oneTimeTokens.all().get(0);
            assertThat(stored.purpose()).isEqualTo(OneTimeToken.Purpose.EMAIL_VERIFICATION);
            assertThat(stored.userId()).isEqualTo(user.id());
            assertThat(stored.tokenHash()).isNotEqualTo(token).isEqualTo(SecretTokens.hash(token));
            assertThat(stored.expiresAt()).isEqualTo(TestWorld.START.plus(Duration.ofDays(2)));
        }

        @Test
        void an_email_already_registered_is_refused_whatever_its_case() {
            world.registerCustomer("budi@example.id");

            assertCode(ErrorCode.EMAIL_ALREADY_REGISTERED, () -> world.registerCustomer("BUDI@example.id"));
            assertThat(world.users.count()).isEqualTo(1);
            assertThat(world.notifier.sent()).hasSize(1);
        }

        @Test
        void a_weak_password_is_refused_before_anything_is_stored() {
            assertCode(ErrorCode.WEAK_PASSWORD, () -> accounts.register(
                    new RegisterUserCommand("budi@example.id", "password".toCharArray(), "Budi", null)));
            assertThat(world.users.count()).isZero();
            assertThat(world.notifier.sent()).isEmpty();
            assertThat(world.hasher.hashes()).isZero();
        }

        @Test
        void a_malformed_email_or_name_is_a_validation_error() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> accounts.register(
                    new RegisterUserCommand("budi-at-example", PASSWORD.toCharArray(), "Budi", null)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> accounts.register(
                    new RegisterUserCommand("budi@example.id", PASSWORD.toCharArray(), " ", null)));
            assertThat(world.users.count()).isZero();
            assertThat(world.oneTimeTokens.all()).isEmpty();
            assertThat(world.notifier.sent()).isEmpty();
        }

        @Test
        void the_emailed_token_verifies_the_address_once() {
            User user = world.registerCustomer("budi@example.id");
            String token = world.notifier.only("ACCOUNT_EMAIL_VERIFICATION").variables().get("token");

            accounts.verifyEmail(token);

            assertThat(world.users.findById(user.id()).orElseThrow().isEmailVerified()).isTrue();
            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.verifyEmail(token));
        }

        @Test
        void an_unknown_blank_or_expired_verification_token_is_refused() {
            User user = world.registerCustomer("budi@example.id");
            String token = world.notifier.only("ACCOUNT_EMAIL_VERIFICATION").variables().get("token");

            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.verifyEmail("not-a-token"));
            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.verifyEmail(""));
            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.verifyEmail(null));
            world.clock.advance(Duration.ofDays(2));
            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.verifyEmail(token));
            assertThat(world.users.findById(user.id()).orElseThrow().isEmailVerified()).isFalse();
        }

        @Test
        void the_first_admin_is_created_once_verified_with_both_admin_roles() {
            assertThat(accounts.ensureAdmin("root@webrana.id", "Root-pass-1".toCharArray(), "Root")).isTrue();
            assertThat(accounts.ensureAdmin("ROOT@webrana.id", "other-pass-2".toCharArray(), "Root")).isFalse();

            User admin = world.users.findByEmail(new EmailAddress("root@webrana.id")).orElseThrow();
            assertThat(admin.roles()).containsExactlyInAnyOrder(Role.SUPER_ADMIN, Role.ADMIN);
            assertThat(admin.isEmailVerified()).isTrue();
            assertThat(login("root@webrana.id", "Root-pass-1").roles()).contains("admin", "super_admin");
        }
    }

    @Nested
    class SignIn {

        @Test
        void a_customer_signs_in_with_the_right_password() {
            User user = world.registerCustomer("budi@example.id");

            TokenPair pair = login("BUDI@example.id", PASSWORD);

            assertThat(pair.userId()).isEqualTo(user.id());
            assertThat(pair.roles()).containsExactly("customer");
            assertThat(pair.accessToken()).isEqualTo(world.accessTokens.issued().get(0).token().token());
            assertThat(pair.accessTokenExpiresAt()).isEqualTo(TestWorld.START.plus(Duration.ofMinutes(15)));
            assertThat(pair.refreshToken()).isNotBlank();
            assertThat(pair.refreshTokenExpiresAt()).isEqualTo(TestWorld.START.plus(Duration.ofDays(7)));
            assertThat(world.refreshTokens.ofUser(user.id())).singleElement()
                    .satisfies(t -> assertThat(t.tokenHash()).isEqualTo(SecretTokens.hash(pair.refreshToken())));
        }

        @Test
        void a_wrong_password_is_invalid_credentials() {
            world.registerCustomer("budi@example.id");
            assertCode(ErrorCode.INVALID_CREDENTIALS, () -> login("budi@example.id", "rahasia124"));
            assertThat(world.refreshTokens.all()).isEmpty();
        }

        @Test
        void an_unknown_email_is_the_same_invalid_credentials_and_still_costs_a_password_check() {
            assertCode(ErrorCode.INVALID_CREDENTIALS, () -> login("nobody@example.id", PASSWORD));
            assertCode(ErrorCode.INVALID_CREDENTIALS, () -> login("not an email", PASSWORD));
            assertThat(world.hasher.checksAgainstNoHash()).isEqualTo(2);
        }

        @Test
        void a_disabled_account_cannot_sign_in() {
            User user = world.registerCustomer("budi@example.id");
            disable(user);

            assertCode(ErrorCode.ACCOUNT_DISABLED, () -> login("budi@example.id", PASSWORD));
            // the wrong password still says nothing about the account
            assertCode(ErrorCode.INVALID_CREDENTIALS, () -> login("budi@example.id", "wrong-pass-1"));
        }

        @Test
        void a_refresh_rotates_the_token_and_the_old_one_is_refused() {
            world.registerCustomer("budi@example.id");
            TokenPair first = login("budi@example.id", PASSWORD);
            world.clock.advance(Duration.ofMinutes(14));

            TokenPair second = accounts.refresh(first.refreshToken());

            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(second.refreshTokenExpiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofDays(7)));
            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(first.refreshToken()));
        }

        @Test
        void replaying_a_rotated_token_revokes_the_whole_family() {
            world.registerCustomer("budi@example.id");
            TokenPair stolen = login("budi@example.id", PASSWORD);
            TokenPair victims = accounts.refresh(stolen.refreshToken());
            TokenPair newest = accounts.refresh(victims.refreshToken());

            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(stolen.refreshToken()));

            // the revocation committed although the caller got an error: the newest token is dead too
            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(newest.refreshToken()));
            assertThat(world.refreshTokens.all()).allSatisfy(t -> assertThat(t.isSpent()).isTrue());
        }

        @Test
        void revoking_one_family_leaves_the_other_sessions_alone() {
            world.registerCustomer("budi@example.id");
            TokenPair laptop = login("budi@example.id", PASSWORD);
            TokenPair phone = login("budi@example.id", PASSWORD);
            accounts.refresh(laptop.refreshToken());

            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(laptop.refreshToken()));

            assertThatCode(() -> accounts.refresh(phone.refreshToken())).doesNotThrowAnyException();
        }

        @Test
        void an_expired_unknown_or_blank_refresh_token_is_refused() {
            world.registerCustomer("budi@example.id");
            TokenPair pair = login("budi@example.id", PASSWORD);

            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh("made-up"));
            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(" "));
            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(null));
            world.clock.advance(Duration.ofDays(7));
            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(pair.refreshToken()));
        }

        @Test
        void a_disabled_account_cannot_refresh_and_loses_the_session() {
            User user = world.registerCustomer("budi@example.id");
            TokenPair pair = login("budi@example.id", PASSWORD);
            disable(user);

            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(pair.refreshToken()));
            assertThat(world.refreshTokens.ofUser(user.id())).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
        }

        @Test
        void logging_out_revokes_the_session() {
            world.registerCustomer("budi@example.id");
            TokenPair pair = login("budi@example.id", PASSWORD);
            TokenPair rotated = accounts.refresh(pair.refreshToken());

            accounts.logout(rotated.refreshToken());

            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(rotated.refreshToken()));
            assertThat(world.refreshTokens.all()).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
        }

        @Test
        void logging_out_with_an_unknown_or_missing_token_does_nothing() {
            assertThatCode(() -> {
                accounts.logout("unknown");
                accounts.logout(null);
                accounts.logout("");
            }).doesNotThrowAnyException();
        }
    }

    @Nested
    class PasswordRecovery {

        private String requestReset(String email) {
            accounts.requestPasswordReset(email);
            return world.notifier.sent("ACCOUNT_PASSWORD_RESET").get(world.notifier.sent("ACCOUNT_PASSWORD_RESET")
                    .size() - 1).variables().get("token");
        }

        @Test
        void a_reset_link_is_mailed_and_sets_a_new_password() {
            world.registerCustomer("budi@example.id");
            String token = requestReset("Budi@Example.id");

            Notification mail = world.notifier.only("ACCOUNT_PASSWORD_RESET");
            assertThat(mail.recipient()).isEqualTo("budi@example.id");
            assertThat(mail.variables().get("link")).isEqualTo("https://webrana.test/app/reset-password?token=" + token);

            accounts.resetPassword(token, "baru-rahasia-9".toCharArray());

            assertThat(login("budi@example.id", "baru-rahasia-9")).isNotNull();
            assertCode(ErrorCode.INVALID_CREDENTIALS, () -> login("budi@example.id", PASSWORD));
        }

        @Test
        void a_reset_token_works_once() {
            world.registerCustomer("budi@example.id");
            String token = requestReset("budi@example.id");
            accounts.resetPassword(token, "baru-rahasia-9".toCharArray());

            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.resetPassword(token, "lagi-rahasia-8".toCharArray()));
            assertThat(login("budi@example.id", "baru-rahasia-9")).isNotNull();
        }

        @Test
        void an_expired_reset_token_is_refused() {
            world.registerCustomer("budi@example.id");
            String token = requestReset("budi@example.id");
            world.clock.advance(Duration.ofHours(1));

            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.resetPassword(token, "baru-rahasia-9".toCharArray()));
            assertThat(login("budi@example.id", PASSWORD)).isNotNull();
        }

        @Test
        void a_weak_new_password_is_refused_and_the_token_stays_usable() {
            world.registerCustomer("budi@example.id");
            String token = requestReset("budi@example.id");

            assertCode(ErrorCode.WEAK_PASSWORD, () -> accounts.resetPassword(token, "short".toCharArray()));
            accounts.resetPassword(token, "baru-rahasia-9".toCharArray());
            assertThat(login("budi@example.id", "baru-rahasia-9")).isNotNull();
        }

        @Test
        void a_verification_token_cannot_reset_a_password_nor_a_reset_token_verify_an_email() {
            User user = world.registerCustomer("budi@example.id");
            String verification = world.notifier.only("ACCOUNT_EMAIL_VERIFICATION").variables().get("token");
            String reset = requestReset("budi@example.id");

            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.resetPassword(verification, "baru-rahasia-9".toCharArray()));
            assertCode(ErrorCode.INVALID_TOKEN, () -> accounts.verifyEmail(reset));
            assertThat(world.users.findById(user.id()).orElseThrow().isEmailVerified()).isFalse();
            assertThat(login("budi@example.id", PASSWORD)).isNotNull();
        }

        @Test
        void asking_for_a_reset_of_an_unknown_malformed_or_disabled_account_silently_does_nothing() {
            User user = world.registerCustomer("budi@example.id");
            disable(user);

            assertThatCode(() -> {
                accounts.requestPasswordReset("nobody@example.id");
                accounts.requestPasswordReset("not an email");
                accounts.requestPasswordReset(null);
                accounts.requestPasswordReset("budi@example.id");
            }).doesNotThrowAnyException();
            assertThat(world.notifier.sent("ACCOUNT_PASSWORD_RESET")).isEmpty();
        }

        @Test
        void resetting_the_password_signs_the_user_out_everywhere() {
            world.registerCustomer("budi@example.id");
            TokenPair session = login("budi@example.id", PASSWORD);
            String token = requestReset("budi@example.id");

            accounts.resetPassword(token, "baru-rahasia-9".toCharArray());

            assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> accounts.refresh(session.refreshToken()));
        }
    }

    private void disable(User user) {
        User stored = world.users.findById(user.id()).orElseThrow();
        stored.disable();
        world.users.save(stored);
    }
}
