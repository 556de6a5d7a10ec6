package id.webrana.cloud.adapter.in.faces.publicpages;

import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccountFieldsTest {

    @Test
    void the_account_rules_refusals_land_next_to_their_input() {
        DomainException email = catchThrowableOfType(() -> new EmailAddress("budi@"), DomainException.class);
        assertThat(AccountFields.of(email)).hasValueSatisfying(f -> assertThat(f.field()).isEqualTo("email"));

        DomainException phone = catchThrowableOfType(() -> User.register(new EmailAddress("budi@example.id"), "hash",
                "Budi", "12ab", Instant.now()), DomainException.class);
        assertThat(AccountFields.of(phone)).hasValueSatisfying(f -> assertThat(f.field()).isEqualTo("phone"));

        DomainException name = catchThrowableOfType(() -> User.register(new EmailAddress("budi@example.id"), "hash",
                " ", null, Instant.now()), DomainException.class);
        assertThat(AccountFields.of(name)).hasValueSatisfying(f -> assertThat(f.field()).isEqualTo("fullName"));

        DomainException weak = catchThrowableOfType(() -> User.requireStrongPassword("pendek".toCharArray()),
                DomainException.class);
        assertThat(AccountFields.of(weak)).hasValueSatisfying(f -> {
            assertThat(f.field()).isEqualTo("password");
            assertThat(f.messageKey()).isEqualTo("account.error.weakPassword");
        });
    }

    @Test
    void a_taken_email_and_a_wrong_current_password_are_field_errors_too() {
        assertThat(AccountFields.of(new DomainException(ErrorCode.EMAIL_ALREADY_REGISTERED, "taken")))
                .hasValueSatisfying(f -> assertThat(f.field()).isEqualTo("email"));
        assertThat(AccountFields.of(new DomainException(ErrorCode.WRONG_CURRENT_PASSWORD, "wrong")))
                .hasValueSatisfying(f -> assertThat(f.field()).isEqualTo("currentPassword"));
    }

    @Test
    void other_refusals_concern_the_whole_form() {
        assertThat(AccountFields.of(new DomainException(ErrorCode.ACCOUNT_DISABLED, "disabled"))).isEmpty();
        assertThat(AccountFields.of(new DomainException(ErrorCode.VALIDATION_ERROR, "Something else"))).isEmpty();
    }
}
