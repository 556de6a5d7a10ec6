package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.AdminOrderRows.OrderRow;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows.ServerRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase.OrderSummary;
import id.webrana.cloud.application.port.in.AdminUsersUseCase;
import id.webrana.cloud.application.port.in.AdminUsersUseCase.UserDetails;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /admin/user.xhtml?id=}: one account for operators: who they are, their wallet, orders and servers, the
 * account's audit trail, and the operators' steps: disable or enable the account (with a reason; a disabled user is
 * signed out at their next request) and, for super admins only, change the roles. The application decides who may
 * do what; the page only hides what the signed-in operator may not do.
 */
@Named
@ViewScoped
public class AdminUserPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What an operator can do to an account here. */
    public enum Step { DISABLE, ENABLE, ROLES }

    @Inject
    AdminUsersUseCase users;
    @Inject
    CurrentUser me;

    private String id;
    private UUID userId;
    private UserView user;
    private List<OrderRow> orders = List.of();
    private List<ServerRow> servers = List.of();
    private List<AuditRow> audit = List.of();
    private boolean mayChangeRoles;
    private Step step;
    private String reason;
    private List<String> selectedRoles = new ArrayList<>();
    private final Map<String, String> emails = new HashMap<>();

    /** The account as the page shows it. */
    public record UserView(String id, String email, String name, String phone, String roles, List<String> roleNames,
                           boolean emailVerified, boolean enabled, String created, String wallet, long orderCount,
                           boolean self, boolean administrator) implements Serializable {
    }

    /** One line of the account's audit trail. */
    public record AuditRow(String at, String type, String typeLabel, String actor, String detail)
            implements Serializable {
    }

    /** View action on GET. */
    public void load() {
        userId = Inputs.uuid(id).orElse(null);
        if (userId == null) {
            return;
        }
        try {
            show(users.getUser(userId));
            mayChangeRoles = users.mayChangeRoles(me.actor());
        } catch (DomainException e) {
            if (e.code() != ErrorCode.USER_NOT_FOUND) {
                Texts.error(e);
            }
        }
    }

    /** Opens the dialog of {@code what} ({@code DISABLE}, {@code ENABLE} or {@code ROLES}). */
    public void choose(String what) {
        step = Step.valueOf(what);
        reason = null;
        selectedRoles = user == null ? new ArrayList<>() : new ArrayList<>(user.roleNames());
    }

    /** Carries out the chosen step once a reason is given; the dialog closes on success. */
    public void act() {
        if (user == null || step == null) {
            return;
        }
        if (!AdminInstancePage.reasonGiven(reason)) {
            Texts.fieldError("f:reason", "admin.reasonRequired", AdminInstancePage.MIN_REASON);
            return;
        }
        if (step == Step.ROLES && (selectedRoles == null || selectedRoles.isEmpty())) {
            Texts.fieldError("f:roles", "admin.user.rolesRequired");
            return;
        }
        String why = reason.strip();
        try {
            UserDetails d = switch (step) {
                case DISABLE -> users.disableUser(userId, me.actor(), why);
                case ENABLE -> users.enableUser(userId, me.actor(), why);
                case ROLES -> users.changeRoles(userId, new LinkedHashSet<>(selectedRoles), me.actor(), why);
            };
            show(d);
            Texts.info("admin.user.done." + step.name(), user.email());
            reason = null;
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    private void show(UserDetails d) {
        User u = d.user();
        emails.put(u.id().toString(), u.email().value());
        boolean self = me.find().map(p -> p.id().equals(u.id())).orElse(false);
        user = new UserView(u.id().toString(), u.email().value(), u.fullName(), u.phone() == null ? "—" : u.phone(),
                AdminUsersPage.rolesLabel(u.roles()), u.roles().stream().sorted().map(Role::name).toList(),
                u.isEmailVerified(), u.isEnabled(), Formats.dateTime(u.createdAt()),
                Formats.money(d.walletBalance()), d.recentOrders().total(), self, u.isAdministrator());
        orders = d.recentOrders().items().stream()
                .map(o -> AdminOrderRows.row(new OrderSummary(o, u.email().value(), u.fullName()))).toList();
        servers = d.servers().stream().map(ServerRows::row).toList();
        Locale l = Formats.pageLocale();
        audit = d.audit().stream().map(e -> new AuditRow(Formats.dateTime(e.at(), l), e.type().name(),
                Texts.get(l, "admin.user.event." + e.type().name()), AdminOrderRows.actor(e.actor(), this::emailOf, l),
                e.detail() == null ? "" : e.detail())).toList();
    }

    /** The email of the account {@code id} names (operators in the audit trail), or null. */
    private String emailOf(String id) {
        if (emails.containsKey(id)) {
            return emails.get(id);
        }
        String email = null;
        UUID other = Inputs.uuid(id).orElse(null);
        if (other != null) {
            try {
                email = users.getUser(other).user().email().value();
            } catch (DomainException e) {
                email = null;
            }
        }
        emails.put(id, email);
        return email;
    }

    public List<String> getAllRoles() {
        return Arrays.stream(Role.values()).map(Enum::name).toList();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public UserView getUser() {
        return user;
    }

    public List<OrderRow> getOrders() {
        return orders;
    }

    public List<ServerRow> getServers() {
        return servers;
    }

    public List<AuditRow> getAudit() {
        return audit;
    }

    public boolean isMayChangeRoles() {
        return mayChangeRoles;
    }

    /**
     * Whether the signed-in operator may disable or enable this account: not their own, and an administrator's only
     * when they are a super admin (the use case refuses the rest anyway).
     */
    public boolean isMayDisableOrEnable() {
        return user != null && !user.self() && (!user.administrator() || mayChangeRoles);
    }

    public Step getStep() {
        return step;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<String> getSelectedRoles() {
        return selectedRoles;
    }

    public void setSelectedRoles(List<String> selectedRoles) {
        this.selectedRoles = selectedRoles;
    }
}
