package id.webrana.cloud.adapter.in.faces.publicpages;

import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.PasswordRecoveryUseCase;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * {@code /reset-password.xhtml?token=}: the link of the reset email. The customer types a new password twice; it
 * replaces the old one and every session of the account ends. A used or expired link offers to ask for a new one.
 */
@Named
@ViewScoped
public class ResetPasswordPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "reset";

    @Inject
    PasswordRecoveryUseCase recovery;

    private String token;
    private String password;
    private String confirm;
    private boolean done;
    private boolean invalid;

    /** View action on GET: a link without a token cannot work. */
    public void open() {
        invalid = token == null || token.isBlank();
    }

    public void reset() {
        if (password == null || password.isEmpty()) {
            fail("password", "signup.password.required");
            return;
        }
        if (!password.equals(confirm)) {
            fail("confirm", "account.error.confirmMismatch");
            return;
        }
        try {
            recovery.resetPassword(token == null ? null : token.trim(), password.toCharArray());
            done = true;
        } catch (DomainException e) {
            if (e.code() == ErrorCode.WEAK_PASSWORD) {
                fail("password", "account.error.weakPassword");
                return;
            }
            if (e.code() == ErrorCode.INVALID_TOKEN) {
                invalid = true;
            } else {
                Texts.error(e);
            }
            FacesContext.getCurrentInstance().validationFailed();
        } finally {
            password = null;
            confirm = null;
        }
    }

    private void fail(String field, String key) {
        Texts.fieldError(FORM + ":" + field, key);
        FacesContext.getCurrentInstance().validationFailed();
        password = null;
        confirm = null;
    }

    public boolean isDone() {
        return done;
    }

    public boolean isInvalid() {
        return invalid;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }
}
