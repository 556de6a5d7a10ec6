package id.webrana.cloud.adapter.out.digitalocean;

import id.webrana.cloud.application.port.out.CloudProviderException;

/**
 * A DigitalOcean call failed and repeating it cannot help: 401/403 (token), 404 on create, 422 (validation, unknown
 * slug), any other 4xx, or a request the adapter refuses to send (malformed id or SSH key). The message carries
 * DigitalOcean's own {@code message} when it sent one.
 */
public class DigitalOceanPermanentException extends CloudProviderException {

    private static final long serialVersionUID = 1L;

    public DigitalOceanPermanentException(String message, int httpStatus, Throwable cause) {
        super(message, false, httpStatus, null, cause);
    }
}
