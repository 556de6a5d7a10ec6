package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.Requests.EmailRequest;
import id.webrana.cloud.adapter.in.rest.dto.Requests.LoginRequest;
import id.webrana.cloud.adapter.in.rest.dto.Requests.RefreshRequest;
import id.webrana.cloud.adapter.in.rest.dto.Requests.RegisterRequest;
import id.webrana.cloud.adapter.in.rest.dto.Requests.ResetPasswordRequest;
import id.webrana.cloud.adapter.in.rest.dto.Requests.TokenRequest;
import id.webrana.cloud.adapter.in.rest.dto.Views.UserView;
import id.webrana.cloud.application.port.in.AuthenticationUseCase;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.LoginCommand;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.TokenPair;
import id.webrana.cloud.application.port.in.PasswordRecoveryUseCase;
import id.webrana.cloud.application.port.in.RegisterUserUseCase;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Accounts and tokens: register, sign in, refresh (rotating), sign out, password recovery. */
@Path("/api/v1/auth")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "Accounts and tokens; no token needed. Register, sign in (a 15-minute RS256 access "
        + "token plus a 7-day refresh token), refresh (the refresh token rotates on every use; replaying a used one "
        + "revokes the whole family), sign out, email verification and password recovery.")
@APIResponse(responseCode = "400", description = "`MALFORMED_JSON` (the body is not JSON of the right shape) or "
        + "`VALIDATION_ERROR` (no body)", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON),
                @ExampleObject(name = "VALIDATION_ERROR", value = ApiExamples.BODY_REQUIRED)}))
public class AuthResource {

    @Inject RegisterUserUseCase register;
    @Inject AuthenticationUseCase authentication;
    @Inject PasswordRecoveryUseCase recovery;

