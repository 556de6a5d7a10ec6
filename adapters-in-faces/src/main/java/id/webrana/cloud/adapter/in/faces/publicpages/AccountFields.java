package id.webrana.cloud.adapter.in.faces.publicpages;

import id.webrana.cloud.domain.shared.DomainException;

import java.util.Optional;

/**
 * Which input of an account form (sign-up, profile, password forms) a refusal of the account use cases is about, and
 * the text to show next to it. The use cases refuse with a code and, for {@code VALIDATION_ERROR}, a message that
 * names the value ("Email ...", "Phone number ...", "Name ..."): that is all the pages need to put the message at
 * the right input.
 */
public final class AccountFields {

    /** An input of an account form: its id in the form, and the bundle key of the text shown next to it. */
    public record FieldError(String field, String messageKey) {
    }

    public static final String FULL_NAME = "fullName";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String PASSWORD = "password";
    public static final String CURRENT_PASSWORD = "currentPassword";

    private AccountFields() {
    }

    /** The input {@code e} is about, or empty when it concerns the form as a whole. */
    public static Optional<FieldError> of(DomainException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.code()) {
            case WEAK_PASSWORD -> Optional.of(new FieldError(PASSWORD, "account.error.weakPassword"));
            case EMAIL_ALREADY_REGISTERED -> Optional.of(new FieldError(EMAIL, "account.error.emailTaken"));
            case WRONG_CURRENT_PASSWORD, INVALID_CREDENTIALS ->
                    Optional.of(new FieldError(CURRENT_PASSWORD, "account.error.wrongPassword"));
            case VALIDATION_ERROR -> {
                if (message.startsWith("Email")) {
                    yield Optional.of(new FieldError(EMAIL, "account.error.email"));
                }
                if (message.startsWith("Phone")) {
                    yield Optional.of(new FieldError(PHONE, "account.error.phone"));
                }
                if (message.startsWith("Name")) {
                    yield Optional.of(new FieldError(FULL_NAME, "account.error.name"));
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }
}
