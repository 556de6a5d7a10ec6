package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AuthenticationUseCase;
import id.webrana.cloud.application.port.in.EnsureAdminUseCase;
import id.webrana.cloud.application.port.in.PasswordRecoveryUseCase;
import id.webrana.cloud.application.port.in.RegisterUserUseCase;
import id.webrana.cloud.application.port.out.AccessTokenIssuer;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.OneTimeTokenRepository;
import id.webrana.cloud.application.port.out.PasswordHasher;
import id.webrana.cloud.application.port.out.RefreshTokenRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.OneTimeToken;
import id.webrana.cloud.domain.account.RefreshToken;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Accounts: registration, sign-in with rotating refresh tokens, password recovery. */
public class AccountService implements RegisterUserUseCase, AuthenticationUseCase, PasswordRecoveryUseCase,
        EnsureAdminUseCase {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final OneTimeTokenRepository oneTimeTokens;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer accessTokens;
    private final Notifier notifier;
    private final TransactionRunner tx;
    private final Clock clock;
    private final AccountSettings settings;

    public AccountService(UserRepository users, RefreshTokenRepository refreshTokens,
                          OneTimeTokenRepository oneTimeTokens, PasswordHasher hasher, AccessTokenIssuer accessTokens,
                          Notifier notifier, TransactionRunner tx, Clock clock, AccountSettings settings) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.oneTimeTokens = oneTimeTokens;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public User register(RegisterUserCommand command) {
        EmailAddress email = new EmailAddress(command.email());
        User.requireStrongPassword(command.password());
        String hash = hasher.hash(command.password()); // slow: outside the transaction
        return tx.inTransaction(() -> {
            if (users.findByEmail(email).isPresent()) {
                throw new DomainException(ErrorCode.EMAIL_ALREADY_REGISTERED, "This email is already registered");
            }
            Instant now = clock.instant();
            User user = User.register(email, hash, command.fullName(), command.phone(), now);
            users.save(user);
            String secret = SecretTokens.newSecret();
            oneTimeTokens.save(OneTimeToken.issue(user.id(), OneTimeToken.Purpose.EMAIL_VERIFICATION,
                    SecretTokens.hash(secret), now.plus(settings.emailVerificationLifetime())));
            notifier.notify(Notification.email("ACCOUNT_EMAIL_VERIFICATION", email.value(),
                    Map.of("name", user.fullName(), "token", secret,
                            "link", settings.publicBaseUrl() + "/app/verify-email?token=" + secret),
                    "ACCOUNT_EMAIL_VERIFICATION:" + user.id()));
            return user;
        });
    }

    @Override
    public TokenPair login(LoginCommand command) {
        User user = checkPassword(command);
        return tx.inTransaction(() -> issueTokens(user, UUID.randomUUID(), clock.instant()));
    }

    @Override
    public SignedInUser verifyCredentials(LoginCommand command) {
        User user = checkPassword(command);
        return new SignedInUser(user.id(), user.email().value(), user.fullName(),
                user.roles().stream().map(Role::groupName).collect(Collectors.toUnmodifiableSet()));
    }

    private User checkPassword(LoginCommand command) {
        Optional<User> found;
        try {
            EmailAddress email = new EmailAddress(command.email());
            found = tx.inTransaction(() -> users.findByEmail(email));
        } catch (DomainException malformedEmail) {
            found = Optional.empty();
        }
        boolean ok = hasher.matches(command.password(), found.map(User::passwordHash).orElse(null));
        if (!ok || found.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "Email or password is wrong");
        }
        User user = found.get();
        user.requireEnabled();
        return user;
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw invalidRefresh();
        }
        // Replay detection must commit even though the caller gets an error: decide in one
        // transaction, throw after it.
        Optional<TokenPair> result = tx.inTransaction(() -> {
            Instant now = clock.instant();
            RefreshToken token = refreshTokens.findByHashForUpdate(SecretTokens.hash(refreshToken))
                    .orElseThrow(AccountService::invalidRefresh);
            if (token.isSpent()) {
                refreshTokens.revokeFamily(token.familyId(), now);
                return Optional.<TokenPair>empty();
            }
            if (token.isExpired(now)) {
                throw invalidRefresh();
            }
            User user = users.findById(token.userId()).orElseThrow(AccountService::invalidRefresh);
            if (!user.isEnabled()) {
                refreshTokens.revokeFamily(token.familyId(), now);
                return Optional.<TokenPair>empty();
            }
            token.markRotated(now);
            refreshTokens.save(token);
            return Optional.of(issueTokens(user, token.familyId(), now));
        });
        return result.orElseThrow(AccountService::invalidRefresh);
    }

    @Override
    public void logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        tx.inTransaction(() -> refreshTokens.findByHashForUpdate(SecretTokens.hash(refreshToken))
                .ifPresent(t -> refreshTokens.revokeFamily(t.familyId(), clock.instant())));
    }

    private TokenPair issueTokens(User user, UUID familyId, Instant now) {
        Set<String> groups = user.roles().stream().map(Role::groupName).collect(Collectors.toSet());
        AccessTokenIssuer.IssuedToken access = accessTokens.issue(user.id(), user.email().value(), groups);
        String secret = SecretTokens.newSecret();
        Instant expires = now.plus(settings.refreshTokenLifetime());
        refreshTokens.save(RefreshToken.issue(user.id(), familyId, SecretTokens.hash(secret), now, expires));
        return new TokenPair(access.token(), access.expiresAt(), secret, expires, user.id(), groups);
    }

    private static DomainException invalidRefresh() {
        return new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid or expired");
    }

    @Override
    public void requestPasswordReset(String email) {
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (DomainException e) {
            return;
        }
        tx.inTransaction(() -> users.findByEmail(address).filter(User::isEnabled).ifPresent(user -> {
            Instant now = clock.instant();
            String secret = SecretTokens.newSecret();
            OneTimeToken token = OneTimeToken.issue(user.id(), OneTimeToken.Purpose.PASSWORD_RESET,
                    SecretTokens.hash(secret), now.plus(settings.passwordResetLifetime()));
            oneTimeTokens.save(token);
            notifier.notify(Notification.email("ACCOUNT_PASSWORD_RESET", user.email().value(),
                    Map.of("name", user.fullName(), "token", secret,
                            "link", settings.publicBaseUrl() + "/app/reset-password?token=" + secret),
                    "ACCOUNT_PASSWORD_RESET:" + token.id()));
        }));
    }

    @Override
    public void resetPassword(String token, char[] newPassword) {
        User.requireStrongPassword(newPassword);
        // a cheap check first, so that junk tokens cost no bcrypt round
        boolean usable = tx.inTransaction(() -> findToken(token)
                .isUsableFor(OneTimeToken.Purpose.PASSWORD_RESET, clock.instant()));
        if (!usable) {
            throw invalidLink();
        }
        String hash = hasher.hash(newPassword);
        tx.inTransaction(() -> {
            Instant now = clock.instant();
            OneTimeToken t = findToken(token);
            t.consume(OneTimeToken.Purpose.PASSWORD_RESET, now);
            oneTimeTokens.save(t);
            User user = users.findById(t.userId()).orElseThrow(() -> invalidLink());
            user.changePassword(hash, now); // web sessions started before end too
            users.save(user);
            refreshTokens.revokeAllOfUser(user.id(), now);
            oneTimeTokens.invalidateAll(user.id(), OneTimeToken.Purpose.PASSWORD_RESET, now);
        });
    }

    @Override
    public void verifyEmail(String token) {
        tx.inTransaction(() -> {
            OneTimeToken t = findToken(token);
            t.consume(OneTimeToken.Purpose.EMAIL_VERIFICATION, clock.instant());
            oneTimeTokens.save(t);
            User user = users.findById(t.userId()).orElseThrow(() -> invalidLink());
            user.verifyEmail();
            users.save(user);
        });
    }

    private OneTimeToken findToken(String token) {
        if (token == null || token.isBlank()) {
            throw invalidLink();
        }
        return oneTimeTokens.findByHashForUpdate(SecretTokens.hash(token)).orElseThrow(() -> invalidLink());
    }

    private static DomainException invalidLink() {
        return new DomainException(ErrorCode.INVALID_TOKEN, "This link is invalid or has expired");
    }

    @Override
    public boolean ensureAdmin(String email, char[] password, String fullName) {
        EmailAddress address = new EmailAddress(email);
        if (tx.inTransaction(() -> users.findByEmail(address).isPresent())) {
            return false;
        }
        String hash = hasher.hash(password);
        return tx.inTransaction(() -> {
            if (users.findByEmail(address).isPresent()) {
                return false;
            }
            users.save(new User(UUID.randomUUID(), address, hash, fullName, null,
                    EnumSet.of(Role.SUPER_ADMIN, Role.ADMIN), true, true, clock.instant(), 0));
            return true;
        });
    }
}
