package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.ServerRows.ActionRow;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows.EventRow;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows.ServerView;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.InstancesUseCase;
import id.webrana.cloud.application.port.in.InstancesUseCase.ActionResult;
import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceDetails;
import id.webrana.cloud.application.port.in.InstancesUseCase.PerformActionCommand;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.provisioning.ActionType;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /portal/server.xhtml?id=...}: one of the customer's servers: specs, addresses, the provider's power state,
 * expiry and renewal (auto-renew switch, the open renewal invoice or a button raising it), the actions (each behind
 * a confirmation), a new root password shown once, the initial root password shown once, why there is no console,
 * and the action and instance history. While an action runs the page polls every 3 s, so its status and the power
 * state change by themselves. Another customer's server is answered as not found.
 */
@Named
@ViewScoped
public class ServerPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ServerPage.class.getName());
    /** The client id of the part of the page that the poll and the actions re-render. */
    static final String BODY = "f:server-body";
    static final String PASSWORD_PANEL = "f:password-panel";
    /** The actions a customer may ask from the buttons of this page. */
    static final Set<String> ACTIONS = Set.of("reboot", "power_on", "power_off", "power_cycle", "reset_password",
            "console");

    @Inject
    InstancesUseCase instances;
    @Inject
    CurrentUser me;

    private String id;
    private UUID instanceId;
    private boolean missing;
    private ServerView server;
    private List<ActionRow> actions = List.of();
    private List<EventRow> history = List.of();
    private boolean watching;
    private String fingerprint = "";
    private boolean autoRenew;
    private String shownPassword;
    private boolean passwordInitial;

    /** View action on GET: loads the server (asking the provider for its power state). */
    public void load() {
        instanceId = Inputs.uuid(id).orElse(null);
        if (instanceId == null) {
            missing = true;
            return;
        }
        try {
            show(instances.getInstance(me.id(), instanceId));
        } catch (DomainException e) {
            refused(e);
        }
    }

    /** Asks the provider (or the agent) for an action; the caller confirmed it in a dialog. */
    public void perform(String action) {
        if (server == null || !ACTIONS.contains(action)) {
            return;
        }
        try {
            ActionResult result = instances.performAction(new PerformActionCommand(me.id(), instanceId, action,
                    me.actor()));
            String label = ServerRows.actionLabel(ActionType.parse(action));
            if (result.newPassword() != null) {
                showPassword(result.newPassword(), false);
                Texts.info("server.resetPassword.started");
            } else if (result.consoleUrl() != null) {
                PrimeFaces.current().executeScript("window.open(" + jsString(result.consoleUrl())
                        + ", '_blank', 'noopener');");
                Texts.info("server.console.opened");
            } else {
                Texts.info("server.action.started", label);
            }
        } catch (DomainException e) {
            refused(e);
        }
        reload();
        startWatchingIfNeeded();
    }

    /** Shows the root password set at creation, this once. */
    public void revealInitialPassword() {
        if (server == null) {
            return;
        }
        try {
            showPassword(instances.revealInitialPassword(me.id(), instanceId), true);
        } catch (DomainException e) {
            refused(e);
        }
        reload();
    }

    /** The password dialog was closed: the password is not kept any longer. */
    public void forgetPassword() {
        shownPassword = null;
    }

    /** The auto-renew switch changed. */
    public void changeAutoRenew() {
        if (server == null) {
            return;
        }
        try {
            show(instances.setAutoRenew(me.id(), instanceId, autoRenew));
            Texts.info(autoRenew ? "server.autoRenew.turnedOn" : "server.autoRenew.turnedOff");
        } catch (DomainException e) {
            refused(e);
            reload();
        }
    }

    /** "Perpanjang sekarang": raises (or finds) the renewal invoice and opens it for payment. */
    public String renew() {
        if (server == null) {
            return null;
        }
        try {
            Invoice invoice = instances.renewalInvoice(me.id(), instanceId);
            return "/portal/invoice?faces-redirect=true&id=" + invoice.id();
        } catch (DomainException e) {
            refused(e);
            reload();
            return null;
        }
    }

    /**
     * The poll (every 3 s while an action runs or the power state is catching up): reads the server again and
     * re-renders it only when something shown changed; stops once there is nothing to wait for.
     */
    public void poll() {
        String before = fingerprint;
        reload();
        if (!fingerprint.equals(before)) {
            PrimeFaces.current().ajax().update(BODY);
        }
        if (!watching) {
            PrimeFaces.current().executeScript("if (PF('serverPoll')) { PF('serverPoll').stop(); }");
        }
    }

    private void startWatchingIfNeeded() {
        if (watching) {
            PrimeFaces.current().executeScript("if (PF('serverPoll')) { PF('serverPoll').stop(); "
                    + "PF('serverPoll').start(); }");
        }
    }

    private void showPassword(String password, boolean initial) {
        shownPassword = password;
        passwordInitial = initial;
        PrimeFaces.current().ajax().update(PASSWORD_PANEL);
        PrimeFaces.current().executeScript("PF('passwordDialog').show();");
    }

    private void reload() {
        if (instanceId == null || missing) {
            return;
        }
        try {
            show(instances.getInstance(me.id(), instanceId));
        } catch (DomainException e) {
            if (e.code() == ErrorCode.INSTANCE_NOT_FOUND) {
                missing = true;
            }
            LOG.log(Level.FINE, "reload", e);
        }
    }

    private void show(InstanceDetails d) {
        server = ServerRows.view(d);
        actions = ServerRows.actions(d);
        history = ServerRows.history(d);
        autoRenew = d.instance().autoRenew();
        watching = ServerRows.needsWatching(d, Instant.now());
        fingerprint = ServerRows.fingerprint(d);
    }

    private void refused(DomainException e) {
        if (e.code() == ErrorCode.INSTANCE_NOT_FOUND) {
            missing = true;
            server = null;
        } else {
            Texts.error(e);
        }
    }

    /** A string literal for a script (the console URL comes from the provider). */
    static String jsString(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\'' || c == '\\' || c == '<' || c == '>' || c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** Actions can be asked now: the server is ACTIVE and no other action is running. */
    public boolean isActionsEnabled() {
        return server != null && server.isActive() && !isActionRunning();
    }

    public boolean isActionRunning() {
        return actions.stream().anyMatch(a -> "IN_PROGRESS".equals(a.status()));
    }

    public boolean isWatching() {
        return watching;
    }

    public boolean isMissing() {
        return missing;
    }

    public ServerView getServer() {
        return server;
    }

    public List<ActionRow> getActions() {
        return actions;
    }

    public List<EventRow> getHistory() {
        return history;
    }

    public boolean isAutoRenew() {
        return autoRenew;
    }

    public void setAutoRenew(boolean autoRenew) {
        this.autoRenew = autoRenew;
    }

    public String getShownPassword() {
        return shownPassword;
    }

    /** Whether the password in the dialog is the one set at creation (else a reset's new one). */
    public boolean isPasswordInitial() {
        return passwordInitial;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
