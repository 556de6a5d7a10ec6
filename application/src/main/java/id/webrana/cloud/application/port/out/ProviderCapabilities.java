package id.webrana.cloud.application.port.out;

import java.util.Set;

/**
 * What a provider offers beyond create/read/delete, so the UI never shows a dead button.
 *
 * @param providerName    stable name, e.g. {@code DIGITALOCEAN}
 * @param webConsole      the provider's API hands out a console URL ({@link CloudProvider#consoleUrl});
 *                        DigitalOcean's does not
 * @param passwordResetReturnsPassword the provider's password reset gives the new password back
 *                        through the API (DigitalOcean emails it to the account owner instead, so the
 *                        platform resets passwords through its own agent on the server)
 * @param serverActions   the actions {@link CloudProvider#performAction} accepts
 * @param snapshots       {@link CloudProvider#snapshot} is available
 */
public record ProviderCapabilities(String providerName, boolean webConsole, boolean passwordResetReturnsPassword,
                                   Set<ServerAction> serverActions, boolean snapshots) {
    public ProviderCapabilities {
        serverActions = serverActions == null ? Set.of() : Set.copyOf(serverActions);
    }

    public boolean supports(ServerAction action) {
        return serverActions.contains(action);
    }
}
