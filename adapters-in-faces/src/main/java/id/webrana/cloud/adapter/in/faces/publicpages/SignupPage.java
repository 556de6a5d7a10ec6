package id.webrana.cloud.adapter.in.faces.publicpages;

import id.webrana.cloud.adapter.in.faces.security.LoginPage;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.RegisterUserUseCase;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

/**
 * {@code /signup.xhtml}: a visitor creates a customer account (name, email, optional phone, password typed twice).
 * Every refusal is shown next to its input and the other inputs keep what was typed (the passwords are asked again).
 * A new account is signed in at once and lands on the dashboard, which asks to verify the email address.
 */
@Named
@ViewScoped
public class SignupPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "signup";
    /** Where a new customer lands, signed in. */
    static final String WELCOME = "/portal/index.xhtml?welcome=1";

    @Inject
    RegisterUserUseCase registration;
    @Inject
    LoginPage login;

    private String fullName;
    private String email;
    private String phone;
    private String password;
    private String confirm;

    /** Creates the account, then signs it in (redirecting to the dashboard). */
    public String register() throws IOException {
        if (!checkFilledIn()) {
            return failed();
        }
        try {
            registration.register(new RegisterUserCommand(email.trim(), password.toCharArray(), fullName.trim(),
                    phone == null || phone.isBlank() ? null : phone.trim()));
        } catch (DomainException e) {
            Optional<AccountFields.FieldError> field = AccountFields.of(e);
            if (field.isPresent()) {
                Texts.fieldError(FORM + ":" + field.get().field(), field.get().messageKey());
            } else {
                Texts.error(e);
            }
            return failed();
        }
        login.setEmail(email.trim());
        login.setPassword(password);
        login.setNext(WELCOME);
        password = null;
        confirm = null;
        return login.signIn();
    }

    /** The checks the form makes itself: required inputs and the password typed twice alike. */
    private boolean checkFilledIn() {
        boolean ok = true;
        if (fullName == null || fullName.isBlank()) {
            Texts.fieldError(FORM + ":" + AccountFields.FULL_NAME, "signup.fullName.required");
            ok = false;
        }
        if (email == null || email.isBlank()) {
            Texts.fieldError(FORM + ":" + AccountFields.EMAIL, "signup.email.required");
            ok = false;
        }
        if (password == null || password.isEmpty()) {
            Texts.fieldError(FORM + ":" + AccountFields.PASSWORD, "signup.password.required");
            ok = false;
        } else if (!password.equals(confirm)) {
            Texts.fieldError(FORM + ":confirm", "account.error.confirmMismatch");
            ok = false;
        }
        return ok;
    }

    private String failed() {
        password = null;
        confirm = null;
        FacesContext.getCurrentInstance().validationFailed();
        return null;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
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
