package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.account.UserAuditEvent;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * UC: operators find users, read one in full (orders, wallet, servers, audit trail), disable and enable accounts,
 * and (super admins only) change roles. Every change is in the account's audit trail with who, what and when.
 */
public interface AdminUsersUseCase {

    /**
     * Every criterion optional.
     *
     * @param text    part of the email, name, phone or user id
     * @param role    a Role name ({@code CUSTOMER}, {@code RESELLER}, {@code ADMIN}, {@code SUPER_ADMIN})
     * @param enabled only enabled (true) or disabled (false) accounts
     */
    Page<User> searchUsers(String text, String role, Boolean enabled, PageRequest page);

    /** @throws id.webrana.cloud.domain.shared.DomainException USER_NOT_FOUND */
    UserDetails getUser(UUID userId);

    /**
     * Disables the account: it cannot sign in any more, its web sessions and refresh tokens end now. A reason is
     * required. Only a super admin disables an administrator; nobody disables their own account.
     */
    UserDetails disableUser(UUID userId, Actor actor, String reason);

    /** Enables the account again (a reason is required); sessions ended by the disabling stay ended. */
    UserDetails enableUser(UUID userId, Actor actor, String reason);

    /**
     * Gives the user exactly {@code roles} (Role names, at least one); their sessions end so that they sign in
     * again with the new roles. Only a super admin (checked from {@code actor}) changes roles, and a super admin
     * cannot remove their own super_admin role.
     *
     * @throws id.webrana.cloud.domain.shared.DomainException PERMISSION_DENIED, OWN_ACCOUNT_PROTECTED
     */
    UserDetails changeRoles(UUID userId, Set<String> roles, Actor actor, String reason);

    /** Whether {@code actor} may change roles (an enabled super admin), for showing or hiding the controls. */
    boolean mayChangeRoles(Actor actor);

    /**
     * @param recentOrders  the newest orders (up to 20)
     * @param walletBalance what the wallet holds now
     * @param servers       the user's servers, newest first, terminated ones included
     * @param audit         the newest lines of the account's audit trail, newest first
     */
    record UserDetails(User user, Page<Order> recentOrders, Money walletBalance, List<Instance> servers,
                       List<UserAuditEvent> audit) {
        public UserDetails {
            servers = List.copyOf(servers);
            audit = List.copyOf(audit);
        }
    }
}
