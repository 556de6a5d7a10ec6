package id.webrana.cloud.sandbox.digitalocean;

import java.util.Optional;

/**
 * The outcome of admitting one API request: the rate-limit header values to send and, if a fault was injected,
 * the error to answer with instead of handling the request.
 *
 * @param rateLimit the rate-limit header values
 * @param fault the injected error, or empty
 */
public record Admission(RateLimitStatus rateLimit, Optional<DigitalOceanException> fault) {
}
