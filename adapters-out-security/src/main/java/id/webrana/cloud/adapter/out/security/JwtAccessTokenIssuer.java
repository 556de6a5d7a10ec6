package id.webrana.cloud.adapter.out.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import id.webrana.cloud.application.port.out.AccessTokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Issues the REST API's access tokens: RS256 JWTs valid for 15 minutes, shaped for MicroProfile JWT
 * ({@code iss}, {@code aud}, {@code sub} = user id, {@code upn} = email, {@code groups} = roles, {@code iat},
 * {@code exp}, {@code jti}). server.xml's {@code <mpJwt>} checks the same issuer and audience.
 */
@ApplicationScoped
public class JwtAccessTokenIssuer implements AccessTokenIssuer {

    public static final String ISSUER = "https://webrana.id";
    public static final String AUDIENCE = "webrana-api";
    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);

    private Supplier<JwtKeys> keys;
    private Clock clock;

    /** For CDI's client proxy only. */
    protected JwtAccessTokenIssuer() {
    }

    @Inject
    public JwtAccessTokenIssuer(JwtKeyProvider keyProvider) {
        this(keyProvider::keys, Clock.systemUTC());
    }

    public JwtAccessTokenIssuer(JwtKeys keys, Clock clock) {
        this(() -> keys, clock);
    }

    private JwtAccessTokenIssuer(Supplier<JwtKeys> keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuedToken issue(UUID userId, String email, Set<String> roles) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(roles, "roles");
        long issuedAt = clock.instant().getEpochSecond();
        Instant expiresAt = Instant.ofEpochSecond(issuedAt).plus(TIME_TO_LIVE);

        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(userId.toString());
        claims.setClaim("upn", email);
        claims.setStringListClaim("groups", new TreeSet<>(roles).stream().toList());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());

        JwtKeys signing = keys.get();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signing.privateKey());
        jws.setKeyIdHeaderValue(signing.keyId());
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return new IssuedToken(jws.getCompactSerialization(), expiresAt);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign the access token", e);
        }
    }
}
