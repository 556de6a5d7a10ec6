package id.webrana.cloud.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import id.webrana.cloud.adapter.out.security.JwtAccessTokenIssuer;
import id.webrana.cloud.adapter.out.security.JwtKeys;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MP-JWT on the REST war: tokens made by the product's own issuer with the key the server generated in its output
 * directory are accepted; anything else is 401.
 */
class JwtAuthenticationIT {

    private static JwtKeys serverKeys;

    @BeforeAll
    static void readTheServersKey() throws Exception {
        E2e.awaitReady(); // the application writes the key pair at start-up
        serverKeys = JwtKeys.fromPem(Files.readString(E2e.SERVER_DIR.resolve("jwt/private.pem")), null);
    }

    @Test
    void pingNeedsNoToken() {
        var response = E2e.get("/api/v1/ping");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void meWithoutTokenIs401() {
        assertThat(E2e.get("/api/v1/ping/me").statusCode()).isEqualTo(401);
    }

    @Test
    void meWithAnIssuedTokenIsTheTokensUser() {
        String token = new JwtAccessTokenIssuer(serverKeys, Clock.systemUTC())
                .issue(UUID.randomUUID(), "budi@example.id", Set.of("reseller", "customer")).token();

        var response = E2e.get("/api/v1/ping/me", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"upn\":\"budi@example.id\"").contains("customer").contains("reseller");
    }

    @Test
    void tokenWithoutAnAllowedRoleIs403() {
        String token = new JwtAccessTokenIssuer(serverKeys, Clock.systemUTC())
                .issue(UUID.randomUUID(), "nobody@example.id", Set.of()).token();

        assertThat(E2e.get("/api/v1/ping/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
    }

    @Test
    void tokenSignedByAForeignKeyIs401() {
        KeyPair foreign = JwtKeys.generate();

        assertThat(me(sign(claims("https://webrana.id", "webrana-api", Instant.now()), foreign.getPrivate())))
                .isEqualTo(401);
    }

    @Test
    void unsignedTokenIs401() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims("https://webrana.id", "webrana-api", Instant.now()).toJson()
                .getBytes(StandardCharsets.UTF_8));

        assertThat(me(header + "." + payload + ".")).isEqualTo(401);
    }

    @Test
    void expiredTokenIs401() {
        String token = new JwtAccessTokenIssuer(serverKeys, Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC))
                .issue(UUID.randomUUID(), "budi@example.id", Set.of("customer")).token();

        assertThat(me(token)).isEqualTo(401);
    }

    @Test
    void wrongIssuerOrAudienceIs401() {
        assertThat(me(sign(claims("https://evil.example", "webrana-api", Instant.now()), serverKeys.privateKey())))
                .isEqualTo(401);
        assertThat(me(sign(claims("https://webrana.id", "other-api", Instant.now()), serverKeys.privateKey())))
                .isEqualTo(401);
    }

    private static int me(String token) {
        return E2e.get("/api/v1/ping/me", "Authorization", "Bearer " + token).statusCode();
    }

    private static JwtClaims claims(String issuer, String audience, Instant issuedAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setClaim("upn", "mallory@example.id");
        claims.setStringListClaim("groups", "super_admin");
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.getEpochSecond() + 900));
        claims.setGeneratedJwtId();
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
