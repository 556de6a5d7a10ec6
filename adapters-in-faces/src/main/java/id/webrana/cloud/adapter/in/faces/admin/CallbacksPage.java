package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.application.port.in.AdminBillingUseCase;
import id.webrana.cloud.domain.billing.CallbackRecord;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** {@code /admin/callbacks.xhtml}: the gateway callbacks as received, with what was done with each. */
@Named
@ViewScoped
public class CallbacksPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The outcomes the billing core records (for the filter). */
    static final List<String> OUTCOMES = List.of("SETTLED_INVOICE", "CREDITED_TO_WALLET", "DUPLICATE", "IGNORED",
            "REFUSED_SIGNATURE", "REFUSED_EVENT", "REFUSED_UNKNOWN_REFERENCE", "REFUSED_AMOUNT_MISMATCH",
            "REFUSED_MALFORMED", "RECONCILED_SETTLED_INVOICE");

    @Inject
    AdminBillingUseCase billing;

    private String outcome;
    private String reference;
    private String appliedOutcome;
    private String appliedReference;
    private PagedModel<Row> model;

    /** One callback as the table shows it; the raw body is shown as text. */
    public record Row(String id, String receivedAt, String gateway, String reference, String merchantRef,
                      String status, String outcome, boolean refused, String detail, String rawBody)
            implements Serializable {
    }

    @PostConstruct
    void init() {
        AdminBillingUseCase uc = billing;
        model = new PagedModel<>(page -> uc.searchCallbacks(appliedOutcome, appliedReference, page)
                .map(CallbacksPage::row), Row::id);
    }

    static Row row(CallbackRecord c) {
        String outcome = c.outcome() == null ? "" : c.outcome();
        return new Row(c.id().toString(), Formats.dateTime(c.receivedAt()), c.gateway(), c.reference(),
                c.merchantRef(), c.status(), outcome, outcome.startsWith("REFUSED"), c.detail(), c.rawBody());
    }

    public void search() {
        appliedOutcome = Inputs.text(outcome);
        appliedReference = Inputs.text(reference);
    }

    public void clear() {
        outcome = null;
        reference = null;
        search();
    }

    public List<String> getOutcomes() {
        return OUTCOMES;
    }

    public PagedModel<Row> getModel() {
        return model;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
