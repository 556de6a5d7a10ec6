package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.OrderRows.OrderRow;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.application.port.in.ViewOrdersUseCase;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.UUID;

/** {@code /portal/orders.xhtml}: the customer's orders, newest first, paged, each linking to its detail. */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ViewOrdersUseCase orders;
    @Inject
    CurrentUser me;

    private PagedModel<OrderRow> model;

    @PostConstruct
    void init() {
        UUID userId = me.id();
        ViewOrdersUseCase uc = orders;
        model = new PagedModel<>(page -> uc.listOrders(userId, page).map(OrderRows::row), OrderRow::id);
    }

    public PagedModel<OrderRow> getModel() {
        return model;
    }
}
