package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.PasswordHasher;

/** "hash:" + password: readable in assertions, and counts checks (an unknown email is checked too). */
public final class FakePasswordHasher implements PasswordHasher {

    private int hashes;
    private int checks;
    private int checksAgainstNoHash;

    @Override
    public String hash(char[] plainPassword) {
        hashes++;
        return "hash:" + new String(plainPassword);
    }

    @Override
    public boolean matches(char[] plainPassword, String hash) {
        checks++;
        if (hash == null) {
            checksAgainstNoHash++;
            return false;
        }
        return hash.equals("hash:" + new String(plainPassword));
    }

    public int hashes() {
        return hashes;
    }

    public int checks() {
        return checks;
    }

    public int checksAgainstNoHash() {
        return checksAgainstNoHash;
    }
}
