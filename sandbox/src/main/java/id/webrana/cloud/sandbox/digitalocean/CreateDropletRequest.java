package id.webrana.cloud.sandbox.digitalocean;

import java.util.List;

/**
 * The body of {@code POST /v2/droplets}, already parsed from JSON but not yet validated.
 *
 * @param name the droplet name (single-droplet form); {@code null} when absent
 * @param names the multi-create form's {@code names}; {@code null} when absent (the sandbox rejects it)
 * @param region a region slug or prefix; {@code null} for "any region"
 * @param size a size slug
 * @param image an image slug; {@code null} when absent or given as a number
 * @param imageId the image given as a numeric id; {@code null} otherwise
 * @param tags tags; never {@code null}
 * @param ipv6 the {@code ipv6} flag
 * @param backups the {@code backups} flag
 * @param monitoring the {@code monitoring} flag
 * @param userData cloud-init user data, or {@code null}
 * @param vpcUuid the VPC, or {@code null} for the region's default VPC
 */
public record CreateDropletRequest(String name, List<String> names, String region, String size, String image,
                                   Long imageId, List<String> tags, boolean ipv6, boolean backups,
                                   boolean monitoring, String userData, String vpcUuid) {

    /** Normalises {@code tags} to an unmodifiable list. */
    public CreateDropletRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
        names = names == null ? null : List.copyOf(names);
    }

    /**
     * A minimal single-droplet request.
     *
     * @param name the droplet name
     * @param region a region slug, or {@code null}
     * @param size a size slug
     * @param image an image slug
     * @return the request, without tags and with all flags off
     */
    public static CreateDropletRequest of(String name, String region, String size, String image) {
        return new CreateDropletRequest(name, null, region, size, image, null, List.of(), false, false, false,
                null, null);
    }

    /**
     * @param newTags the tags
     * @return a copy of this request with the given tags
     */
    public CreateDropletRequest withTags(String... newTags) {
        return new CreateDropletRequest(name, names, region, size, image, imageId, List.of(newTags), ipv6, backups,
                monitoring, userData, vpcUuid);
    }

    /**
     * @param data the user data
     * @return a copy of this request with the given user data
     */
    public CreateDropletRequest withUserData(String data) {
        return new CreateDropletRequest(name, names, region, size, image, imageId, tags, ipv6, backups,
                monitoring, data, vpcUuid);
    }
}
