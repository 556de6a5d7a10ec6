package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.CatalogInputs.NotANumber;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanRemoval;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The plans section of {@code /admin/catalog.xhtml}: every plan with its list prices per period and the images it
 * offers; create and edit one (prices per period in whole rupiah, a period left empty is not sold; which images it
 * offers; its place in the list), start or stop selling it, remove it (a plan orders or coupons refer to is
 * deactivated instead). A refused input is shown next to its field and the form keeps what was typed.
 */
@Named
@ViewScoped
public class CatalogPlansSection implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "plans";
    /** The form's inputs by command field. */
    static final Map<String, String> INPUTS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("sizeSlug", "sizeSlug"), Map.entry("vcpu", "vcpu"), Map.entry("memoryMb", "memoryMb"),
            Map.entry("diskGb", "diskGb"), Map.entry("transferTb", "transferTb"), Map.entry("sortOrder", "sortOrder"),
            Map.entry("prices", "priceMonthly"), Map.entry("prices.DAILY", "priceDaily"),
            Map.entry("prices.MONTHLY", "priceMonthly"), Map.entry("prices.YEARLY", "priceYearly"),
            Map.entry("imageIds", "images"));

    @Inject
    ManageCatalogUseCase catalog;

    private List<Row> plans = List.of();
    private List<ImageOption> imageOptions = List.of();
    private Editor editor;

    /** One plan in the list, as text. */
    public record Row(String id, String name, String specs, String sizeSlug, String daily, String monthly,
                      String yearly, String images, int sortOrder, boolean active) implements Serializable {
    }

    /** An image the plan may offer. */
    public record ImageOption(String id, String label) implements Serializable {
    }

    /** The plan being created ({@code id} null) or edited, as typed. */
    public static final class Editor implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id;
        private Long version;
        private String name;
        private String sizeSlug;
        private String vcpu;
        private String memoryMb;
        private String diskGb;
        private String transferTb;
        private String sortOrder;
        private String priceDaily;
        private String priceMonthly;
        private String priceYearly;
        private List<String> imageIds = new ArrayList<>();
        private boolean active = true;

        public boolean isNew() { return id == null; }
        public String getId() { return id; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getSizeSlug() { return sizeSlug; }
        public void setSizeSlug(String v) { sizeSlug = v; }
        public String getVcpu() { return vcpu; }
        public void setVcpu(String v) { vcpu = v; }
        public String getMemoryMb() { return memoryMb; }
        public void setMemoryMb(String v) { memoryMb = v; }
        public String getDiskGb() { return diskGb; }
        public void setDiskGb(String v) { diskGb = v; }
        public String getTransferTb() { return transferTb; }
        public void setTransferTb(String v) { transferTb = v; }
        public String getSortOrder() { return sortOrder; }
        public void setSortOrder(String v) { sortOrder = v; }
        public String getPriceDaily() { return priceDaily; }
        public void setPriceDaily(String v) { priceDaily = v; }
        public String getPriceMonthly() { return priceMonthly; }
        public void setPriceMonthly(String v) { priceMonthly = v; }
        public String getPriceYearly() { return priceYearly; }
        public void setPriceYearly(String v) { priceYearly = v; }
        public List<String> getImageIds() { return imageIds; }
        public void setImageIds(List<String> v) { imageIds = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
    }

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        List<VpsImage> images = catalog.allImages();
        Map<UUID, String> imageNames = images.stream().collect(Collectors.toMap(VpsImage::id, VpsImage::name));
        imageOptions = images.stream()
                .map(i -> new ImageOption(i.id().toString(), i.isActive() ? i.name()
                        : i.name() + " (" + Texts.get("admin.catalog.inactive") + ")"))
                .toList();
        plans = catalog.allPlans().stream().map(p -> row(p, imageNames)).toList();
    }

    static Row row(VpsPlan p, Map<UUID, String> imageNames) {
        String specs = p.vcpu() + " vCPU · " + (p.memoryMb() % 1024 == 0 ? p.memoryMb() / 1024 + " GB" : p.memoryMb()
                + " MB") + " RAM · " + p.diskGb() + " GB SSD · " + p.transferTb() + " TB";
        String images = p.allowedImageIds().stream().map(id -> imageNames.getOrDefault(id, id.toString())).sorted()
                .collect(Collectors.joining(", "));
        return new Row(p.id().toString(), p.name(), specs, p.sizeSlug(), price(p, BillingPeriod.DAILY),
                price(p, BillingPeriod.MONTHLY), price(p, BillingPeriod.YEARLY), images, p.sortOrder(), p.isActive());
    }

    private static String price(VpsPlan p, BillingPeriod period) {
        return p.priceFor(period).map(Formats::money).orElse("—");
    }

    /** Opens an empty form: sold monthly, offering every active image, placed last. */
    public void create() {
        editor = new Editor();
        editor.transferTb = "1";
        editor.sortOrder = Integer.toString(plans.stream().mapToInt(Row::sortOrder).max().orElse(0) + 10);
        editor.imageIds = new ArrayList<>(catalog.allImages().stream().filter(VpsImage::isActive)
                .map(i -> i.id().toString()).toList());
    }

    /** Opens the form on a plan as it is stored now. */
    public void edit(String id) {
        catalog.allPlans().stream().filter(p -> p.id().toString().equals(id)).findFirst().ifPresentOrElse(p -> {
            Editor e = new Editor();
            e.id = id;
            e.version = p.version();
            e.name = p.name();
            e.sizeSlug = p.sizeSlug();
            e.vcpu = Integer.toString(p.vcpu());
            e.memoryMb = Integer.toString(p.memoryMb());
            e.diskGb = Integer.toString(p.diskGb());
            e.transferTb = Integer.toString(p.transferTb());
            e.sortOrder = Integer.toString(p.sortOrder());
            e.priceDaily = p.priceFor(BillingPeriod.DAILY).map(m -> Long.toString(m.rupiah())).orElse("");
            e.priceMonthly = p.priceFor(BillingPeriod.MONTHLY).map(m -> Long.toString(m.rupiah())).orElse("");
            e.priceYearly = p.priceFor(BillingPeriod.YEARLY).map(m -> Long.toString(m.rupiah())).orElse("");
            e.imageIds = new ArrayList<>(p.allowedImageIds().stream().map(UUID::toString).toList());
            e.active = p.isActive();
            editor = e;
        }, () -> Texts.error("admin.catalog.plans.gone"));
    }

    public void save() {
        if (editor == null) {
            return;
        }
        Editor e = editor;
        PlanCommand command;
        try {
            Map<String, Long> prices = new LinkedHashMap<>();
            putPrice(prices, BillingPeriod.DAILY, CatalogInputs.number(e.priceDaily, "prices.DAILY"));
            putPrice(prices, BillingPeriod.MONTHLY, CatalogInputs.number(e.priceMonthly, "prices.MONTHLY"));
            putPrice(prices, BillingPeriod.YEARLY, CatalogInputs.number(e.priceYearly, "prices.YEARLY"));
            command = new PlanCommand(e.id == null ? null : UUID.fromString(e.id), e.name, strip(e.sizeSlug),
                    (int) CatalogInputs.required(e.vcpu, "vcpu"), (int) CatalogInputs.required(e.memoryMb, "memoryMb"),
                    (int) CatalogInputs.required(e.diskGb, "diskGb"),
                    orZero(CatalogInputs.integer(e.transferTb, "transferTb")),
                    e.active, orZero(CatalogInputs.integer(e.sortOrder, "sortOrder")), prices,
                    e.imageIds.stream().map(UUID::fromString).collect(Collectors.toSet()), e.version);
        } catch (NotANumber bad) {
            CatalogInputs.notANumber(FORM, bad, INPUTS);
            return;
        }
        try {
            VpsPlan saved = catalog.savePlan(command);
            Texts.info("admin.catalog.plans.saved", saved.name());
            editor = null;
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, INPUTS);
        }
    }

    private static void putPrice(Map<String, Long> prices, BillingPeriod period, Long amount) {
        if (amount != null) {
            prices.put(period.name(), amount);
        }
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    public void cancel() {
        editor = null;
    }

    /** Starts or stops selling a plan. */
    public void setActive(String id, boolean active) {
        try {
            VpsPlan plan = catalog.setPlanActive(UUID.fromString(id), active);
            Texts.info(active ? "admin.catalog.plans.activated" : "admin.catalog.plans.deactivated", plan.name());
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, Map.of());
        }
    }

    /** Deletes a plan, or deactivates it when orders or coupons refer to it. */
    public void remove(String id) {
        String name = plans.stream().filter(r -> r.id().equals(id)).map(Row::name).findFirst().orElse(id);
        try {
            PlanRemoval done = catalog.removePlan(UUID.fromString(id));
            Texts.info(done == PlanRemoval.DELETED ? "admin.catalog.plans.deleted" : "admin.catalog.plans.keptInactive",
                    name);
            if (editor != null && id.equals(editor.id)) {
                editor = null;
            }
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, Map.of());
        }
    }

    public List<Row> getPlans() {
        return plans;
    }

    public List<ImageOption> getImageOptions() {
        return imageOptions;
    }

    public Editor getEditor() {
        return editor;
    }
}
