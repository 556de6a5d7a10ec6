package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.account.User;

/** UC: a visitor creates a customer account; a verification email is queued. */
public interface RegisterUserUseCase {

    User register(RegisterUserCommand command);

    record RegisterUserCommand(String email, char[] password, String fullName, String phone) {
    }
}
