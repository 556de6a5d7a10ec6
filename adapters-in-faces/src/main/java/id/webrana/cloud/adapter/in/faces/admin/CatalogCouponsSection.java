package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.CatalogInputs.NotANumber;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.CouponCommand;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The coupons section of {@code /admin/catalog.xhtml}: every coupon with its discount, validity (Asia/Jakarta),
 * redemptions against its limits and restrictions; create one (the code cannot change afterwards), edit its terms,
 * start or stop it (redemptions are kept).
 */
@Named
@ViewScoped
public class CatalogCouponsSection implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "coupons";
    static final Map<String, String> INPUTS = Map.ofEntries(Map.entry("code", "code"),
            Map.entry("discountType", "discountType"), Map.entry("discountValue", "discountValue"),
            Map.entry("maxDiscount", "maxDiscount"), Map.entry("validFrom", "validFrom"),
            Map.entry("validUntil", "validUntil"), Map.entry("totalLimit", "totalLimit"),
            Map.entry("perUserLimit", "perUserLimit"), Map.entry("minimumOrder", "minimumOrder"),
            Map.entry("planIds", "plans"), Map.entry("periods", "periods"));

    @Inject
    ManageCatalogUseCase catalog;

    private List<Row> coupons = List.of();
    private List<CatalogPromosSection.PlanOption> planOptions = List.of();
    private Editor editor;

    /** One coupon in the list. */
    public record Row(String id, String code, String discount, String validity, String redeemed, String perUser,
                      String minimum, String restrictions, boolean active) implements Serializable {
    }

    /** The coupon being created ({@code id} null) or edited, as typed. */
    public static final class Editor implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id;
        private Long version;
        private String code;
        private String discountType = Discount.Type.PERCENT.name();
        private String discountValue;
        private String maxDiscount;
        private LocalDateTime validFrom;
        private LocalDateTime validUntil;
        private String totalLimit;
        private String perUserLimit;
        private String minimumOrder;
        private List<String> planIds = new ArrayList<>();
        private List<String> periods = new ArrayList<>();
        private boolean active = true;

        public boolean isNew() { return id == null; }
        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getDiscountType() { return discountType; }
        public void setDiscountType(String v) { discountType = v; }
        public String getDiscountValue() { return discountValue; }
        public void setDiscountValue(String v) { discountValue = v; }
        public String getMaxDiscount() { return maxDiscount; }
        public void setMaxDiscount(String v) { maxDiscount = v; }
        public LocalDateTime getValidFrom() { return validFrom; }
        public void setValidFrom(LocalDateTime v) { validFrom = v; }
        public LocalDateTime getValidUntil() { return validUntil; }
        public void setValidUntil(LocalDateTime v) { validUntil = v; }
        public String getTotalLimit() { return totalLimit; }
        public void setTotalLimit(String v) { totalLimit = v; }
        public String getPerUserLimit() { return perUserLimit; }
        public void setPerUserLimit(String v) { perUserLimit = v; }
        public String getMinimumOrder() { return minimumOrder; }
        public void setMinimumOrder(String v) { minimumOrder = v; }
        public List<String> getPlanIds() { return planIds; }
        public void setPlanIds(List<String> v) { planIds = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        public List<String> getPeriods() { return periods; }
        public void setPeriods(List<String> v) { periods = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
    }

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        List<VpsPlan> plans = catalog.allPlans();
        Map<UUID, String> names = plans.stream().collect(Collectors.toMap(VpsPlan::id, VpsPlan::name));
        planOptions = plans.stream().map(p -> new CatalogPromosSection.PlanOption(p.id().toString(), p.name()))
                .toList();
        coupons = catalog.allCoupons().stream().map(c -> row(c, names)).toList();
    }

    private static Row row(Coupon c, Map<UUID, String> planNames) {
        Coupon.Terms t = c.terms();
        String discount = CatalogInputs.discount(t.discount()) + (t.maxDiscount() == null ? ""
                : " (" + Texts.get("admin.catalog.coupons.upTo", Formats.money(t.maxDiscount())) + ")");
        String validity = (t.validFrom() == null ? "—" : Formats.dateTime(t.validFrom())) + " – "
                + (t.validUntil() == null ? "—" : Formats.dateTime(t.validUntil()));
        String redeemed = c.redemptionCount() + " / " + (t.totalLimit() == null ? "∞" : t.totalLimit());
        List<String> restrictions = new ArrayList<>();
        t.allowedPlanIds().stream().map(id -> planNames.getOrDefault(id, id.toString())).sorted()
                .forEach(restrictions::add);
        t.allowedPeriods().stream().sorted()
                .forEach(p -> restrictions.add(Texts.get("admin.catalog.period." + p.name())));
        return new Row(c.id().toString(), c.code(), discount, validity, redeemed,
                t.perUserLimit() == null ? "∞" : t.perUserLimit().toString(),
                t.minimumOrder() == null ? "—" : Formats.money(t.minimumOrder()),
                restrictions.isEmpty() ? Texts.get("admin.catalog.coupons.unrestricted") : String.join(", ", restrictions),
                c.isActive());
    }

    public void create() {
        editor = new Editor();
    }

    public void edit(String id) {
        catalog.allCoupons().stream().filter(c -> c.id().toString().equals(id)).findFirst().ifPresentOrElse(c -> {
            Coupon.Terms t = c.terms();
            Editor e = new Editor();
            e.id = id;
            e.version = c.version();
            e.code = c.code();
            e.discountType = t.discount().type().name();
            e.discountValue = Long.toString(t.discount().value());
            e.maxDiscount = text(t.maxDiscount());
            e.validFrom = CatalogInputs.jakarta(t.validFrom());
            e.validUntil = CatalogInputs.jakarta(t.validUntil());
            e.totalLimit = t.totalLimit() == null ? "" : t.totalLimit().toString();
            e.perUserLimit = t.perUserLimit() == null ? "" : t.perUserLimit().toString();
            e.minimumOrder = text(t.minimumOrder());
            e.planIds = new ArrayList<>(t.allowedPlanIds().stream().map(UUID::toString).toList());
            e.periods = new ArrayList<>(t.allowedPeriods().stream().map(Enum::name).toList());
            e.active = c.isActive();
            editor = e;
        }, () -> Texts.error("admin.catalog.coupons.gone"));
    }

    private static String text(Money m) {
        return m == null ? "" : Long.toString(m.rupiah());
    }

    public void save() {
        if (editor == null) {
            return;
        }
        Editor e = editor;
        CouponCommand command;
        try {
            command = new CouponCommand(e.id == null ? null : UUID.fromString(e.id), e.code, e.discountType,
                    CatalogInputs.required(e.discountValue, "discountValue"),
                    CatalogInputs.number(e.maxDiscount, "maxDiscount"), CatalogInputs.instant(e.validFrom),
                    CatalogInputs.instant(e.validUntil), CatalogInputs.integer(e.totalLimit, "totalLimit"),
                    CatalogInputs.integer(e.perUserLimit, "perUserLimit"),
                    CatalogInputs.number(e.minimumOrder, "minimumOrder"),
                    e.planIds.stream().map(UUID::fromString).collect(Collectors.toSet()), new HashSet<>(e.periods),
                    e.active, e.version);
        } catch (NotANumber bad) {
            CatalogInputs.notANumber(FORM, bad, INPUTS);
            return;
        }
        try {
            Coupon saved = catalog.saveCoupon(command);
            Texts.info("admin.catalog.coupons.saved", saved.code());
            editor = null;
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, INPUTS);
        }
    }

    public void cancel() {
        editor = null;
    }

    /** Lets customers use a coupon again, or stops it. */
    public void setActive(String id, boolean active) {
        try {
            Coupon coupon = catalog.setCouponActive(UUID.fromString(id), active);
            Texts.info(active ? "admin.catalog.coupons.activated" : "admin.catalog.coupons.deactivated",
                    coupon.code());
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, Map.of());
        }
    }

    public List<Row> getCoupons() {
        return coupons;
    }

    public List<CatalogPromosSection.PlanOption> getPlanOptions() {
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
