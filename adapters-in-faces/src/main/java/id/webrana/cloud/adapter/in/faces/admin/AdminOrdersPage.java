package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.AdminOrderRows.OrderRow;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase.SearchOrdersQuery;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase.SortOrders;
import id.webrana.cloud.domain.order.OrderStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.component.datatable.DataTable;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/orders.xhtml}: every order in a lazily loaded table, filtered by status, customer (user id) and
 * creation day (Jakarta), with a global search over hostname, order id and the customer's email, sorted by the
 * clicked column. {@code ?status=} and {@code ?userId=} open it filtered (links from the other admin pages).
 */
@Named
@ViewScoped
public class AdminOrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminOrdersUseCase orders;

    private String status;
    private String userId;
    private String text;
    private LocalDate from;
    private LocalDate to;
    private Applied applied = new Applied(null, null, null, null, null);
    private SortedPagedModel<OrderRow> model;

    /** The filters in force (serializable, as the view keeps them between requests). */
    record Applied(String status, UUID userId, Instant from, Instant to, String text) implements Serializable {
        SearchOrdersQuery query() {
            return new SearchOrdersQuery(status, userId, from, to, text);
        }
    }

    @PostConstruct
    void init() {
        AdminOrdersUseCase uc = orders;
        model = new SortedPagedModel<>((page, sort) -> uc.orderTable(applied.query(),
                new SortOrders(sort.field(), sort.ascending()), page).map(AdminOrderRows::row), OrderRow::id);
    }

    /** View action: filters given in the address ({@code ?status=PENDING_PAYMENT&userId=...}) apply at once. */
    public void open() {
        if (status != null && Arrays.stream(OrderStatus.values()).noneMatch(s -> s.name().equals(status))) {
            status = null;
        }
        if (Inputs.badUuid(userId)) {
            userId = null;
        }
        applied = new Applied(Inputs.text(status), Inputs.uuid(userId).orElse(null), null, null, null);
    }

    public void search() {
        boolean ok = true;
        if (Inputs.badUuid(userId)) {
            Texts.fieldError("filters:userId", "admin.filter.badUserId");
            ok = false;
        }
        if (from != null && to != null && to.isBefore(from)) {
            Texts.fieldError("filters:to", "admin.orders.badRange");
            ok = false;
        }
        if (ok) {
            applied = new Applied(Inputs.text(status), Inputs.uuid(userId).orElse(null), Inputs.startOf(from),
                    Inputs.endOf(to), Inputs.text(text));
            firstPage();
        }
    }

    /** New filters show their first page. */
    private static void firstPage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot().findComponent(":table:orders") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void clear() {
        status = null;
        userId = null;
        text = null;
        from = null;
        to = null;
        applied = new Applied(null, null, null, null, null);
        firstPage();
    }

    public List<String> getStatuses() {
        return Arrays.stream(OrderStatus.values()).map(Enum::name).toList();
    }

    public SortedPagedModel<OrderRow> getModel() {
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

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
