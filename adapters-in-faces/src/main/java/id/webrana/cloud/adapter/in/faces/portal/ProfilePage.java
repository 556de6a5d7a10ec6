package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.publicpages.AccountFields;
import id.webrana.cloud.adapter.in.faces.security.PortalUser;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.ProfileUseCase;
import id.webrana.cloud.application.port.in.ProfileUseCase.ChangePasswordCommand;
import id.webrana.cloud.application.port.in.ProfileUseCase.Profile;
import id.webrana.cloud.application.port.in.ProfileUseCase.UpdateProfileCommand;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /portal/profile.xhtml}: the customer's name and phone, a password change (current, new, new again) and
 * "sign out everywhere". A password change ends every other session of the account and renews this one (a new
 * session id, signed in again now), so this browser stays signed in; signing out everywhere ends this session too.
 * Language, channels and Telegram stay in the settings page.
 */
@Named
@ViewScoped
public class ProfilePage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProfilePage.class.getName());
    static final String PROFILE_FORM = "profile";
    static final String PASSWORD_FORM = "password";

    @Inject
    Instance<ProfileUseCase> profiles;
    @Inject
    CurrentUser me;

    private String email;
    private String fullName;
    private String phone;
    private boolean emailVerified;
    private String memberSince;
    private String currentPassword;
    private String newPassword;
    private String confirmPassword;

    @PostConstruct
    void init() {
        if (isAvailable()) {
            show(profiles.get().getProfile(me.id()));
        }
    }

    private void show(Profile p) {
        email = p.email();
        fullName = p.fullName();
        phone = p.phone();
        emailVerified = p.emailVerified();
        memberSince = Formats.dateTime(p.createdAt());
    }

    public boolean isAvailable() {
        return profiles.isResolvable();
    }

    public void save() {
        try {
            Profile saved = profiles.get().updateProfile(new UpdateProfileCommand(me.id(), fullName, phone));
            show(saved);
            session().ifPresent(s -> s.setAttribute(PortalUser.SESSION_KEY, me.user().withFullName(saved.fullName())));
            Texts.info("profile.saved");
        } catch (DomainException e) {
            fieldErrorOrPage(PROFILE_FORM, e);
        }
    }

    public void changePassword() {
        try {
            if (currentPassword == null || currentPassword.isEmpty()) {
                Texts.fieldError(PASSWORD_FORM + ":" + AccountFields.CURRENT_PASSWORD, "profile.password.currentRequired");
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
            if (newPassword == null || !newPassword.equals(confirmPassword)) {
                Texts.fieldError(PASSWORD_FORM + ":confirmPassword", "account.error.confirmMismatch");
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
            profiles.get().changePassword(new ChangePasswordCommand(me.id(), currentPassword.toCharArray(),
                    newPassword.toCharArray()));
            renewSession();
            Texts.info("profile.password.changed");
        } catch (DomainException e) {
            Optional<AccountFields.FieldError> field = AccountFields.of(e);
            if (field.isPresent() && AccountFields.PASSWORD.equals(field.get().field())) {
                Texts.fieldError(PASSWORD_FORM + ":newPassword", field.get().messageKey());
            } else if (field.isPresent()) {
                Texts.fieldError(PASSWORD_FORM + ":" + field.get().field(), field.get().messageKey());
            } else {
                Texts.error(e);
            }
            FacesContext.getCurrentInstance().validationFailed();
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmPassword = null;
        }
    }

    /** Ends every session of the account, this one included, and shows the login page. */
    public void signOutEverywhere() throws IOException {
        profiles.get().signOutEverywhere(me.id());
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.log(Level.FINE, "logout", e);
        }
        session().ifPresent(HttpSession::invalidate);
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml?everywhere=1");
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** After the user's own password change: a new session id, signed in again from now, so it stays valid. */
    private void renewSession() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        PortalUser renewed = me.user().renewedAt(Instant.now());
        request.changeSessionId();
        request.getSession().setAttribute(PortalUser.SESSION_KEY, renewed);
    }

    private void fieldErrorOrPage(String form, DomainException e) {
        Optional<AccountFields.FieldError> field = AccountFields.of(e);
        if (field.isPresent()) {
            Texts.fieldError(form + ":" + field.get().field(), field.get().messageKey());
        } else {
            Texts.error(e);
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static Optional<HttpSession> session() {
        return Optional.ofNullable(((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).getSession(false));
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    public String getMemberSince() {
        return memberSince;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
