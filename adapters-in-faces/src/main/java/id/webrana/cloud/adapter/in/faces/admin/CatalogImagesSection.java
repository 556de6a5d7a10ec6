package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.ImageCommand;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The images section of {@code /admin/catalog.xhtml}: every image with the plans that offer it; create and edit
 * one (name, distribution, the provider's image slug, OS or APP), start or stop offering it. Which images a plan
 * offers is chosen on the plan.
 */
@Named
@ViewScoped
public class CatalogImagesSection implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "images";
    static final Map<String, String> INPUTS = Map.of("name", "name", "distribution", "distribution",
            "providerSlug", "providerSlug", "kind", "kind");

    @Inject
    ManageCatalogUseCase catalog;

    private List<Row> images = List.of();
    private Editor editor;

    /** One image in the list. */
    public record Row(String id, String name, String distribution, String providerSlug, String kind, String plans,
                      boolean active) implements Serializable {
    }

    /** The image being created ({@code id} null) or edited, as typed. */
    public static final class Editor implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id;
        private Long version;
        private String name;
        private String distribution;
        private String providerSlug;
        private String kind = VpsImage.Kind.OS.name();
        private boolean active = true;

        public boolean isNew() { return id == null; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getDistribution() { return distribution; }
        public void setDistribution(String v) { distribution = v; }
        public String getProviderSlug() { return providerSlug; }
        public void setProviderSlug(String v) { providerSlug = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
    }

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        List<VpsPlan> plans = catalog.allPlans();
        images = catalog.allImages().stream().map(i -> new Row(i.id().toString(), i.name(), i.distribution(),
                i.providerSlug(), i.kind().name(), offeredBy(i.id(), plans), i.isActive())).toList();
    }

    private static String offeredBy(UUID imageId, List<VpsPlan> plans) {
        return plans.stream().filter(p -> p.allowedImageIds().contains(imageId)).map(VpsPlan::name)
                .collect(Collectors.joining(", "));
    }

    public void create() {
        editor = new Editor();
    }

    public void edit(String id) {
        catalog.allImages().stream().filter(i -> i.id().toString().equals(id)).findFirst().ifPresentOrElse(i -> {
            Editor e = new Editor();
            e.id = id;
            e.version = i.version();
            e.name = i.name();
            e.distribution = i.distribution();
            e.providerSlug = i.providerSlug();
            e.kind = i.kind().name();
            e.active = i.isActive();
            editor = e;
        }, () -> Texts.error("admin.catalog.images.gone"));
    }

    public void save() {
        if (editor == null) {
            return;
        }
        Editor e = editor;
        try {
            VpsImage saved = catalog.saveImage(new ImageCommand(e.id == null ? null : UUID.fromString(e.id), e.name,
                    e.distribution, e.providerSlug == null ? null : e.providerSlug.strip(), e.kind, e.active,
                    e.version));
            Texts.info("admin.catalog.images.saved", saved.name());
            editor = null;
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, INPUTS);
        }
    }

    public void cancel() {
        editor = null;
    }

    /** Starts or stops offering an image. */
    public void setActive(String id, boolean active) {
        try {
            VpsImage image = catalog.setImageActive(UUID.fromString(id), active);
            Texts.info(active ? "admin.catalog.images.activated" : "admin.catalog.images.deactivated", image.name());
            reload();
        } catch (DomainException refused) {
            CatalogInputs.report(refused, FORM, Map.of());
        }
    }

    public List<Row> getImages() {
        return images;
    }

    public Editor getEditor() {
        return editor;
    }

    public List<String> getKinds() {
        return List.of(VpsImage.Kind.OS.name(), VpsImage.Kind.APP.name());
    }
}
