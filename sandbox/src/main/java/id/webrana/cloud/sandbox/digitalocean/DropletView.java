package id.webrana.cloud.sandbox.digitalocean;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A droplet as seen at one instant: its status and networks are computed from the simulator's clock.
 *
 * @param id the droplet id
 * @param name the name
 * @param status {@code new}, {@code active} or {@code off}
 * @param locked always {@code false} in the sandbox
 * @param createdAt when it was created
 * @param size its size
 * @param image its image
 * @param region its region
 * @param tags its tags
 * @param features e.g. {@code private_networking}, {@code ipv6}
 * @param v4 IPv4 interfaces (empty while {@code new})
 * @param v6 IPv6 interfaces (empty while {@code new})
 * @param vpcUuid its VPC
 * @param snapshotIds the ids of its completed snapshots, oldest first
 */
public record DropletView(long id, String name, String status, boolean locked, Instant createdAt, SizeSpec size,
                          ImageSpec image, RegionSpec region, List<String> tags, List<String> features,
                          List<NetworkV4> v4, List<NetworkV6> v6, String vpcUuid, List<Long> snapshotIds) {

    /** @return the public IPv4 address, once the droplet is active */
    public Optional<String> publicIpv4() {
        return v4.stream().filter(n -> "public".equals(n.type())).map(NetworkV4::ipAddress).findFirst();
    }

    /** @return the private IPv4 address, once the droplet is active */
    public Optional<String> privateIpv4() {
        return v4.stream().filter(n -> "private".equals(n.type())).map(NetworkV4::ipAddress).findFirst();
    }
}
