package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AdminUsersUseCase;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.application.port.out.OrderRepository;
import id.webrana.cloud.application.port.out.RefreshTokenRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserAuditLog;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.application.port.out.WalletRepository;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.account.UserAuditEvent;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Operators and accounts: finding users, reading one with their orders, wallet, servers and audit trail, disabling
 * and enabling accounts, and role changes. Who may do what is decided here from the caller's {@link Actor}: the
 * caller's own account is read again, so a role a session still carries but the account lost counts for nothing.
 */
public class AdminUsersService implements AdminUsersUseCase {

    /** How many of the newest orders and audit lines the user's page shows. */
    static final int RECENT_ORDERS = 20;
    static final int AUDIT_LINES = 50;
    private static final int MAX_REASON = 500;

    private final UserRepository users;
    private final OrderRepository orders;
    private final InstanceRepository instances;
    private final WalletRepository wallets;
    private final RefreshTokenRepository refreshTokens;
    private final UserAuditLog audit;
    private final TransactionRunner tx;
    private final Clock clock;

    public AdminUsersService(UserRepository users, OrderRepository orders, InstanceRepository instances,
                             WalletRepository wallets, RefreshTokenRepository refreshTokens, UserAuditLog audit,
                             TransactionRunner tx, Clock clock) {
        this.users = users;
        this.orders = orders;
        this.instances = instances;
        this.wallets = wallets;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Page<User> searchUsers(String text, String role, Boolean enabled, PageRequest page) {
        Role wanted = role == null || role.isBlank() ? null : parseRole(role);
        String words = text == null || text.isBlank() ? null : text.trim();
        return tx.inTransaction(() -> users.search(new UserRepository.UserSearch(words, wanted, enabled), page));
    }

    @Override
    public UserDetails getUser(UUID userId) {
        return tx.inTransaction(() -> details(find(userId)));
    }

    @Override
    public UserDetails disableUser(UUID userId, Actor actor, String reason) {
        String why = requireReason(reason);
        return tx.inTransaction(() -> {
            Operators.require(users, actor);
            User target = find(userId);
            Optional<User> caller = callerOf(actor);
            if (caller.map(c -> c.id().equals(userId)).orElse(false)) {
                throw new DomainException(ErrorCode.OWN_ACCOUNT_PROTECTED, "You cannot disable your own account");
            }
            requireSuperAdminForAdministrator(target, caller);
            if (target.isEnabled()) {
                Instant now = clock.instant();
                target.disable(now);
                users.save(target);
                refreshTokens.revokeAllOfUser(userId, now);
                audit.record(UserAuditEvent.of(userId, UserAuditEvent.Type.DISABLED, actor, why, now));
            }
            return details(find(userId));
        });
    }

    @Override
    public UserDetails enableUser(UUID userId, Actor actor, String reason) {
        String why = requireReason(reason);
        return tx.inTransaction(() -> {
            Operators.require(users, actor);
            User target = find(userId);
            requireSuperAdminForAdministrator(target, callerOf(actor));
            if (!target.isEnabled()) {
                target.enable();
                users.save(target);
                audit.record(UserAuditEvent.of(userId, UserAuditEvent.Type.ENABLED, actor, why, clock.instant()));
            }
            return details(find(userId));
        });
    }

    @Override
    public UserDetails changeRoles(UUID userId, Set<String> roles, Actor actor, String reason) {
        String why = requireReason(reason);
        if (roles == null || roles.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A user needs at least one role");
        }
        Set<Role> wanted = roles.stream().map(AdminUsersService::parseRole)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return tx.inTransaction(() -> {
            User caller = callerOf(actor).filter(User::isSuperAdmin).orElseThrow(() -> new DomainException(
                    ErrorCode.PERMISSION_DENIED, "Only a super admin may change roles"));
            User target = find(userId);
            if (caller.id().equals(userId) && !wanted.contains(Role.SUPER_ADMIN)) {
                throw new DomainException(ErrorCode.OWN_ACCOUNT_PROTECTED,
                        "A super admin cannot remove their own super_admin role");
            }
            String before = names(target.roles());
            Instant now = clock.instant();
            if (target.assignRoles(wanted, now)) {
                users.save(target);
                refreshTokens.revokeAllOfUser(userId, now);
                audit.record(UserAuditEvent.of(userId, UserAuditEvent.Type.ROLES_CHANGED, actor,
                        before + " → " + names(wanted) + ": " + why, now));
            }
            return details(find(userId));
        });
    }

    @Override
    public boolean mayChangeRoles(Actor actor) {
        return tx.inTransaction(() -> callerOf(actor).map(User::isSuperAdmin).orElse(false));
    }

    private UserDetails details(User user) {
        UUID id = user.id();
        return new UserDetails(user, orders.findByUser(id, new PageRequest(0, RECENT_ORDERS)),
                wallets.find(id).balance(), instances.findByUser(id), audit.latestOf(id, AUDIT_LINES));
    }

    /** Administrators' accounts are changed by super admins only. */
    private static void requireSuperAdminForAdministrator(User target, Optional<User> caller) {
        if (target.isAdministrator() && !caller.map(User::isSuperAdmin).orElse(false)) {
            throw new DomainException(ErrorCode.PERMISSION_DENIED,
                    "Only a super admin may disable or enable an administrator");
        }
    }

    /** The signed-in operator behind {@code actor}, read again now: an enabled account, else nobody. */
    private Optional<User> callerOf(Actor actor) {
        if (actor == null || actor.type() != Actor.Type.ADMIN) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(actor.id());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return users.findById(id).filter(User::isEnabled).filter(User::isAdministrator);
    }

    private User find(UUID userId) {
        return users.findById(userId)
                .orElseThrow(() -> new DomainException(ErrorCode.USER_NOT_FOUND, "User " + userId + " not found"));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A reason is required");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "The reason is longer than " + MAX_REASON);
        }
        return why;
    }

    private static Role parseRole(String name) {
        try {
            return Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Unknown role: " + name);
        }
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }
}
