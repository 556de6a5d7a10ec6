package id.webrana.cloud.application.service;

import java.util.List;
import java.util.UUID;

/**
 * The cloud-init user data a new server boots with: the customer's SSH keys for root, the root
 * password as a SHA-512 crypt hash (never the password itself: user data is readable on the server
 * and in the provider's panel), and the platform's agent.
 *
 * <p><b>The agent</b> is how a password reset reaches the customer's hands: DigitalOcean's own
 * {@code password_reset} emails the new password to the DigitalOcean account owner (the platform),
 * not to the customer. Instead the platform chooses the new password, shows it to the owner once,
 * and a systemd timer on the server ({@code webrana-agent.timer}, every 30 s) fetches it over HTTPS
 * with a secret of its own ({@code X-Agent-Token}; on its first run it trades the secret found in the user data,
 * which every local user can read from the metadata service, for one kept in a root-only file), applies it with {@code chpasswd} and reports back. Nothing listens
 * on the server; a customer who removes the agent can still reset through the provider's recovery
 * console, and the reset then ends ERRORED after its time limit, saying so.
 */
final class CloudInit {

    private CloudInit() {
    }

    /**
     * @param passwordHash SHA-512 crypt hash of the root password, or null for none
     * @param agentBaseUrl the platform URL the agent calls, or null for no agent
     * @param serverRef    how the agent names its server (the order id)
     * @param agentToken   the agent's secret, or null for no agent
     * @return the user data, or null when there is nothing to set
     */
    static String userData(List<String> sshKeys, String passwordHash, String agentBaseUrl, UUID serverRef,
                           String agentToken) {
        boolean agent = agentBaseUrl != null && !agentBaseUrl.isBlank() && agentToken != null;
        if (sshKeys.isEmpty() && passwordHash == null && !agent) {
            return null;
        }
        StringBuilder sb = new StringBuilder("#cloud-config\n");
        if (!sshKeys.isEmpty()) {
            sb.append("ssh_authorized_keys:\n");
            // single-quoted YAML scalars: no escapes to get wrong, a quote is doubled
            sshKeys.forEach(k -> sb.append("  - ").append(quote(k)).append('\n'));
        }
        if (passwordHash != null) {
            sb.append("ssh_pwauth: true\n")
              .append("chpasswd:\n  expire: false\n  users:\n    - name: root\n      password: ")
              .append(quote(passwordHash)).append("\n      type: hash\n");
        }
        if (agent) {
            String base = agentBaseUrl.endsWith("/") ? agentBaseUrl.substring(0, agentBaseUrl.length() - 1)
                    : agentBaseUrl;
            sb.append("write_files:\n")
              .append("  - path: /etc/webrana/agent.conf\n    permissions: '0600'\n    content: |\n")
              .append("      WEBRANA_URL=").append(shellQuote(base)).append('\n')
              .append("      WEBRANA_SERVER=").append(serverRef).append('\n')
              .append("      WEBRANA_AGENT_TOKEN=").append(shellQuote(agentToken)).append('\n')
              .append("  - path: /usr/local/sbin/webrana-agent\n    permissions: '0700'\n    content: |\n")
              .append(indent(AGENT_SCRIPT, "      "))
              .append("  - path: /etc/systemd/system/webrana-agent.service\n    content: |\n")
              .append("      [Unit]\n      Description=WeBrana agent (password resets)\n")
              .append("      [Service]\n      Type=oneshot\n      ExecStart=/usr/local/sbin/webrana-agent\n")
              .append("  - path: /etc/systemd/system/webrana-agent.timer\n    content: |\n")
              .append("      [Unit]\n      Description=WeBrana agent every 30 seconds\n")
              .append("      [Timer]\n      OnBootSec=30s\n      OnUnitActiveSec=30s\n")
              .append("      [Install]\n      WantedBy=timers.target\n")
              .append("runcmd:\n  - [systemctl, daemon-reload]\n  - [systemctl, enable, --now, webrana-agent.timer]\n");
        }
        return sb.toString();
    }

    /** POSIX sh + curl + sed; passwords use a JSON- and shell-safe alphabet. */
    static final String AGENT_SCRIPT = """
            #!/bin/sh
            # WeBrana agent: applies a root password reset asked for in the WeBrana portal.
            set -u
            . /etc/webrana/agent.conf
            base="$WEBRANA_URL/internal/agent/$WEBRANA_SERVER"
            own=/etc/webrana/agent.header
            if [ ! -s "$own" ]; then
              # trade the secret of the user data (readable by local users) for one kept in a root-only file
              new=$(curl -fsS --max-time 20 -X POST -H "X-Agent-Token: $WEBRANA_AGENT_TOKEN" "$base/token" \\
                | sed -n 's/.*"token" *: *"\\([^"]*\\)".*/\\1/p') || exit 0
              [ -n "$new" ] || exit 0
              (umask 077; printf 'X-Agent-Token: %s\\n' "$new" > "$own.tmp" && mv "$own.tmp" "$own")
            fi
            api="$base/password-reset"
            resp=$(curl -fsS --max-time 20 -H @"$own" "$api") || exit 0
            [ -n "$resp" ] || exit 0
            action=$(printf '%s' "$resp" | sed -n 's/.*"actionId" *: *"\\([^"]*\\)".*/\\1/p')
            pw=$(printf '%s' "$resp" | sed -n 's/.*"password" *: *"\\([^"]*\\)".*/\\1/p')
            [ -n "$action" ] && [ -n "$pw" ] || exit 0
            if printf 'root:%s\\n' "$pw" | chpasswd; then ok=true; else ok=false; fi
            curl -fsS --max-time 20 -X POST -H @"$own" -H 'Content-Type: application/json' \\
              -d "{\\"actionId\\":\\"$action\\",\\"ok\\":$ok}" "$api/ack" >/dev/null
            """;

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String indent(String text, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append(prefix).append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
