package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.InvoiceRow;
import id.webrana.cloud.adapter.in.faces.portal.NotificationsPage.Row;
import id.webrana.cloud.adapter.in.faces.portal.OrderRows.OrderRow;
import id.webrana.cloud.adapter.in.faces.portal.ServerRows.ServerRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.application.port.in.InstancesUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.NotificationsUseCase;
import id.webrana.cloud.application.port.in.ViewOrdersUseCase;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.provisioning.Instance.Status;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /portal/index.xhtml}: the customer's home: their servers with status, the invoices still to pay, the
 * wallet balance, orders on their way (awaiting payment or being provisioned) and the latest notifications, each
 * linking to its page.
 */
@Named
@RequestScoped
public class DashboardPage {

    private static final Logger LOG = Logger.getLogger(DashboardPage.class.getName());
    /** How many rows each list of the dashboard shows. */
    static final int SHOWN = 5;
    /** How far back the dashboard looks for unpaid invoices and running orders (newest first). */
    static final int LOOK_BACK = 50;

    @Inject
    InvoicesUseCase invoices;
    @Inject
    WalletUseCase wallet;
    @Inject
    InstancesUseCase instances;
    @Inject
    ViewOrdersUseCase orders;
    @Inject
    Instance<NotificationsUseCase> notifications;
    @Inject
    CurrentUser me;

    private String balance;
    private List<InvoiceRow> unpaid;
    private List<ServerRow> servers;
    private long activeServers;
    private List<OrderRow> running;
    private List<Row> latestNotifications = List.of();

    @PostConstruct
    void load() {
        balance = Formats.money(wallet.balance(me.id()));
        unpaid = invoices.listInvoices(me.id(), new PageRequest(0, LOOK_BACK)).items().stream()
                .filter(i -> i.status() == InvoiceStatus.UNPAID).map(InvoiceRows::row).toList();
        var live = instances.listInstances(me.id()).stream()
                .filter(s -> s.instance().status() != Status.TERMINATED)
                .toList();
        activeServers = live.stream()
                .filter(s -> s.instance().status() == Status.ACTIVE)
                .count();
        servers = live.stream().limit(SHOWN).map(ServerRows::row).toList();
        running = orders.listOrders(me.id(), new PageRequest(0, LOOK_BACK)).items().stream()
                .filter(o -> !o.status().isFinal()).limit(SHOWN).map(OrderRows::row).toList();
        if (notifications.isResolvable()) {
            try {
                latestNotifications = notifications.get().inbox(me.id(), new PageRequest(0, SHOWN)).notifications()
                        .items().stream().map(NotificationsPage::row).toList();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "notifications", e);
            }
        }
    }

    public String getBalance() {
        return balance;
    }

    public List<InvoiceRow> getUnpaidInvoices() {
        return unpaid;
    }

    public long getUnpaid() {
        return unpaid.size();
    }

    public List<ServerRow> getServers() {
        return servers;
    }

    public long getActiveServers() {
        return activeServers;
    }

    public List<OrderRow> getRunningOrders() {
        return running;
    }

    public List<Row> getLatestNotifications() {
        return latestNotifications;
    }
}
