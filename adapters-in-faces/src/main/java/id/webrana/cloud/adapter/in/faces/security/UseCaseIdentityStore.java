package id.webrana.cloud.adapter.in.faces.security;

import id.webrana.cloud.application.port.in.AuthenticationUseCase;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.LoginCommand;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.SignedInUser;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The web app's identity store: checks an email and password with {@link AuthenticationUseCase#verifyCredentials}
 * (bcrypt, no tokens issued) and gives the user's roles as groups (Liberty maps a group to the role of the same
 * name, so no role mapping is configured). {@link LoginPage} calls {@link #signIn} directly, which also tells a
 * disabled account apart; the Jakarta Security {@link #validate(Credential)} serves any container-driven check.
 */
@ApplicationScoped
public class UseCaseIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(UseCaseIdentityStore.class.getName());

    @Inject
    AuthenticationUseCase authentication;

    /**
     * @param email    as typed
     * @param password as typed; wiped before returning
     */
    public SignInResult signIn(String email, char[] password) {
        try {
            if (email == null || email.isBlank() || password == null || password.length == 0) {
                return new SignInResult.Invalid();
            }
            SignedInUser user = authentication.verifyCredentials(new LoginCommand(email.trim(), password));
            return new SignInResult.SignedIn(new PortalUser(user.userId(), user.email(), user.fullName(), user.roles()));
        } catch (DomainException e) {
            if (e.code() == ErrorCode.ACCOUNT_DISABLED) {
                return new SignInResult.Disabled();
            }
            if (e.code() != ErrorCode.INVALID_CREDENTIALS) {
                LOG.fine(() -> "sign-in refused: " + e.code());
            }
            return new SignInResult.Invalid();
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (signIn(up.getCaller(), up.getPassword().getValue().clone()) instanceof SignInResult.SignedIn ok) {
            PortalUser u = ok.user();
            return new CredentialValidationResult(null, u.email(), null, u.id().toString(), u.roles());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
