package id.webrana.cloud.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import id.webrana.cloud.application.port.out.AccessTokenIssuer.IssuedToken;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtAccessTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-01-15T03:00:00Z");
    private static final UUID USER = UUID.fromString("5f0c8a52-1d0e-4c4e-9a51-2f4f1d6a7b10");

    private static JwtKeys keys;
    private static JwtKeys otherKeys;

    @BeforeAll
    static void generateKeys() {
        keys = keysOf(JwtKeys.generate());
        otherKeys = keysOf(JwtKeys.generate());
    }

    private final JwtAccessTokenIssuer issuer = new JwtAccessTokenIssuer(keys, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tokenVerifiesWithThePublicKeyAndCarriesTheMicroProfileClaims() throws Exception {
        IssuedToken issued = issuer.issue(USER, "budi@example.id", Set.of("reseller", "customer"));

        JwtClaims claims = consumer(keys.publicKey(), NOW.plusSeconds(60)).processToClaims(issued.token());

        assertThat(claims.getIssuer()).isEqualTo("https://webrana.id");
        assertThat(claims.getAudience()).containsExactly("webrana-api");
        assertThat(claims.getSubject()).isEqualTo(USER.toString());
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("budi@example.id");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("customer", "reseller");
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void expiresAfterFifteenMinutes() throws Exception {
        IssuedToken issued = issuer.issue(USER, "budi@example.id", Set.of("customer"));

        JwtClaims claims = consumer(keys.publicKey(), NOW).processToClaims(issued.token());
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(NOW.plus(Duration.ofMinutes(15)).getEpochSecond());

        assertThatThrownBy(() -> consumer(keys.publicKey(), NOW.plus(Duration.ofMinutes(16))).processToClaims(issued.token()))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("no longer valid");
    }

    @Test
    void headerIsRs256WithTheKeyId() throws Exception {
        IssuedToken issued = issuer.issue(USER, "budi@example.id", Set.of());

        var context = consumer(keys.publicKey(), NOW).process(issued.token());
        var jws = context.getJoseObjects().get(0);
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(keys.keyId());
        assertThat(context.getJwtClaims().getStringListClaimValue("groups")).isEmpty();
    }

    @Test
    void anotherKeyDoesNotVerifyTheToken() {
        IssuedToken issued = issuer.issue(USER, "budi@example.id", Set.of("customer"));

        assertThatThrownBy(() -> consumer(otherKeys.publicKey(), NOW).processToClaims(issued.token()))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void eachTokenHasItsOwnId() throws Exception {
        String first = issuer.issue(USER, "budi@example.id", Set.of()).token();
        String second = issuer.issue(USER, "budi@example.id", Set.of()).token();

        assertThat(consumer(keys.publicKey(), NOW).processToClaims(first).getJwtId())
                .isNotEqualTo(consumer(keys.publicKey(), NOW).processToClaims(second).getJwtId());
    }

    private static JwtConsumer consumer(RSAPublicKey key, Instant at) {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("https://webrana.id")
                .setExpectedAudience("webrana-api")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setEvaluationTime(NumericDate.fromSeconds(at.getEpochSecond()))
                .build();
    }

    private static JwtKeys keysOf(KeyPair pair) {
        return new JwtKeys((RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
    }
}
