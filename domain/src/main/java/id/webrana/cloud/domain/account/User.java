package id.webrana.cloud.domain.account;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person with an account: a customer, a reseller or an operator. Holds the password hash (never
 * the password), roles, whether the email is verified and the account enabled, and since when their
 * sessions count: a web session or token started before {@link #sessionsValidAfter()} (set by a
 * password change, "sign out everywhere", a role change or disabling) is no longer accepted.
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
    private Instant sessionsValidAfter;
    private final long version;

    /** Rebuilds a user whose sessions were never ended (see the full constructor). */
    public User(UUID id, EmailAddress email, String passwordHash, String fullName, String phone, Set<Role> roles,
                boolean emailVerified, boolean enabled, Instant createdAt, long version) {
        this(id, email, passwordHash, fullName, phone, roles, emailVerified, enabled, createdAt, null, version);
    }

    /**
     * Rebuilds a user from storage.
     *
     * @param sessionsValidAfter sessions started before this instant are over; null when none was ever ended
     */
    public User(UUID id, EmailAddress email, String passwordHash, String fullName, String phone, Set<Role> roles,
                boolean emailVerified, boolean enabled, Instant createdAt, Instant sessionsValidAfter, long version) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.fullName = requireName(fullName);
        this.phone = normalizePhone(phone);
        this.roles = roles == null || roles.isEmpty() ? EnumSet.of(Role.CUSTOMER) : EnumSet.copyOf(roles);
        this.emailVerified = emailVerified;
        this.enabled = enabled;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.sessionsValidAfter = sessionsValidAfter;
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

    /** A new password (its hash): every session started before {@code now} ends. */
    public void changePassword(String newHash, Instant now) {
        changePasswordHash(newHash);
        endAllSessions(now);
    }

    /** The person's own details: name (1..100 characters) and phone (optional, digits with an optional +). */
    public void updateProfile(String fullName, String phone) {
        String name = requireName(fullName);
        String normalizedPhone = normalizePhone(phone);
        this.fullName = name;
        this.phone = normalizedPhone;
    }

    /**
     * Signs the user out everywhere: sessions started before {@code now} are no longer accepted. Kept to the
     * microsecond, as the database keeps it, so that a session started right after still counts.
     */
    public void endAllSessions(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        if (sessionsValidAfter == null || at.isAfter(sessionsValidAfter)) {
            sessionsValidAfter = at;
        }
    }

    /**
     * Whether a session that started at {@code signedInAt} may still be used: the account is enabled and no
     * password change, "sign out everywhere", role change or disabling came later.
     */
    public boolean acceptsSessionStartedAt(Instant signedInAt) {
        if (!enabled || signedInAt == null) {
            return false;
        }
        return sessionsValidAfter == null || !signedInAt.isBefore(sessionsValidAfter);
    }

    public void verifyEmail() {
        this.emailVerified = true;
    }

    public void grant(Role role) {
        roles.add(role);
    }

    /**
     * Gives the user exactly {@code newRoles} (at least one). When they differ from the current roles, every
     * session started before {@code now} ends, so that nobody keeps rights they lost.
     *
     * @return whether the roles changed
     */
    public boolean assignRoles(Set<Role> newRoles, Instant now) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A user needs at least one role");
        }
        if (roles.equals(newRoles)) {
            return false;
        }
        roles.clear();
        roles.addAll(newRoles);
        endAllSessions(now);
        return true;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isSuperAdmin() {
        return roles.contains(Role.SUPER_ADMIN);
    }

    public void disable() {
        enabled = false;
    }

    /** An operator disables the account: it cannot sign in, and its sessions end now (also if it is enabled again). */
    public void disable(Instant now) {
        disable();
        endAllSessions(now);
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
    /** Sessions started before this instant are over; null when none was ever ended. */
    public Instant sessionsValidAfter() { return sessionsValidAfter; }
    public long version() { return version; }
}
