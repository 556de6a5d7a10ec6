package id.webrana.cloud.domain.account;

import java.util.Locale;

/** What a user may do. The lower-case name is the JWT group. */
public enum Role {
    CUSTOMER, RESELLER, ADMIN, SUPER_ADMIN;

    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAdministrative() {
        return this == ADMIN || this == SUPER_ADMIN;
    }
}
