package id.webrana.cloud.domain.billing;

import java.util.Objects;

/** The customer as printed on an invoice, frozen when it is issued. */
public record Buyer(String name, String email, String phone) {
    public Buyer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
