package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.ServerRows.ServerRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.InstancesUseCase;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * {@code /portal/servers.xhtml}: the customer's servers, newest first (terminated ones too, for the record), each
 * with its plan, image, address, region, status, expiry in WIB and auto-renewal, and a link to its page.
 */
@Named
@RequestScoped
public class ServersPage {

    @Inject
    InstancesUseCase instances;
    @Inject
    CurrentUser me;

    private List<ServerRow> servers = List.of();

    @PostConstruct
    void load() {
        try {
            servers = instances.listInstances(me.id()).stream().map(ServerRows::row).toList();
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    public List<ServerRow> getServers() {
        return servers;
    }

    /** How many are ACTIVE (the dashboard's count). */
    public long getActive() {
        return servers.stream().filter(s -> "ACTIVE".equals(s.status())).count();
    }
}
