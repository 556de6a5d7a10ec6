package id.webrana.cloud.application.service;

import java.time.Duration;

/**
 * @param refreshTokenLifetime 7 days by default
 * @param passwordResetLifetime how long a reset link works
 * @param emailVerificationLifetime how long a verification link works
 * @param publicBaseUrl where links in emails point, e.g. http://localhost:9080
 */
public record AccountSettings(Duration refreshTokenLifetime, Duration passwordResetLifetime,
                              Duration emailVerificationLifetime, String publicBaseUrl) {
    public static AccountSettings defaults(String publicBaseUrl) {
        return new AccountSettings(Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(2), publicBaseUrl);
    }
}
