package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.AdminOrderRows.MonitorRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminInstancesUseCase;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase;
import id.webrana.cloud.application.port.in.OrderDetails;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code /admin/provisioning.xhtml}: the orders whose servers are not there yet: FAILED ones (with their error and a
 * retry that asks for a reason), those being provisioned and those paid but not yet taken up, the longest waiting
 * first, with how long each has been waiting. The tables refresh themselves.
 */
@Named
@ViewScoped
public class ProvisioningMonitorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminOrdersUseCase orders;
    @Inject
    AdminInstancesUseCase instances;
    @Inject
    CurrentUser me;

    private PagedModel<MonitorRow> failed;
    private PagedModel<MonitorRow> provisioning;
    private PagedModel<MonitorRow> queued;
    private String retryOrderId;
    private String retryHostname;
    private String reason;

    @PostConstruct
    void init() {
        failed = model(orders, "FAILED");
        provisioning = model(orders, "PROVISIONING");
        queued = model(orders, "PAID");
    }

    private static PagedModel<MonitorRow> model(AdminOrdersUseCase uc, String status) {
        return new PagedModel<>(page -> {
            Instant now = Instant.now();
            return uc.provisioningMonitor(status, page).map((OrderDetails d) -> AdminOrderRows.monitorRow(d, now));
        }, MonitorRow::id);
    }

    /** Opens the retry dialog for one FAILED order. */
    public void chooseRetry(String orderId, String hostname) {
        retryOrderId = orderId;
        retryHostname = hostname;
        reason = null;
    }

    /** Provisions the chosen FAILED order again (the reason goes into its history); the dialog closes on success. */
    public void retry() {
        UUID orderId = Inputs.uuid(retryOrderId).orElse(null);
        if (orderId == null) {
            return;
        }
        if (!AdminInstancePage.reasonGiven(reason)) {
            Texts.fieldError("retry:reason", "admin.reasonRequired", AdminInstancePage.MIN_REASON);
            return;
        }
        try {
            instances.retryProvisioning(orderId, me.actor(), reason.strip());
            Texts.info("admin.order.done.RETRY", retryHostname);
            reason = null;
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (id.webrana.cloud.domain.shared.DomainException e) {
            Texts.error(e);
        }
    }

    public PagedModel<MonitorRow> getFailed() {
        return failed;
    }

    public PagedModel<MonitorRow> getProvisioning() {
        return provisioning;
    }

    public PagedModel<MonitorRow> getQueued() {
        return queued;
    }

    public String getRetryHostname() {
        return retryHostname;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
