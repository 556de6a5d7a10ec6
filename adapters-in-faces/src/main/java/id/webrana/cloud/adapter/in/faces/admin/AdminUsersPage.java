package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminUsersUseCase;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /admin/users.xhtml}: every account, lazily paged, by text (email, name, phone, id), role and state. */
@Named
@ViewScoped
public class AdminUsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminUsersUseCase users;

    private String text;
    private String role;
    private String state;
    private Applied applied = new Applied(null, null, null);
    private PagedModel<UserRow> model;

    /** One account in the list. */
    public record UserRow(String id, String email, String name, String phone, String roles, boolean enabled,
                          String stateLabel, String created) implements Serializable {
    }

    /** The filters in force. */
    record Applied(String text, String role, Boolean enabled) implements Serializable {
    }

    @PostConstruct
    void init() {
        AdminUsersUseCase uc = users;
        model = new PagedModel<>(page -> uc.searchUsers(applied.text(), applied.role(), applied.enabled(), page)
                .map(AdminUsersPage::row), UserRow::id);
    }

    static UserRow row(User u) {
        return new UserRow(u.id().toString(), u.email().value(), u.fullName(), u.phone() == null ? "—" : u.phone(),
                rolesLabel(u.roles()), u.isEnabled(), Texts.get(u.isEnabled() ? "admin.users.enabled"
                : "admin.users.disabled"), Formats.dateTime(u.createdAt()));
    }

    /** "Pelanggan, Admin" in the page's language, in the roles' order. */
    static String rolesLabel(java.util.Set<Role> roles) {
        return roles.stream().sorted().map(r -> Texts.get("admin.role." + r.name())).collect(Collectors.joining(", "));
    }

    public void search() {
        applied = new Applied(Inputs.text(text), Inputs.text(role),
                "enabled".equals(state) ? Boolean.TRUE : "disabled".equals(state) ? Boolean.FALSE : null);
    }

    public void clear() {
        text = null;
        role = null;
        state = null;
        applied = new Applied(null, null, null);
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Enum::name).toList();
    }

    public PagedModel<UserRow> getModel() {
        return model;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
