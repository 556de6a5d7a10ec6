package id.webrana.cloud.sandbox.digitalocean;

/**
 * The result of a droplet creation: the new droplet (status {@code new}, no networks) and its {@code create} action.
 *
 * @param droplet the droplet as answered by {@code POST /v2/droplets}
 * @param action the create action, in progress
 */
public record CreatedDroplet(DropletView droplet, ActionView action) {
}
