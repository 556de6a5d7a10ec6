package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.Optional;
import java.util.UUID;

/**
 * The application's own check that an operator's action comes from an operator, whatever the inbound
 * adapter checked: an ADMIN actor naming a user account must name an enabled administrator now (a demoted
 * or disabled admin whose session or token has not ended yet is refused). The internal API key and the
 * system are operators by construction; a customer never is.
 */
final class Operators {

    private Operators() {
    }

    static void require(UserRepository users, Actor actor) {
        if (actor == null || actor.type() == Actor.Type.CUSTOMER) {
            throw denied();
        }
        if (actor.type() != Actor.Type.ADMIN) {
            return; // API_KEY, SYSTEM
        }
        Optional<UUID> id = uuid(actor.id());
        if (id.isEmpty()) {
            return; // not a user account (e.g. a named operator of tests or tools)
        }
        Optional<User> user = users.findById(id.get());
        if (user.isPresent() && !(user.get().isEnabled() && user.get().isAdministrator())) {
            throw denied();
        }
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DomainException denied() {
        return new DomainException(ErrorCode.PERMISSION_DENIED, "Operators only");
    }
}
