package id.webrana.cloud.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesAPairOnceAndReloadsItLater() throws Exception {
        JwtKeys first = JwtKeys.resolve(null, null, dir);

        assertThat(dir.resolve("private.pem")).exists();
        assertThat(Files.readString(dir.resolve("public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("public.pem"))))
                .isEqualTo("rw-r--r--");
        assertThat(first.publicKey().getModulus().bitLength()).isEqualTo(2048);

        JwtKeys again = JwtKeys.resolve("", " ", dir);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.privateKey()).isEqualTo(first.privateKey());
    }

    @Test
    void rewritesAMissingPublicKeyFromThePrivateKey() throws Exception {
        JwtKeys first = JwtKeys.loadOrCreate(dir);
        Files.delete(dir.resolve("public.pem"));

        JwtKeys again = JwtKeys.loadOrCreate(dir);

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(JwtKeys.parsePublicKey(Files.readString(dir.resolve("public.pem")))).isEqualTo(first.publicKey());
    }

    @Test
    void pemFromTheEnvironmentWinsAndItsPublicKeyIsWrittenForMpJwt() throws Exception {
        KeyPair pair = JwtKeys.generate();
        String privatePem = JwtKeys.toPem("PRIVATE KEY", pair.getPrivate().getEncoded());
        String publicPem = JwtKeys.toPem("PUBLIC KEY", pair.getPublic().getEncoded());
        JwtKeys.loadOrCreate(dir); // an older generated pair must not win

        JwtKeys keys = JwtKeys.resolve(privatePem, publicPem, dir);

        assertThat(keys.publicKey()).isEqualTo(pair.getPublic());
        assertThat(Files.readString(dir.resolve("public.pem"))).isEqualTo(publicPem);
    }

    @Test
    void privateKeyAloneIsEnoughAndEscapedNewlinesAreAccepted() {
        KeyPair pair = JwtKeys.generate();
        String oneLine = JwtKeys.toPem("PRIVATE KEY", pair.getPrivate().getEncoded()).replace("\n", "\\n");

        JwtKeys keys = JwtKeys.resolve(oneLine, null, dir);

        assertThat(keys.publicKey()).isEqualTo(pair.getPublic());
        assertThat(dir.resolve("private.pem")).doesNotExist();
    }

    @Test
    void rejectsMismatchedOrIncompleteKeys() {
        KeyPair one = JwtKeys.generate();
        KeyPair two = JwtKeys.generate();
        String privatePem = JwtKeys.toPem("PRIVATE KEY", one.getPrivate().getEncoded());
        String otherPublicPem = JwtKeys.toPem("PUBLIC KEY", two.getPublic().getEncoded());

        assertThatThrownBy(() -> JwtKeys.resolve(privatePem, otherPublicPem, dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> JwtKeys.resolve(null, otherPublicPem, dir))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JwtKeys.resolve("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----", null, dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");
    }
}
