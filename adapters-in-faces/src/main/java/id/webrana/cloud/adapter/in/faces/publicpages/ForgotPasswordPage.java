package id.webrana.cloud.adapter.in.faces.publicpages;

import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.PasswordRecoveryUseCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code /forgot-password.xhtml}: asks for a reset link by email. The answer is the same whether or not the address
 * has an account, so nobody can find out who is a customer.
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @Inject
    PasswordRecoveryUseCase recovery;

    private String email;
    private boolean sent;

    public void send() {
        if (email == null || email.isBlank()) {
            Texts.fieldError("forgot:email", "signup.email.required");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        recovery.requestPasswordReset(email.trim());
        sent = true;
    }

    public boolean isSent() {
        return sent;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
