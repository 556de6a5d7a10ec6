package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.ServerPasswordHasher;

/** Marks the password as hashed without the cost (the real one is tested in adapters-out-security). */
public final class FakeServerPasswordHasher implements ServerPasswordHasher {
    @Override
    public String sha512Crypt(String password) {
        return "$6$fakesalt$" + Integer.toHexString(password.hashCode());
    }
}
