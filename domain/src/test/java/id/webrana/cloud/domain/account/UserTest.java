package id.webrana.cloud.domain.account;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserTest {

    private static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");

    private static User budi() {
        return User.register(new EmailAddress("budi@example.id"), "hash:x", "Budi Santoso", "+62 812-3456-7890", NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rahasia1", "Sangat-Rahasia-2025", "12345678a", "pässwörd9"})
    void a_password_with_8_to_128_characters_a_letter_and_a_digit_is_strong(String password) {
        assertThatCode(() -> User.requireStrongPassword(password.toCharArray())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short1", "abcdefg", "onlyletters", "1234567890", "        ", "!!!!!!!!!1"})
    void a_weak_password_is_refused(String password) {
        assertThatThrownBy(() -> User.requireStrongPassword(password.toCharArray()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEAK_PASSWORD));
    }

    @Test
    void a_password_may_have_128_characters_but_not_129_and_none_is_weak() {
        assertThatCode(() -> User.requireStrongPassword(("a1" + "x".repeat(126)).toCharArray()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> User.requireStrongPassword(("a1" + "x".repeat(127)).toCharArray()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> User.requireStrongPassword(null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEAK_PASSWORD));
    }

    @Test
    void a_registered_user_is_an_enabled_customer_with_an_unverified_email() {
        User user = budi();
        assertThat(user.roles()).containsExactly(Role.CUSTOMER);
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.isEmailVerified()).isFalse();
        assertThat(user.isAdministrator()).isFalse();
        assertThat(user.fullName()).isEqualTo("Budi Santoso");
        assertThat(user.phone()).isEqualTo("+6281234567890");
        assertThat(user.createdAt()).isEqualTo(NOW);
    }

    @Test
    void names_and_phone_numbers_are_validated() {
        EmailAddress email = new EmailAddress("a@b.id");
        assertThatThrownBy(() -> User.register(email, "h", " ", null, NOW)).isInstanceOfSatisfying(
                DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        assertThatThrownBy(() -> User.register(email, "h", "x".repeat(101), null, NOW))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> User.register(email, "h", "Budi", "call me", NOW))
                .isInstanceOf(DomainException.class);
        assertThat(User.register(email, "h", " Budi ", "  ", NOW).phone()).isNull();
        assertThat(User.register(email, "h", " Budi ", null, NOW).fullName()).isEqualTo("Budi");
    }

    @Test
    void a_disabled_account_is_refused() {
        User user = budi();
        user.disable();
        assertThatThrownBy(user::requireEnabled).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_DISABLED));
        user.enable();
        assertThatCode(user::requireEnabled).doesNotThrowAnyException();
    }

    @Test
    void admins_and_super_admins_are_administrators() {
        User user = budi();
        user.grant(Role.ADMIN);
        assertThat(user.isAdministrator()).isTrue();
        User root = new User(UUID.randomUUID(), new EmailAddress("root@webrana.id"), "h", "Root", null,
                EnumSet.of(Role.SUPER_ADMIN), true, true, NOW, 0);
        assertThat(root.isAdministrator()).isTrue();
        assertThat(Role.SUPER_ADMIN.groupName()).isEqualTo("super_admin");
        assertThat(new User(UUID.randomUUID(), new EmailAddress("x@webrana.id"), "h", "X", null, Set.of(), true,
                true, NOW, 0).roles()).containsExactly(Role.CUSTOMER);
    }

    @Test
    void verifying_the_email_and_changing_the_password_hash() {
        User user = budi();
        user.verifyEmail();
        user.changePasswordHash("hash:new");
        assertThat(user.isEmailVerified()).isTrue();
        assertThat(user.passwordHash()).isEqualTo("hash:new");
    }

    @Test
    void email_addresses_are_trimmed_and_lower_cased() {
        assertThat(new EmailAddress("  Budi.Santoso@Example.CO.ID ").value()).isEqualTo("budi.santoso@example.co.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "budi", "budi@", "@example.id", "budi@example", "budi@@example.id", "bu di@example.id",
            "budi@-example.id"})
    void a_malformed_email_is_refused(String value) {
        assertThatThrownBy(() -> new EmailAddress(value)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }
}
