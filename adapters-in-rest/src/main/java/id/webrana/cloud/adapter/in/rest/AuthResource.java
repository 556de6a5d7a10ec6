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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
@Tag(name = "Auth")
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
    @Operation(summary = "Create a customer account", description = "Queues a verification email.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "customer",
            value = "{\"email\":\"budi@example.id\",\"password\":\"Rahasia123\",\"fullName\":\"Budi Santoso\",\"phone\":\"+6281234567890\"}")))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR, WEAK_PASSWORD or MALFORMED_JSON")
    @APIResponse(responseCode = "409", description = "EMAIL_ALREADY_REGISTERED")
    public Response register(RegisterRequest body) {
        Ids.require(body);
        var user = register.register(new RegisterUserCommand(body.email(), chars(body.password()), body.fullName(),
                body.phone()));
        return Response.status(201).entity(UserView.of(user)).build();
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in", description = "Returns a 15-minute RS256 access token and a 7-day refresh token.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "login",
            value = "{\"email\":\"budi@example.id\",\"password\":\"Rahasia123\"}")))
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(examples = @ExampleObject(name = "tokens",
            value = "{\"accessToken\":\"eyJ...\",\"tokenType\":\"Bearer\",\"expiresIn\":900,\"refreshToken\":\"q8l...\"}")))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS")
    public TokenResponse login(LoginRequest body) {
        Ids.require(body);
        return TokenResponse.of(authentication.login(new LoginCommand(body.email(), chars(body.password()))));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "The refresh token rotates on every use; presenting a used one revokes the whole family.")
    @APIResponse(responseCode = "200", description = "New tokens")
    @APIResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN")
    public TokenResponse refresh(RefreshRequest body) {
        Ids.require(body);
        return TokenResponse.of(authentication.refresh(body.refreshToken()));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Sign out: revokes the refresh token's family")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout(RefreshRequest body) {
        Ids.require(body);
        authentication.logout(body.refreshToken());
        return Response.noContent().build();
    }

    @POST
    @Path("/forgot-password")
    @Operation(summary = "Mail a password-reset link", description = "Answers 202 whether or not the email exists.")
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response forgotPassword(EmailRequest body) {
        Ids.require(body);
        recovery.requestPasswordReset(body.email());
        return Response.accepted(Map.of("status", "If the address has an account, a reset link is on its way")).build();
    }

    @POST
    @Path("/reset-password")
    @Operation(summary = "Set a new password with the token from the email")
    @APIResponse(responseCode = "204", description = "Password changed")
    @APIResponse(responseCode = "400", description = "INVALID_TOKEN or WEAK_PASSWORD")
    public Response resetPassword(ResetPasswordRequest body) {
        Ids.require(body);
        recovery.resetPassword(body.token(), chars(body.newPassword()));
        return Response.noContent().build();
    }

    @POST
    @Path("/verify-email")
    @Operation(summary = "Confirm an email address with the token from the email")
    @APIResponse(responseCode = "204", description = "Verified")
    @APIResponse(responseCode = "400", description = "INVALID_TOKEN")
    public Response verifyEmail(TokenRequest body) {
        Ids.require(body);
        recovery.verifyEmail(body.token());
        return Response.noContent().build();
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }
}
