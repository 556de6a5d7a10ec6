package id.webrana.cloud.adapter.out.digitalocean;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Droplet;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Image;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.NetworkV4;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.NetworkV6;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Networks;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.ServerStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Anti-corruption layer: DigitalOcean's droplet JSON to the port's provider-neutral {@link CloudServer}.
 *
 * <ul>
 *   <li>id: the droplet id as a string</li>
 *   <li>status: {@code new/active/off/archive} to {@link ServerStatus}, anything else {@link ServerStatus#UNKNOWN}</li>
 *   <li>public IPv4/IPv6: the first {@code networks.v4[]}/{@code v6[]} item of type {@code public}</li>
 *   <li>region: {@code region.slug}; size: {@code size_slug} (else {@code size.slug});
 *       image: {@code image.slug} (else the image id, for snapshots and custom images)</li>
 *   <li>created_at: ISO-8601; unparseable gives null rather than failing the whole call</li>
 * </ul>
 */
final class DropletMapper {

    private DropletMapper() {
    }

    static CloudServer toCloudServer(Droplet droplet) {
        Objects.requireNonNull(droplet, "droplet");
        return new CloudServer(
                droplet.id() == null ? null : String.valueOf(droplet.id()),
                droplet.name(),
                status(droplet.status()),
                droplet.region() == null ? null : droplet.region().slug(),
                sizeSlug(droplet),
                imageSlug(droplet.image()),
                publicIpv4(droplet.networks()),
                publicIpv6(droplet.networks()),
                createdAt(droplet.createdAt()),
                droplet.tags());
    }

    static ServerStatus status(String doStatus) {
        if (doStatus == null) {
            return ServerStatus.UNKNOWN;
        }
        return switch (doStatus.trim().toLowerCase(Locale.ROOT)) {
            case "new" -> ServerStatus.NEW;
            case "active" -> ServerStatus.ACTIVE;
            case "off" -> ServerStatus.OFF;
            case "archive" -> ServerStatus.ARCHIVE;
            default -> ServerStatus.UNKNOWN;
        };
    }

    static String publicIpv4(Networks networks) {
        if (networks == null || networks.v4() == null) {
            return null;
        }
        return networks.v4().stream()
                .filter(Objects::nonNull)
                .filter(n -> "public".equalsIgnoreCase(n.type()))
                .map(NetworkV4::ipAddress)
                .filter(ip -> ip != null && !ip.isBlank())
                .findFirst()
                .orElse(null);
    }

    static String publicIpv6(Networks networks) {
        if (networks == null || networks.v6() == null) {
            return null;
        }
        return networks.v6().stream()
                .filter(Objects::nonNull)
                .filter(n -> "public".equalsIgnoreCase(n.type()))
                .map(NetworkV6::ipAddress)
                .filter(ip -> ip != null && !ip.isBlank())
                .findFirst()
                .orElse(null);
    }

    static Instant createdAt(String createdAt) {
        if (createdAt == null || createdAt.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(createdAt.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String sizeSlug(Droplet droplet) {
        if (droplet.sizeSlug() != null) {
            return droplet.sizeSlug();
        }
        return droplet.size() == null ? null : droplet.size().slug();
    }

    private static String imageSlug(Image image) {
        if (image == null) {
            return null;
        }
        if (image.slug() != null && !image.slug().isBlank()) {
            return image.slug();
        }
        return image.id() == null ? null : String.valueOf(image.id());
    }

    static List<CloudServer> toCloudServers(List<Droplet> droplets) {
        return droplets.stream().filter(Objects::nonNull).map(DropletMapper::toCloudServer).toList();
    }
}
