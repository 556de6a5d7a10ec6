package id.webrana.cloud.adapter.in.faces.publicpages;

import id.webrana.cloud.application.port.in.PasswordRecoveryUseCase;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /verify-email.xhtml?token=}: the link of the verification email. Opening it verifies the address once; a
 * used, expired or unknown token says the link no longer works.
 */
@Named
@RequestScoped
public class VerifyEmailPage {

    private static final Logger LOG = Logger.getLogger(VerifyEmailPage.class.getName());

    /** What opening the link gave. */
    public enum Outcome { VERIFIED, INVALID, FAILED }

    @Inject
    PasswordRecoveryUseCase recovery;

    private String token;
    private Outcome outcome;

    /** View action on GET: uses the token up. */
    public void verify() {
        if (token == null || token.isBlank()) {
            outcome = Outcome.INVALID;
            return;
        }
        try {
            recovery.verifyEmail(token.trim());
            outcome = Outcome.VERIFIED;
        } catch (DomainException e) {
            outcome = e.code() == ErrorCode.INVALID_TOKEN ? Outcome.INVALID : Outcome.FAILED;
            LOG.log(Level.FINE, "email verification refused", e);
        }
    }

    public boolean isVerified() {
        return outcome == Outcome.VERIFIED;
    }

    public boolean isInvalid() {
        return outcome == Outcome.INVALID;
    }

    public boolean isFailed() {
        return outcome == Outcome.FAILED;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
