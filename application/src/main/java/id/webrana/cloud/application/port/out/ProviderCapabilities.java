package id.webrana.cloud.application.port.out;

/**
 * What a provider offers beyond create/read/delete.
 *
 * @param providerName    stable name, e.g. {@code DIGITALOCEAN}
 * @param webConsole      the provider's API hands out a console URL (DigitalOcean's does not)
 * @param passwordResetReturnsPassword the provider's password reset gives the new password back
 *                        through the API (DigitalOcean emails it to the account owner instead)
 */
public record ProviderCapabilities(String providerName, boolean webConsole, boolean passwordResetReturnsPassword) {
}
