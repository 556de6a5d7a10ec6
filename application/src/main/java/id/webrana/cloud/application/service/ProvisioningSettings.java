package id.webrana.cloud.application.service;

import id.webrana.cloud.domain.provisioning.Backoff;

import java.time.Duration;

/**
 * @param pollInterval how often a booting server is looked at
 * @param retryBackoff delays between attempts after transient provider errors
 * @param agentBaseUrl the platform's public URL the agent on each server calls (its password resets);
 *                     null installs no agent
 */
public record ProvisioningSettings(Duration pollInterval, Backoff retryBackoff, String agentBaseUrl) {

    public ProvisioningSettings(Duration pollInterval, Backoff retryBackoff) {
        this(pollInterval, retryBackoff, null);
    }

    public ProvisioningSettings withAgentBaseUrl(String url) {
        return new ProvisioningSettings(pollInterval, retryBackoff, url);
    }

    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings(Duration.ofSeconds(2), new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60)));
    }
}
