package id.webrana.cloud.adapter.out.digitalocean;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * JSON-B records mirroring DigitalOcean API v2 JSON (snake_case names mapped with {@link JsonbProperty}).
 *
 * <p>They belong to this adapter: {@link DropletMapper} turns droplets into the port's
 * {@link id.webrana.cloud.application.port.out.CloudServer} and {@link ActionMapper} turns actions into the port's
 * {@link id.webrana.cloud.application.port.out.ProviderAction}. Only {@link Size}, {@link Image} and {@link Region} are
 * handed out, by the adapter's catalogue reads. Unknown JSON properties are ignored,
 * and every field is a reference type so that a missing property reads as {@code null}.
 */
public final class DigitalOceanDtos {

    private DigitalOceanDtos() {
    }

    // ---------------------------------------------------------------- requests

    /**
     * Body of {@code POST /v2/droplets} (single-droplet form). Null fields are left out of the JSON.
     *
     * @param image   an image slug (String) or a numeric image id (Long)
     * @param sshKeys SSH key fingerprints (String) or ids (Long) already registered on the account
     */
    public record DropletCreateRequest(String name, String region, String size, Object image,
                                       @JsonbProperty("ssh_keys") List<Object> sshKeys, List<String> tags,
                                       @JsonbProperty("user_data") String userData) {
    }

    /**
     * Body of {@code POST /v2/droplets/{id}/actions}: {@code {"type": "reboot"}}, or {@code {"type": "snapshot",
     * "name": "..."}} for a snapshot. A null {@code name} is left out of the JSON.
     */
    public record DropletActionRequest(String type, String name) {

        /** An action that takes no argument (reboot, power_on, power_off, power_cycle, shutdown, password_reset). */
        public static DropletActionRequest of(String type) {
            return new DropletActionRequest(type, null);
        }
    }

    /** Body of {@code POST /v2/account/keys}. */
    public record SshKeyCreateRequest(String name, @JsonbProperty("public_key") String publicKey) {
    }

    // ---------------------------------------------------------------- droplets

    /** A droplet as DigitalOcean describes it (only the fields the platform reads). */
    public record Droplet(Long id, String name, String status, @JsonbProperty("created_at") String createdAt,
                          @JsonbProperty("size_slug") String sizeSlug, Size size, Region region, Image image,
                          Networks networks, List<String> tags, Integer memory, Integer vcpus, Integer disk,
                          Boolean locked) {
    }

    /** {@code droplet.networks}. */
    public record Networks(List<NetworkV4> v4, List<NetworkV6> v6) {
    }

    /** One {@code networks.v4[]} item; {@code type} is {@code public} or {@code private}. */
    public record NetworkV4(@JsonbProperty("ip_address") String ipAddress, String netmask, String gateway,
                            String type) {
    }

    /** One {@code networks.v6[]} item; the netmask is a prefix length. */
    public record NetworkV6(@JsonbProperty("ip_address") String ipAddress, Integer netmask, String gateway,
                            String type) {
    }

    /** {@code {"droplet": ...}}. */
    public record DropletEnvelope(Droplet droplet) {
    }

    /** 202 answer to a create: the droplet (status {@code new}) and the link to its create action. */
    public record DropletCreateResponse(Droplet droplet, CreateLinks links) {
    }

    /** {@code links} of a create answer. */
    public record CreateLinks(List<ActionLink> actions) {
    }

    /** {@code links.actions[]} of a create answer. */
    public record ActionLink(Long id, String rel, String href) {
    }

    /** One page of {@code GET /v2/droplets}. */
    public record DropletPage(List<Droplet> droplets, Links links, Meta meta) implements Page<Droplet> {
        @Override
        public List<Droplet> items() {
            return droplets;
        }
    }

    // ---------------------------------------------------------------- actions

    /**
     * A DigitalOcean action (create, reboot, power_off, ...).
     *
     * @param status {@code in-progress}, {@code completed} or {@code errored}
     */
    public record Action(Long id, String status, String type, @JsonbProperty("started_at") String startedAt,
                         @JsonbProperty("completed_at") String completedAt,
                         @JsonbProperty("resource_id") Long resourceId,
                         @JsonbProperty("resource_type") String resourceType,
                         @JsonbProperty("region_slug") String regionSlug) {
    }

    /** {@code {"action": ...}}. */
    public record ActionEnvelope(Action action) {
    }

    // ---------------------------------------------------------------- catalogue

    /**
     * A droplet size (plan). Prices are in USD.
     *
     * @param memory   MB
     * @param disk     GB
     * @param transfer TB per month
     */
    public record Size(String slug, Integer memory, Integer vcpus, Integer disk, BigDecimal transfer,
                       @JsonbProperty("price_monthly") BigDecimal priceMonthly,
                       @JsonbProperty("price_hourly") BigDecimal priceHourly, List<String> regions, Boolean available,
                       String description) {
    }

    /** One page of {@code GET /v2/sizes}. */
    public record SizePage(List<Size> sizes, Links links, Meta meta) implements Page<Size> {
        @Override
        public List<Size> items() {
            return sizes;
        }
    }

    /**
     * An image. Public distribution images have a {@code slug}; snapshots and custom images only an {@code id}.
     *
     * @param publicImage JSON {@code public}
     * @param minDiskSize GB
     */
    public record Image(Long id, String name, String distribution, String slug,
                        @JsonbProperty("public") Boolean publicImage, List<String> regions, String type,
                        @JsonbProperty("min_disk_size") Integer minDiskSize, String status, String description,
                        @JsonbProperty("created_at") String createdAt) {
    }

    /** One page of {@code GET /v2/images}. */
    public record ImagePage(List<Image> images, Links links, Meta meta) implements Page<Image> {
        @Override
        public List<Image> items() {
            return images;
        }
    }

    /** A region (data centre), e.g. {@code sgp1}, with the size slugs it offers. */
    public record Region(String name, String slug, List<String> features, Boolean available, List<String> sizes) {
    }

    /** One page of {@code GET /v2/regions}. */
    public record RegionPage(List<Region> regions, Links links, Meta meta) implements Page<Region> {
        @Override
        public List<Region> items() {
            return regions;
        }
    }

    // ---------------------------------------------------------------- SSH keys

    /** An SSH key registered on the account. */
    public record SshKey(Long id, String fingerprint, @JsonbProperty("public_key") String publicKey, String name) {
    }

    /** {@code {"ssh_key": ...}}. */
    public record SshKeyEnvelope(@JsonbProperty("ssh_key") SshKey sshKey) {
    }

    // ---------------------------------------------------------------- shared

    /** DigitalOcean's error body: {@code {"id": "not_found", "message": "...", "request_id": "..."}}. */
    public record ErrorBody(String id, String message, @JsonbProperty("request_id") String requestId) {
    }

    /** Pagination links: {@code links.pages.{first,prev,next,last}}. */
    public record Links(Pages pages) {
    }

    /** {@code links.pages}. */
    public record Pages(String first, String prev, String next, String last) {
    }

    /** {@code meta.total}: the number of objects over all pages. */
    public record Meta(Integer total) {
    }

    /** A paginated list answer. */
    public interface Page<T> {
        /** This page's items (may be null when DigitalOcean sent none). */
        List<T> items();

        /** Pagination links (may be null). */
        Links links();

        /** Totals (may be null). */
        Meta meta();
    }
}
