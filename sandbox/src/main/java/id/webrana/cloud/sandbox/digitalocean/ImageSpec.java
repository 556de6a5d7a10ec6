package id.webrana.cloud.sandbox.digitalocean;

/**
 * A public distribution image of the built-in catalog, with the fields of the API's {@code image} schema.
 *
 * @param id numeric image id
 * @param name e.g. {@code 24.04 (LTS) x64}
 * @param distribution e.g. {@code Ubuntu}
 * @param slug e.g. {@code ubuntu-24-04-x64}
 * @param minDiskSize GB
 * @param sizeGigabytes image size in GB
 * @param description human-readable description
 * @param createdAt ISO-8601 UTC
 */
public record ImageSpec(long id, String name, String distribution, String slug, int minDiskSize,
                        double sizeGigabytes, String description, String createdAt) {
}
