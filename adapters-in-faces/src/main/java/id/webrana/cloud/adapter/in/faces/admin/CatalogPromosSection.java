package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.CatalogInputs.NotANumber;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PromoCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PromoStanding;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The promos section of {@code /admin/catalog.xhtml}: every promo with its plan, period, discount, window (Asia/
 * Jakarta) and where it stands now; create and edit one (percent or fixed rupiah, on one plan and period, from and
 * until a date and time), end it now, delete it. Running promos lower the prices the portal shows at once.
 */
@Named
@ViewScoped
public class CatalogPromosSection implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "promos";
    static final Map<String, String> INPUTS = Map.of("planId", "plan", "period", "period", "name", "name",
            "discountType", "discountType", "discountValue", "discountValue", "startsAt", "startsAt",
            "endsAt", "endsAt");

    @Inject
    ManageCatalogUseCase catalog;

    private List<Row> promos = List.of();
    private List<PlanOption> planOptions = List.of();
    private Editor editor;

    /** One promo in the list. */
    public record Row(String id, String plan, String period, String name, String discount, String window,
                      String status, boolean endable) implements Serializable {
    }

    /** A plan a promo can be on. */
    public record PlanOption(String id, String label) implements Serializable {
    }

    /** The promo being created ({@code id} null) or edited, as typed. */
    public static final class Editor implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id;
        private String planId;
        private String period = BillingPeriod.MONTHLY.name();
        private String name;
        private String discountType = Discount.Type.PERCENT.name();
        private String discountValue;
        private LocalDateTime startsAt;
        private LocalDateTime endsAt;

        public boolean isNew() { return id == null; }
        public String getPlanId() { return planId; }
        public void setPlanId(String v) { planId = v; }
        public String getPeriod() { return period; }
        public void setPeriod(String v) { period = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getDiscountType() { return discountType; }
        public void setDiscountType(String v) { discountType = v; }
        public String getDiscountValue() { return discountValue; }
        public void setDiscountValue(String v) { discountValue = v; }
        public LocalDateTime getStartsAt() { return startsAt; }
        public void setStartsAt(LocalDateTime v) { startsAt = v; }
        public LocalDateTime getEndsAt() { return endsAt; }
        public void setEndsAt(LocalDateTime v) { endsAt = v; }
    }

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        List<VpsPlan> plans = catalog.allPlans();
        Map<UUID, String> names = plans.stream().collect(Collectors.toMap(VpsPlan::id, VpsPlan::name));
        planOptions = plans.stream().map(p -> new PlanOption(p.id().toString(), p.isActive() ? p.name()
                : p.name() + " (" + Texts.get("admin.catalog.inactive") + ")")).toList();
        promos = catalog.promoStandings().stream().map(s -> row(s, names)).toList();
    }

    private static Row row(PromoStanding s, Map<UUID, String> planNames) {
        PlanPromo p = s.promo();
        String window = Formats.dateTime(p.startsAt()) + " – " + Formats.dateTime(p.endsAt());
        boolean endable = s.status() == PlanPromo.Status.RUNNING || s.status() == PlanPromo.Status.SCHEDULED;
        return new Row(p.id().toString(), planNames.getOrDefault(p.planId(), p.planId().toString()),
                Texts.get("admin.catalog.period." + p.period().name()), p.name(), CatalogInputs.discount(p.discount()),
                window, s.status().name(), endable);
    }

    /** Opens an empty form: the first plan, monthly, percent, from now for a week. */
    public void create() {
        Editor e = new Editor();
        e.planId = planOptions.isEmpty() ? null : planOptions.get(0).id();
        LocalDateTime now = CatalogInputs.jakarta(java.time.Instant.now()).truncatedTo(ChronoUnit.MINUTES);
        e.startsAt = now;
        e.endsAt = now.plus(Duration.ofDays(7));
        editor = e;
    }

    public void edit(String id) {
        catalog.allPromos().stream().filter(p -> p.id().toString().equals(id)).findFirst().ifPresentOrElse(p -> {
            Editor e = new Editor();
            e.id = id;
            e.planId = p.planId().toString();
            e.period = p.period().name();
            e.name = p.name();
            e.discountType = p.discount().type().name();
            e.discountValue = Long.toString(p.discount().value());
            e.startsAt = CatalogInputs.jakarta(p.startsAt());
            e.endsAt = CatalogInputs.jakarta(p.endsAt());
            editor = e;
        }, () -> Texts.error("admin.catalog.promos.gone"));
    }

    public void save() {
        if (editor == null) {
            return;
        }
        Editor e = editor;
        PromoCommand command;
        try {
            command = new PromoCommand(e.planId == null || e.planId.isBlank() ? null : UUID.fromString(e.planId),
                    e.period, e.name, e.discountType, CatalogInputs.required(e.discountValue, "discountValue"),
                    CatalogInputs.instant(e.startsAt), CatalogInputs.instant(e.endsAt));
        } catch (NotANumber bad) {
            CatalogInputs.notANumber(FORM, bad, INPUTS);
            return;
        }
        if (command.startsAt() == null || command.endsAt() == null) {
            Texts.fieldError(FORM + ":" + (command.startsAt() == null ? "startsAt" : "endsAt"),
                    "admin.catalog.rule.PROMO_WINDOW");
            return;
        }
        try {
            PlanPromo saved = e.id == null ? catalog.createPromo(command)
                    : catalog.updatePromo(UUID.fromString(e.id), command);
            Texts.info("admin.catalog.promos.saved", saved.name());
            editor = null;
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, INPUTS);
        }
    }

    public void cancel() {
        editor = null;
    }

    /** Stops a promo now. */
    public void end(String id) {
        try {
            PlanPromo ended = catalog.endPromo(UUID.fromString(id));
            Texts.info("admin.catalog.promos.ended", ended.name());
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, Map.of());
        }
    }

    public void delete(String id) {
        try {
            String name = promos.stream().filter(r -> r.id().equals(id)).map(Row::name).findFirst().orElse("");
            catalog.deletePromo(UUID.fromString(id));
            Texts.info("admin.catalog.promos.deleted", name);
            if (editor != null && id.equals(editor.id)) {
                editor = null;
            }
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, Map.of());
        }
    }

    public List<Row> getPromos() {
        return promos;
    }

    public List<PlanOption> getPlanOptions() {
        return planOptions;
    }

    public Editor getEditor() {
        return editor;
    }

    public List<String> getPeriods() {
        return Arrays.stream(BillingPeriod.values()).map(Enum::name).toList();
    }

    public List<String> getDiscountTypes() {
        return Arrays.stream(Discount.Type.values()).map(Enum::name).toList();
    }
}
