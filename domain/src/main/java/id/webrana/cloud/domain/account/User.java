package id.webrana.cloud.domain.account;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person with an account: a customer, a reseller or an operator. Holds the password hash (never
 * the password), roles, and whether the email is verified and the account enabled.
 */
public final class User {

    private final UUID id;
    private final EmailAddress email;
    private String passwordHash;
    private String fullName;
    private String phone;
    private final Set<Role> roles;
    private boolean emailVerified;
    private boolean enabled;
    private final Instant createdAt;
    private final long version;

    public User(UUID id, EmailAddress email, String passwordHash, String fullName, String phone, Set<Role> roles,
                boolean emailVerified, boolean enabled, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.fullName = requireName(fullName);
        this.phone = normalizePhone(phone);
        this.roles = roles == null || roles.isEmpty() ? EnumSet.of(Role.CUSTOMER) : EnumSet.copyOf(roles);
        this.emailVerified = emailVerified;
        this.enabled = enabled;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.version = version;
    }

    /** A newly registered customer, email not yet verified. */
    public static User register(EmailAddress email, String passwordHash, String fullName, String phone, Instant now) {
        return new User(UUID.randomUUID(), email, passwordHash, fullName, phone, EnumSet.of(Role.CUSTOMER), false,
                true, now, 0);
    }

    /**
     * Checks a new password against the platform's minimum: 8 to 128 characters with at least one
     * letter and one digit.
     */
    public static void requireStrongPassword(char[] password) {
        if (password == null || password.length < 8 || password.length > 128) {
            throw new DomainException(ErrorCode.WEAK_PASSWORD, "Password must be 8 to 128 characters");
        }
        boolean letter = false;
        boolean digit = false;
        for (char c : password) {
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        if (!letter || !digit) {
            throw new DomainException(ErrorCode.WEAK_PASSWORD, "Password must contain a letter and a digit");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Name must be 1..100 characters");
        }
        return name.trim();
    }

    private static String normalizePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.replaceAll("[\\s\\-()]", "");
        if (!p.matches("\\+?[0-9]{8,15}")) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Phone number '" + phone + "' is not valid");
        }
        return p;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void verifyEmail() {
        this.emailVerified = true;
    }

    public void grant(Role role) {
        roles.add(role);
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    /** Refuses a disabled account. */
    public void requireEnabled() {
        if (!enabled) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
    }

    public boolean isAdministrator() {
        return roles.stream().anyMatch(Role::isAdministrative);
    }

    public UUID id() { return id; }
    public EmailAddress email() { return email; }
    public String passwordHash() { return passwordHash; }
    public String fullName() { return fullName; }
    public String phone() { return phone; }
    public Set<Role> roles() { return Collections.unmodifiableSet(roles); }
    public boolean isEmailVerified() { return emailVerified; }
    public boolean isEnabled() { return enabled; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
