package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.ProfileUseCase;
import id.webrana.cloud.application.port.out.OneTimeTokenRepository;
import id.webrana.cloud.application.port.out.PasswordHasher;
import id.webrana.cloud.application.port.out.RefreshTokenRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserAuditLog;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.OneTimeToken;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.account.UserAuditEvent;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A signed-in user's own account: name and phone, password change, signing out everywhere, and whether a web
 * session may still be used. Ending sessions is one timestamp on the user ({@link User#sessionsValidAfter()}) that
 * the web adapter compares with when its session signed in, plus the revocation of every refresh token.
 */
public class AccountProfileService implements ProfileUseCase {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final OneTimeTokenRepository oneTimeTokens;
    private final PasswordHasher hasher;
    private final UserAuditLog audit;
    private final TransactionRunner tx;
    private final Clock clock;

    public AccountProfileService(UserRepository users, RefreshTokenRepository refreshTokens,
                                 OneTimeTokenRepository oneTimeTokens, PasswordHasher hasher, UserAuditLog audit,
                                 TransactionRunner tx, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.oneTimeTokens = oneTimeTokens;
        this.hasher = hasher;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Profile getProfile(UUID userId) {
        return tx.inTransaction(() -> profileOf(find(userId)));
    }

    @Override
    public Profile updateProfile(UpdateProfileCommand command) {
        Objects.requireNonNull(command, "command");
        return tx.inTransaction(() -> {
            User user = find(command.userId());
            String before = user.fullName() + " / " + (user.phone() == null ? "-" : user.phone());
            user.updateProfile(command.fullName(), command.phone());
            String after = user.fullName() + " / " + (user.phone() == null ? "-" : user.phone());
            if (!before.equals(after)) {
                users.save(user);
                audit.record(UserAuditEvent.of(user.id(), UserAuditEvent.Type.PROFILE_UPDATED, self(user),
                        before + " → " + after, clock.instant()));
            }
            return profileOf(user);
        });
    }

    @Override
    public void changePassword(ChangePasswordCommand command) {
        Objects.requireNonNull(command, "command");
        char[] current = command.currentPassword();
        char[] next = command.newPassword();
        try {
            User.requireStrongPassword(next);
            User user = tx.inTransaction(() -> find(command.userId()));
            // bcrypt is slow: both checks run outside any transaction
            if (current == null || current.length == 0 || !hasher.matches(current, user.passwordHash())) {
                throw new DomainException(ErrorCode.WRONG_CURRENT_PASSWORD, "The current password is wrong");
            }
            String hash = hasher.hash(next);
            tx.inTransaction(() -> {
                User fresh = find(command.userId());
                if (!fresh.passwordHash().equals(user.passwordHash())) {
                    throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                            "The password was changed meanwhile; try again");
                }
                Instant now = clock.instant();
                fresh.changePassword(hash, now);
                users.save(fresh);
                refreshTokens.revokeAllOfUser(fresh.id(), now);
                oneTimeTokens.invalidateAll(fresh.id(), OneTimeToken.Purpose.PASSWORD_RESET, now);
                audit.record(UserAuditEvent.of(fresh.id(), UserAuditEvent.Type.PASSWORD_CHANGED, self(fresh), null,
                        now));
            });
        } finally {
            if (current != null) {
                Arrays.fill(current, '\0');
            }
            if (next != null) {
                Arrays.fill(next, '\0');
            }
        }
    }

    @Override
    public void signOutEverywhere(UUID userId) {
        tx.inTransaction(() -> {
            User user = find(userId);
            Instant now = clock.instant();
            user.endAllSessions(now);
            users.save(user);
            refreshTokens.revokeAllOfUser(userId, now);
            audit.record(UserAuditEvent.of(userId, UserAuditEvent.Type.SIGNED_OUT_EVERYWHERE, self(user), null, now));
        });
    }

    @Override
    public boolean isSessionStillValid(UUID userId, Instant signedInAt) {
        if (userId == null || signedInAt == null) {
            return false;
        }
        return tx.inTransaction(() -> users.findById(userId).map(u -> u.acceptsSessionStartedAt(signedInAt))
                .orElse(false));
    }

    private User find(UUID userId) {
        if (userId == null) {
            throw new DomainException(ErrorCode.USER_NOT_FOUND, "No user given");
        }
        return users.findById(userId)
                .orElseThrow(() -> new DomainException(ErrorCode.USER_NOT_FOUND, "User " + userId + " not found"));
    }

    /** The user acting on their own account, as the audit trail records them. */
    private static Actor self(User user) {
        return new Actor(user.isAdministrator() ? Actor.Type.ADMIN : Actor.Type.CUSTOMER, user.id().toString());
    }

    private static Profile profileOf(User u) {
        return new Profile(u.id(), u.email().value(), u.fullName(), u.phone(), u.isEmailVerified(),
                u.roles().stream().map(Role::groupName).collect(Collectors.toUnmodifiableSet()), u.createdAt());
    }
}
