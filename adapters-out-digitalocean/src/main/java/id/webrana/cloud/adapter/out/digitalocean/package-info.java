/**
 * DigitalOcean API v2 adapter for the {@link id.webrana.cloud.application.port.out.CloudProvider} port.
 *
 * <ul>
 *   <li>{@link id.webrana.cloud.adapter.out.digitalocean.DigitalOceanApi}: the MicroProfile Rest Client interface
 *       (wire level, returns raw {@code Response}s so every status and header can be classified).</li>
 *   <li>{@link id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos}: the JSON-B records of DigitalOcean's
 *       JSON; they never leave this adapter except through the catalogue helpers (sizes, images, regions).</li>
 *   <li>{@link id.webrana.cloud.adapter.out.digitalocean.DigitalOceanClient}: the plain-Java core (anti-corruption
 *       layer and error classification), usable without a CDI container.</li>
 *   <li>{@link id.webrana.cloud.adapter.out.digitalocean.DigitalOceanCloudProvider}: the CDI bean the application
 *       injects, adding MicroProfile Fault Tolerance around the core.</li>
 *   <li>{@link id.webrana.cloud.adapter.out.digitalocean.DigitalOceanSettings}: base URL / token resolution
 *       (real API when {@code DO_ACCESS_TOKEN} is set, otherwise the built-in simulator).</li>
 * </ul>
 */
package id.webrana.cloud.adapter.out.digitalocean;
