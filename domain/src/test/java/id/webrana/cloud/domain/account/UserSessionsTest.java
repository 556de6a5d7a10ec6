package id.webrana.cloud.domain.account;

import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a user's sessions end, their own details and roles, and the audit line about them. */
class UserSessionsTest {

    private static final Instant SIGNED_IN = Instant.parse("2025-05-01T03:00:00Z");
    private static final Instant LATER = SIGNED_IN.plus(Duration.ofMinutes(10));

    private static User budi() {
        return User.register(new EmailAddress("budi@example.id"), "hash:x", "Budi Santoso", null, SIGNED_IN);
    }

    @Test
    void a_session_of_an_enabled_user_whose_sessions_were_never_ended_is_accepted() {
        User user = budi();

        assertThat(user.sessionsValidAfter()).isNull();
        assertThat(user.acceptsSessionStartedAt(SIGNED_IN)).isTrue();
        assertThat(user.acceptsSessionStartedAt(null)).as("a session with no start is not trusted").isFalse();
    }

    @Test
    void signing_out_everywhere_ends_the_sessions_started_before_but_not_those_started_after() {
        User user = budi();

        user.endAllSessions(LATER);

        assertThat(user.acceptsSessionStartedAt(SIGNED_IN)).isFalse();
        assertThat(user.acceptsSessionStartedAt(LATER.minusNanos(1000))).isFalse();
        assertThat(user.acceptsSessionStartedAt(LATER)).isTrue();
        assertThat(user.acceptsSessionStartedAt(LATER.plusSeconds(1))).isTrue();
    }

    @Test
    void the_end_of_sessions_is_kept_to_the_microsecond_and_never_moves_back() {
        User user = budi();

        user.endAllSessions(LATER.plusNanos(1_999));
        assertThat(user.sessionsValidAfter()).isEqualTo(LATER.plusNanos(1_000));

        user.endAllSessions(SIGNED_IN);
        assertThat(user.sessionsValidAfter()).isEqualTo(LATER.plusNanos(1_000));
    }

    @Test
    void a_password_change_replaces_the_hash_and_ends_the_sessions_started_before() {
        User user = budi();

        user.changePassword("hash:new", LATER);

        assertThat(user.passwordHash()).isEqualTo("hash:new");
        assertThat(user.acceptsSessionStartedAt(SIGNED_IN)).isFalse();
        assertThat(user.acceptsSessionStartedAt(LATER.plusMillis(5))).isTrue();
    }

    @Test
    void a_disabled_account_accepts_no_session_and_its_old_sessions_stay_over_once_enabled_again() {
        User user = budi();

        user.disable(LATER);
        assertThat(user.isEnabled()).isFalse();
        assertThat(user.acceptsSessionStartedAt(LATER.plusSeconds(1))).isFalse();

        user.enable();
        assertThat(user.acceptsSessionStartedAt(SIGNED_IN)).as("signed in before the disabling").isFalse();
        assertThat(user.acceptsSessionStartedAt(LATER.plusSeconds(1))).as("signed in again afterwards").isTrue();
    }

    @Test
    void new_roles_end_the_sessions_that_carry_the_old_ones() {
        User user = budi();

        boolean changed = user.assignRoles(EnumSet.of(Role.CUSTOMER, Role.ADMIN), LATER);

        assertThat(changed).isTrue();
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
        assertThat(user.hasRole(Role.ADMIN)).isTrue();
        assertThat(user.isSuperAdmin()).isFalse();
        assertThat(user.acceptsSessionStartedAt(SIGNED_IN)).isFalse();
    }

    @Test
    void assigning_the_same_roles_changes_nothing_and_keeps_the_sessions() {
        User user = budi();

        assertThat(user.assignRoles(Set.of(Role.CUSTOMER), LATER)).isFalse();
        assertThat(user.sessionsValidAfter()).isNull();
    }

    @Test
    void a_user_without_any_role_is_refused() {
        User user = budi();

        assertThatThrownBy(() -> user.assignRoles(Set.of(), LATER)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        assertThat(user.roles()).containsExactly(Role.CUSTOMER);
    }

    @Test
    void the_profile_takes_a_trimmed_name_and_a_normalised_phone() {
        User user = budi();

        user.updateProfile("  Budi S.  ", "0812-3456-7890");

        assertThat(user.fullName()).isEqualTo("Budi S.");
        assertThat(user.phone()).isEqualTo("081234567890");
        user.updateProfile("Budi", " ");
        assertThat(user.phone()).isNull();
    }

    @Test
    void a_bad_phone_leaves_the_whole_profile_unchanged() {
        User user = budi();

        assertThatThrownBy(() -> user.updateProfile("Budi Baru", "12-ab")).isInstanceOf(DomainException.class);
        assertThat(user.fullName()).isEqualTo("Budi Santoso");
    }

    @Test
    void an_audit_event_needs_who_what_and_when_and_drops_a_blank_detail() {
        Actor admin = new Actor(Actor.Type.ADMIN, "a-1");
        UserAuditEvent event = UserAuditEvent.of(budi().id(), UserAuditEvent.Type.DISABLED, admin, "  ", LATER);

        assertThat(event.detail()).isNull();
        assertThat(UserAuditEvent.of(event.userId(), UserAuditEvent.Type.DISABLED, admin, " spam ", LATER).detail())
                .isEqualTo("spam");
        assertThatThrownBy(() -> UserAuditEvent.of(event.userId(), null, admin, null, LATER))
                .isInstanceOf(NullPointerException.class);
    }
}
