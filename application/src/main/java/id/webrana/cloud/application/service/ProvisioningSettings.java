package id.webrana.cloud.application.service;

import id.webrana.cloud.domain.provisioning.Backoff;

import java.time.Duration;

/**
 * @param pollInterval how often a booting server is looked at
 * @param retryBackoff delays between attempts after transient provider errors
 */
public record ProvisioningSettings(Duration pollInterval, Backoff retryBackoff) {
    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings(Duration.ofSeconds(2), new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60)));
    }
}