    /** Tokens as the client receives them. */
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant accessTokenExpiresAt,
                                String refreshToken, Instant refreshTokenExpiresAt, UUID userId, Set<String> roles) {
        static TokenResponse of(TokenPair p) {
            return new TokenResponse(p.accessToken(), "Bearer",
                    Math.max(0, p.accessTokenExpiresAt().getEpochSecond() - Instant.now().getEpochSecond()),
                    p.accessTokenExpiresAt(), p.refreshToken(), p.refreshTokenExpiresAt(), p.userId(), p.roles());
        }
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create a customer account",
            description = "Registers a customer (role `customer`, email not yet verified) and queues a verification "
                    + "email whose link carries the token for POST /api/v1/auth/verify-email. The password must be "
                    + "8 to 128 characters with a letter and a digit; `phone` is optional. Does not sign in: call "
                    + "POST /api/v1/auth/login next.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisterRequest.class),
            examples = @ExampleObject(name = "customer", value = ApiExamples.REGISTER_REQUEST)))
    @APIResponse(responseCode = "201", description = "The new account", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class),
            examples = @ExampleObject(name = "registered", value = ApiExamples.REGISTERED_USER)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR` (email, full name or phone), `WEAK_PASSWORD`, "
            + "or `MALFORMED_JSON` for an unreadable body", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "VALIDATION_ERROR", value = ApiExamples.INVALID_EMAIL),
                    @ExampleObject(name = "WEAK_PASSWORD", value = ApiExamples.WEAK_PASSWORD),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "409", description = "`EMAIL_ALREADY_REGISTERED`", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "EMAIL_ALREADY_REGISTERED", value = ApiExamples.EMAIL_ALREADY_REGISTERED)))
    public Response register(RegisterRequest body) {
        Ids.require(body);
        var user = register.register(new RegisterUserCommand(body.email(), chars(body.password()), body.fullName(),
                body.phone()));
        return Response.status(201).entity(UserView.of(user)).build();
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in",
            description = "Returns a 15-minute RS256 access token (send it as `Authorization: Bearer <accessToken>`) "
                    + "and a 7-day refresh token for POST /api/v1/auth/refresh. `expiresIn` is in seconds; `roles` "
                    + "are the token's groups.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LoginRequest.class),
            examples = @ExampleObject(name = "login", value = ApiExamples.LOGIN_REQUEST)))
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class),
            examples = @ExampleObject(name = "tokens", value = ApiExamples.TOKENS)))
    @APIResponse(responseCode = "401", description = "`INVALID_CREDENTIALS`: unknown email or wrong password (on "
            + "purpose not told apart)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "INVALID_CREDENTIALS", value = ApiExamples.INVALID_CREDENTIALS)))
    @APIResponse(responseCode = "403", description = "`ACCOUNT_DISABLED`: right password, but the account is disabled",
            content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "ACCOUNT_DISABLED", value = ApiExamples.ACCOUNT_DISABLED)))
    public TokenResponse login(LoginRequest body) {
        Ids.require(body);
        return TokenResponse.of(authentication.login(new LoginCommand(body.email(), chars(body.password()))));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "Call this when the access token has expired (a protected operation answered 401 with an "
                    + "empty body). The refresh token rotates on every use; presenting a used one revokes the whole "
                    + "family (every token rotated from that sign-in), so keep the new one.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RefreshRequest.class),
            examples = @ExampleObject(name = "refresh", value = ApiExamples.REFRESH_REQUEST)))
    @APIResponse(responseCode = "200", description = "New tokens, with a new refresh token", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class),
            examples = @ExampleObject(name = "tokens", value = ApiExamples.REFRESHED_TOKENS)))
    @APIResponse(responseCode = "401", description = "`INVALID_REFRESH_TOKEN`: unknown, expired, revoked or replayed "
            + "refresh token, or the account has been disabled", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "INVALID_REFRESH_TOKEN", value = ApiExamples.INVALID_REFRESH_TOKEN)))
    public TokenResponse refresh(RefreshRequest body) {
        Ids.require(body);
        return TokenResponse.of(authentication.refresh(body.refreshToken()));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Sign out: revokes the refresh token's family",
            description = "Revokes the refresh token and every token rotated from the same sign-in. Answers 204 even "
                    + "for an unknown or already revoked token. Access tokens already issued stay valid until they "
                    + "expire (at most 15 minutes).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RefreshRequest.class),
            examples = @ExampleObject(name = "logout", value = ApiExamples.REFRESH_REQUEST)))
    @APIResponse(responseCode = "204", description = "Signed out (no body)")
    public Response logout(RefreshRequest body) {
        Ids.require(body);
        authentication.logout(body.refreshToken());
        return Response.noContent().build();
    }

    @POST
    @Path("/forgot-password")
    @Operation(summary = "Mail a password-reset link",
            description = "Answers 202 with the same body whether or not the address has an (enabled) account, so it "
                    + "does not reveal who is registered. The emailed link carries the token for "
                    + "POST /api/v1/auth/reset-password.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EmailRequest.class),
            examples = @ExampleObject(name = "email", value = ApiExamples.EMAIL_REQUEST)))
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                    properties = @SchemaProperty(name = "status", type = SchemaType.STRING)),
            examples = @ExampleObject(name = "accepted", value = ApiExamples.RESET_LINK_ACCEPTED)))
    public Response forgotPassword(EmailRequest body) {
        Ids.require(body);
        recovery.requestPasswordReset(body.email());
        return Response.accepted(Map.of("status", "If the address has an account, a reset link is on its way")).build();
    }

    @POST
    @Path("/reset-password")
    @Operation(summary = "Set a new password with the token from the email",
            description = "The token is single-use and short-lived. On success every refresh token of the account is "
                    + "revoked: all sessions must sign in again with the new password.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResetPasswordRequest.class),
            examples = @ExampleObject(name = "reset", value = ApiExamples.RESET_PASSWORD_REQUEST)))
    @APIResponse(responseCode = "204", description = "Password changed (no body)")
    @APIResponse(responseCode = "400", description = "`INVALID_TOKEN` (unknown, used or expired link), "
            + "`WEAK_PASSWORD`, `MALFORMED_JSON` or `VALIDATION_ERROR` (no body)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "INVALID_TOKEN", value = ApiExamples.INVALID_TOKEN),
                    @ExampleObject(name = "WEAK_PASSWORD", value = ApiExamples.WEAK_PASSWORD),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    public Response resetPassword(ResetPasswordRequest body) {
        Ids.require(body);
        recovery.resetPassword(body.token(), chars(body.newPassword()));
        return Response.noContent().build();
    }

    @POST
    @Path("/verify-email")
    @Operation(summary = "Confirm an email address with the token from the email",
            description = "Marks the account's email as verified (`emailVerified: true`). The token is single-use.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TokenRequest.class),
            examples = @ExampleObject(name = "verify", value = ApiExamples.VERIFY_EMAIL_REQUEST)))
    @APIResponse(responseCode = "204", description = "Verified (no body)")
    @APIResponse(responseCode = "400", description = "`INVALID_TOKEN` (unknown, used or expired link), "
            + "`MALFORMED_JSON` or `VALIDATION_ERROR` (no body)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "INVALID_TOKEN", value = ApiExamples.INVALID_TOKEN),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    public Response verifyEmail(TokenRequest body) {
        Ids.require(body);
        recovery.verifyEmail(body.token());
        return Response.noContent().build();
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }
}
