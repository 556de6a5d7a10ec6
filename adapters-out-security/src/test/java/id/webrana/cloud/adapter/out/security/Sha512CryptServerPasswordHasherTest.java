package id.webrana.cloud.adapter.out.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha512CryptServerPasswordHasherTest {

    private final Sha512CryptServerPasswordHasher hasher = new Sha512CryptServerPasswordHasher();

    @Test
    void the_hash_is_the_one_glibc_crypt_computes() {
        // the reference vector of Ulrich Drepper's SHA-crypt specification (glibc's crypt(3))
        assertThat(Sha512CryptServerPasswordHasher.withSalt("Hello world!", "$6$saltstring")).isEqualTo(
                "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1");
    }

    @Test
    void every_hash_has_a_fresh_sixteen_character_salt_and_verifies_the_password() {
        String first = hasher.sha512Crypt("Rahasia-Root_2026");
        String second = hasher.sha512Crypt("Rahasia-Root_2026");

        assertThat(first).matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}");
        assertThat(first).isNotEqualTo(second);
        String salt = first.substring(0, first.lastIndexOf('$'));
        assertThat(Sha512CryptServerPasswordHasher.withSalt("Rahasia-Root_2026", salt)).isEqualTo(first);
        assertThat(Sha512CryptServerPasswordHasher.withSalt("rahasia-root_2026", salt)).isNotEqualTo(first);
        assertThat(first).doesNotContain("Rahasia");
    }
}
