package id.webrana.cloud.sandbox.digitalocean;

/**
 * An IPv4 interface of a droplet ({@code network_v4} schema).
 *
 * @param ipAddress the address
 * @param netmask the netmask
 * @param gateway the gateway, or {@code "nil"} for private interfaces (as the real API does)
 * @param type {@code public} or {@code private}
 */
public record NetworkV4(String ipAddress, String netmask, String gateway, String type) {
}
