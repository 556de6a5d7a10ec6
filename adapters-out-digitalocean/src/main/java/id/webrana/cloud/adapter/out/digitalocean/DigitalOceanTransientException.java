package id.webrana.cloud.adapter.out.digitalocean;

import id.webrana.cloud.application.port.out.CloudProviderException;
import java.time.Duration;

/**
 * A DigitalOcean call failed in a way that may succeed later: 5xx, timeout, connection refused, an unreadable body,
 * or (as the subclass {@link DigitalOceanRateLimitedException}) a 429.
 *
 * <p>It is a {@link CloudProviderException} with {@link #isTransient()} true; the separate class exists so that
 * MicroProfile Fault Tolerance, which selects exceptions by class ({@code retryOn}, {@code failOn}), can tell transient
 * from permanent failures.
 */
public class DigitalOceanTransientException extends CloudProviderException {

    private static final long serialVersionUID = 1L;

    public DigitalOceanTransientException(String message, int httpStatus, Duration retryAfter, Throwable cause) {
        super(message, true, httpStatus, retryAfter, cause);
    }
}
