package id.webrana.cloud.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * A server as the provider reports it.
 *
 * @param providerServerId the provider's id (DigitalOcean: the droplet id as a string)
 * @param publicIpv4 the public IPv4 address, or null while none is assigned
 * @param publicIpv6 the public IPv6 address, or null
 */
public record CloudServer(String providerServerId, String name, ServerStatus status, String region,
                          String sizeSlug, String imageSlug, String publicIpv4, String publicIpv6,
                          Instant createdAt, List<String> tags) {
    public CloudServer {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Running and reachable: the moment an order may become ACTIVE. */
    public boolean isReady() {
        return status == ServerStatus.ACTIVE && publicIpv4 != null && !publicIpv4.isBlank();
    }
}
