package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.portal.ServerRows;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows.ServerRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminInstancesUseCase;
import id.webrana.cloud.application.port.in.AdminInstancesUseCase.CleanupReport;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/instances.xhtml}: every server, lazily paged, by lifecycle state, owner and text (hostname, IP,
 * server id), with its expiry and when the lifecycle looks at it next; and the provisioning tools: retry a FAILED
 * order (with a reason) and destroy the droplets that failed orders left at the provider (after a confirmation,
 * showing what was destroyed, kept and what failed).
 */
@Named
@ViewScoped
public class AdminInstancesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminInstancesUseCase admin;
    @Inject
    CurrentUser me;

    private String status;
    private String userId;
    private String text;
    private Applied applied = new Applied(null, null, null);
    private PagedModel<ServerRow> model;
    private String retryOrderId;
    private String retryReason;
    private CleanupView cleanup;

    /** The filters in force (serializable, as the view keeps them between requests). */
    record Applied(String status, UUID userId, String text) implements Serializable {
    }

    /** What a cleanup did, line by line. */
    public record CleanupView(List<String> destroyed, List<String> kept, List<String> errors) implements Serializable {
    }

    @PostConstruct
    void init() {
        AdminInstancesUseCase uc = admin;
        model = new PagedModel<>(page -> uc.searchInstances(applied.status(), applied.userId(), applied.text(), page)
                .map(ServerRows::row), ServerRow::id);
    }

    public void search() {
        if (Inputs.badUuid(userId)) {
            Texts.fieldError("filters:userId", "admin.filter.badUserId");
            return;
        }
        applied = new Applied(Inputs.text(status), Inputs.uuid(userId).orElse(null), Inputs.text(text));
    }

    public void clear() {
        status = null;
        userId = null;
        text = null;
        applied = new Applied(null, null, null);
    }

    /** Provisions a FAILED order again (the reason goes into its history). */
    public void retry() {
        UUID orderId = Inputs.uuid(retryOrderId).orElse(null);
        boolean ok = true;
        if (orderId == null) {
            Texts.fieldError("retry:orderId", "admin.instances.retry.badOrderId");
            ok = false;
        }
        if (!AdminInstancePage.reasonGiven(retryReason)) {
            Texts.fieldError("retry:reason", "admin.reasonRequired", AdminInstancePage.MIN_REASON);
            ok = false;
        }
        if (!ok) {
            return;
        }
        try {
            OrderDetails d = admin.retryProvisioning(orderId, me.actor(), retryReason.strip());
            Texts.info("admin.instances.retry.done", d.order().id().toString(), d.order().status().name());
            retryOrderId = null;
            retryReason = null;
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    /** Destroys the droplets of FAILED orders (the operator confirmed) and shows the report. */
    public void cleanUp() {
        try {
            CleanupReport report = admin.cleanUpFailedOrderServers(me.actor());
            cleanup = new CleanupView(List.copyOf(report.destroyed()), List.copyOf(report.kept()),
                    List.copyOf(report.errors()));
            Texts.info("admin.instances.cleanup.done", report.destroyed().size(), report.kept().size(),
                    report.errors().size());
            PrimeFaces.current().executeScript("PF('cleanupReportDialog').show();");
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    public List<String> getStatuses() {
        return Arrays.stream(Instance.Status.values()).map(Enum::name).toList();
    }

    public PagedModel<ServerRow> getModel() {
        return model;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getRetryOrderId() {
        return retryOrderId;
    }

    public void setRetryOrderId(String retryOrderId) {
        this.retryOrderId = retryOrderId;
    }

    public String getRetryReason() {
        return retryReason;
    }

    public void setRetryReason(String retryReason) {
        this.retryReason = retryReason;
    }

    public CleanupView getCleanup() {
        return cleanup;
    }
}
