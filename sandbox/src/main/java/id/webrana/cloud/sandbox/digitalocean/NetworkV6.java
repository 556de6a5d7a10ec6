package id.webrana.cloud.sandbox.digitalocean;

/**
 * An IPv6 interface of a droplet ({@code network_v6} schema).
 *
 * @param ipAddress the address
 * @param netmask the prefix length
 * @param gateway the gateway
 * @param type always {@code public}
 */
public record NetworkV6(String ipAddress, int netmask, String gateway, String type) {
}
