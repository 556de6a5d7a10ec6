package id.webrana.cloud.sandbox.digitalocean;

/**
 * A data-centre region of the built-in catalog.
 *
 * @param slug e.g. {@code sgp1}
 * @param name e.g. {@code Singapore 1}
 */
public record RegionSpec(String slug, String name) {
}
