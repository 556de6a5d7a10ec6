package id.webrana.cloud.application.service;

import java.time.Duration;

/**
 * @param paymentWindow how long an order waits for payment before it expires
 * @param defaultRegion provider region new servers are created in (DIGITALOCEAN_DEFAULT_REGION)
 * @param provisioningTimeout how long provisioning may take before the order fails
 */
public record OrderSettings(Duration paymentWindow, String defaultRegion, Duration provisioningTimeout) {
}
