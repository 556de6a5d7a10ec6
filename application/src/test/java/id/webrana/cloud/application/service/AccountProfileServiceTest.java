package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.InMemoryUserAuditLog;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.LoginCommand;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.TokenPair;
import id.webrana.cloud.application.port.in.ProfileUseCase.ChangePasswordCommand;
import id.webrana.cloud.application.port.in.ProfileUseCase.Profile;
import id.webrana.cloud.application.port.in.ProfileUseCase.UpdateProfileCommand;
import id.webrana.cloud.domain.account.OneTimeToken;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.account.UserAuditEvent;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static id.webrana.cloud.application.service.TestWorld.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountProfileServiceTest {

    private final TestWorld world = new TestWorld();
    private final InMemoryUserAuditLog audit = new InMemoryUserAuditLog();
    private final AccountProfileService profiles;
    private final User budi;

    AccountProfileServiceTest() {
        world.tx.enlist(audit);
        profiles = new AccountProfileService(world.users, world.refreshTokens, world.oneTimeTokens, world.hasher,
                audit, world.tx, world.clock);
        budi = world.registerCustomer("budi@example.id");
    }

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private TokenPair login() {
        return world.accounts.login(new LoginCommand("budi@example.id", PASSWORD.toCharArray()));
    }

    private void changePassword(String current, String next) {
        profiles.changePassword(new ChangePasswordCommand(budi.id(), current.toCharArray(), next.toCharArray()));
    }

    @Test
    void the_profile_shows_the_account_as_stored() {
        Profile profile = profiles.getProfile(budi.id());

        assertThat(profile.userId()).isEqualTo(budi.id());
        assertThat(profile.email()).isEqualTo("budi@example.id");
        assertThat(profile.fullName()).isEqualTo("Budi Santoso");
        assertThat(profile.emailVerified()).isFalse();
        assertThat(profile.roles()).containsExactly("customer");
        assertThat(profile.createdAt()).isEqualTo(TestWorld.START);
        assertCode(ErrorCode.USER_NOT_FOUND, () -> profiles.getProfile(UUID.randomUUID()));
    }

    @Test
    void name_and_phone_are_changed_with_an_indonesian_number_kept_as_typed_digits_and_audited() {
        Profile changed = profiles.updateProfile(new UpdateProfileCommand(budi.id(), " Budi S. ", "0812 3456 7890"));

        assertThat(changed.fullName()).isEqualTo("Budi S.");
        assertThat(changed.phone()).isEqualTo("081234567890");
        assertThat(world.users.findById(budi.id()).orElseThrow().fullName()).isEqualTo("Budi S.");
        UserAuditEvent line = audit.of(budi.id()).get(0);
        assertThat(line.type()).isEqualTo(UserAuditEvent.Type.PROFILE_UPDATED);
        assertThat(line.actor()).isEqualTo(new Actor(Actor.Type.CUSTOMER, budi.id().toString()));
        assertThat(line.detail()).isEqualTo("Budi Santoso / - → Budi S. / 081234567890");
    }

    @Test
    void an_unchanged_profile_writes_no_audit_line_and_a_bad_phone_changes_nothing() {
        profiles.updateProfile(new UpdateProfileCommand(budi.id(), "Budi Santoso", null));
        assertThat(audit.of(budi.id())).isEmpty();

        assertCode(ErrorCode.VALIDATION_ERROR,
                () -> profiles.updateProfile(new UpdateProfileCommand(budi.id(), "Budi Baru", "bukan nomor")));
        assertThat(world.users.findById(budi.id()).orElseThrow().fullName()).isEqualTo("Budi Santoso");
    }

    @Test
    void a_password_change_needs_the_current_password() {
        assertCode(ErrorCode.WRONG_CURRENT_PASSWORD, () -> changePassword("salah-123", "baru-rahasia-9"));
        assertCode(ErrorCode.WRONG_CURRENT_PASSWORD, () -> changePassword("", "baru-rahasia-9"));

        assertThat(world.users.findById(budi.id()).orElseThrow().passwordHash()).isEqualTo("hash:" + PASSWORD);
        assertThat(audit.of(budi.id())).isEmpty();
    }

    @Test
    void a_weak_new_password_is_refused_before_the_current_one_is_checked() {
        int checks = world.hasher.checks();

        assertCode(ErrorCode.WEAK_PASSWORD, () -> changePassword(PASSWORD, "pendek"));

        assertThat(world.hasher.checks()).isEqualTo(checks);
    }

    @Test
    void a_password_change_ends_every_session_and_token_and_the_old_reset_links() {
        Instant signedIn = world.clock.instant();
        TokenPair tokens = login();
        world.accounts.requestPasswordReset("budi@example.id");
        world.clock.advance(Duration.ofMinutes(5));

        changePassword(PASSWORD, "baru-rahasia-9");

        User stored = world.users.findById(budi.id()).orElseThrow();
        assertThat(stored.passwordHash()).isEqualTo("hash:baru-rahasia-9");
        assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isFalse();
        assertThat(profiles.isSessionStillValid(budi.id(), world.clock.instant())).as("the renewed session").isTrue();
        assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> world.accounts.refresh(tokens.refreshToken()));
        assertThat(world.oneTimeTokens.all()).filteredOn(t -> t.purpose() == OneTimeToken.Purpose.PASSWORD_RESET)
                .hasSize(1).allSatisfy(t -> assertThat(t.isUsableFor(OneTimeToken.Purpose.PASSWORD_RESET,
                        world.clock.instant())).isFalse());
        assertThat(audit.of(budi.id())).extracting(UserAuditEvent::type)
                .containsExactly(UserAuditEvent.Type.PASSWORD_CHANGED);
    }

    @Test
    void signing_out_everywhere_ends_the_web_sessions_and_revokes_every_refresh_token() {
        Instant signedIn = world.clock.instant();
        TokenPair phone = login();
        TokenPair laptop = login();
        assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isTrue();
        world.clock.advance(Duration.ofMinutes(1));

        profiles.signOutEverywhere(budi.id());

        assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isFalse();
        assertThat(world.refreshTokens.ofUser(budi.id())).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
        assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> world.accounts.refresh(phone.refreshToken()));
        assertCode(ErrorCode.INVALID_REFRESH_TOKEN, () -> world.accounts.refresh(laptop.refreshToken()));
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(profiles.isSessionStillValid(budi.id(), world.clock.instant())).as("a new sign-in").isTrue();
        assertThat(audit.of(budi.id())).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(UserAuditEvent.Type.SIGNED_OUT_EVERYWHERE);
            assertThat(e.at()).isEqualTo(signedIn.plus(Duration.ofMinutes(1)));
        });
    }

    @Test
    void a_disabled_or_unknown_account_has_no_valid_session() {
        Instant signedIn = world.clock.instant();
        User stored = world.users.findById(budi.id()).orElseThrow();
        stored.disable();
        world.users.save(stored);

        assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isFalse();
        assertThat(profiles.isSessionStillValid(UUID.randomUUID(), signedIn)).isFalse();
        assertThat(profiles.isSessionStillValid(budi.id(), null)).isFalse();
    }

    @Test
    void a_password_reset_by_email_ends_the_web_sessions_too() {
        Instant signedIn = world.clock.instant();
        world.accounts.requestPasswordReset("budi@example.id");
        String token = world.notifier.only("ACCOUNT_PASSWORD_RESET").variables().get("token");
        world.clock.advance(Duration.ofMinutes(1));

        world.accounts.resetPassword(token, "baru-rahasia-9".toCharArray());

        assertThat(profiles.isSessionStillValid(budi.id(), signedIn)).isFalse();
    }
}
