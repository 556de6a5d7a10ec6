package id.webrana.cloud.application.port.out;

import java.util.List;
import java.util.Objects;

/**
 * A provider-neutral request to create one server.
 *
 * @param name      hostname, already validated as a droplet name
 * @param region    region slug, e.g. {@code sgp1}
 * @param sizeSlug  provider size slug, e.g. {@code s-1vcpu-1gb}
 * @param imageSlug provider image slug, e.g. {@code ubuntu-24-04-x64}
 * @param tags      tags to attach; always includes the order tag used to find the server again
 * @param userData  cloud-init user data (may be null)
 * @param sshPublicKeys public keys to install (may be empty)
 */
public record CreateServerRequest(String name, String region, String sizeSlug, String imageSlug,
                                  List<String> tags, String userData, List<String> sshPublicKeys) {
    public CreateServerRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sizeSlug, "sizeSlug");
        Objects.requireNonNull(imageSlug, "imageSlug");
        tags = tags == null ? List.of() : List.copyOf(tags);
        sshPublicKeys = sshPublicKeys == null ? List.of() : List.copyOf(sshPublicKeys);
    }
}
