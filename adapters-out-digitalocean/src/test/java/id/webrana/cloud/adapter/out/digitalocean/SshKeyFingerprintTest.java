package id.webrana.cloud.adapter.out.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** DigitalOcean names SSH keys by the MD5 fingerprint that {@code ssh-keygen -l -E md5} prints. */
class SshKeyFingerprintTest {

    @Test
    void the_fingerprint_matches_ssh_keygen_md5() {
        // ssh-keygen -l -E md5 -f key.pub: 256 MD5:ee:fc:42:59:ae:52:2b:b6:61:57:1d:61:13:d6:4b:1b ops@webrana.id
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBrRquYf1ZsRUxAewTAgU9CbWYe+kZ0pYyOxBzBRRXoX ops@webrana.id";

        assertThat(SshKeyFingerprint.md5(key)).isEqualTo("ee:fc:42:59:ae:52:2b:b6:61:57:1d:61:13:d6:4b:1b");
        assertThat(SshKeyFingerprint.md5("  " + key.replace(" ops@webrana.id", "") + "\n"))
                .isEqualTo("ee:fc:42:59:ae:52:2b:b6:61:57:1d:61:13:d6:4b:1b");
    }

    @Test
    void text_that_is_not_an_openssh_public_key_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SshKeyFingerprint.md5("hello"));
        assertThatIllegalArgumentException().isThrownBy(() -> SshKeyFingerprint.md5("ssh-rsa not*base64"));
        // valid Base64 whose blob names another key type
        assertThatIllegalArgumentException().isThrownBy(() -> SshKeyFingerprint.md5(
                "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIBrRquYf1ZsRUxAewTAgU9CbWYe+kZ0pYyOxBzBRRXoX"));
    }
}
