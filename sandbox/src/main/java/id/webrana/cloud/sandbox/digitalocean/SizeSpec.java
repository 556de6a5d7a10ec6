package id.webrana.cloud.sandbox.digitalocean;

/**
 * A droplet size (plan) of the built-in catalog, with the fields of the API's {@code size} schema.
 *
 * @param slug e.g. {@code s-1vcpu-1gb}
 * @param memory MB
 * @param vcpus virtual CPUs
 * @param disk GB
 * @param transfer monthly transfer in TB
 * @param priceMonthly USD
 * @param priceHourly USD
 * @param description e.g. {@code Basic}
 */
public record SizeSpec(String slug, int memory, int vcpus, int disk, double transfer,
                       double priceMonthly, double priceHourly, String description) {
}
