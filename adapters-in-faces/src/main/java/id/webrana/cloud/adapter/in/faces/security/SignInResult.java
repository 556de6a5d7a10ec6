package id.webrana.cloud.adapter.in.faces.security;

/** What checking an email and password gave: the user, wrong credentials, or a disabled account. */
public sealed interface SignInResult {

    /** The password matched. */
    record SignedIn(PortalUser user) implements SignInResult {
    }

    /** Unknown email or wrong password (the page does not say which). */
    record Invalid() implements SignInResult {
    }

    /** The password matched but an operator disabled the account. */
    record Disabled() implements SignInResult {
    }
}
