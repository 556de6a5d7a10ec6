package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.portal.ServerRows;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows.ActionRow;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows.EventRow;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows.ServerView;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminInstancesUseCase;
import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceDetails;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/instance.xhtml?id=...}: any server in full (owner, order, provider ids, lifecycle, power state,
 * actions) with its audit trail, and the operators' interventions: force suspend, unsuspend or terminate, each with
 * a mandatory reason given in a dialog (recorded with the acting admin).
 */
@Named
@ViewScoped
public class AdminInstancePage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The shortest reason an intervention accepts. */
    static final int MIN_REASON = 5;

    /** What an operator can do to a server. */
    public enum Intervention { SUSPEND, UNSUSPEND, TERMINATE }

    @Inject
    AdminInstancesUseCase admin;
    @Inject
    CurrentUser me;

    private String id;
    private UUID instanceId;
    private ServerView server;
    private List<ActionRow> actions = List.of();
    private List<EventRow> history = List.of();
    private Intervention intervention;
    private String reason;

    /** View action on GET. */
    public void load() {
        instanceId = Inputs.uuid(id).orElse(null);
        if (instanceId == null) {
            return;
        }
        try {
            show(admin.getInstance(instanceId));
        } catch (DomainException e) {
            if (e.code() != ErrorCode.INSTANCE_NOT_FOUND) {
                Texts.error(e);
            }
        }
    }

    /** Opens the reason dialog for {@code what} ({@code SUSPEND}, {@code UNSUSPEND} or {@code TERMINATE}). */
    public void choose(String what) {
        intervention = Intervention.valueOf(what);
        reason = null;
    }

    /** Carries out the chosen intervention once a reason is given; the dialog closes on success. */
    public void intervene() {
        if (server == null || intervention == null) {
            return;
        }
        if (!reasonGiven(reason)) {
            Texts.fieldError("f:reason", "admin.reasonRequired", MIN_REASON);
            return;
        }
        String why = reason.strip();
        try {
            InstanceDetails d = switch (intervention) {
                case SUSPEND -> admin.forceSuspend(instanceId, me.actor(), why);
                case UNSUSPEND -> admin.forceUnsuspend(instanceId, me.actor(), why);
                case TERMINATE -> admin.forceTerminate(instanceId, me.actor(), why);
            };
            show(d);
            Texts.info("admin.instance.done." + intervention.name(), server.hostname());
            reason = null;
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (DomainException e) {
            Texts.error(e);
            reload();
        }
    }

    static boolean reasonGiven(String reason) {
        return reason != null && reason.strip().length() >= MIN_REASON;
    }

    private void reload() {
        try {
            show(admin.getInstance(instanceId));
        } catch (DomainException e) {
            // keep what is shown
        }
    }

    private void show(InstanceDetails d) {
        server = ServerRows.view(d);
        actions = ServerRows.actions(d);
        history = ServerRows.history(d);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public Intervention getIntervention() {
        return intervention;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
