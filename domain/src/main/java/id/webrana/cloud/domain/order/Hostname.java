package id.webrana.cloud.domain.order;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.regex.Pattern;

/**
 * The name a customer gives a server; it becomes the droplet name and the hostname, so it must
 * satisfy both DigitalOcean's droplet-name pattern and RFC 1123 (labels of 1..63 letters, digits
 * and hyphens, not starting or ending with a hyphen; 253 characters at most).
 */
public record Hostname(String value) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?");

    public Hostname {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_HOSTNAME, "Hostname is required");
        }
        value = value.trim();
        if (value.length() > 253 || value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
            throw new DomainException(ErrorCode.INVALID_HOSTNAME, "Hostname '" + value + "' is not a valid host name");
        }
        for (String label : value.split("\\.")) {
            if (!LABEL.matcher(label).matches()) {
                throw new DomainException(ErrorCode.INVALID_HOSTNAME, "Hostname '" + value
                        + "' may contain only letters, digits, hyphens and dots, each part 1-63 characters,"
                        + " not starting or ending with a hyphen");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
