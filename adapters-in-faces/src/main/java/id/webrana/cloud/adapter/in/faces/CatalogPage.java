package id.webrana.cloud.adapter.in.faces;

import id.webrana.cloud.application.port.in.BrowseCatalogUseCase;
import id.webrana.cloud.application.port.in.BrowseCatalogUseCase.PlanOffer;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.shared.BillingPeriod;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.stream.Collectors;

/** Backs the public catalog page: active plans with their rupiah prices per period. */
@Named
@RequestScoped
public class CatalogPage {

    @Inject
    BrowseCatalogUseCase catalog;

    private List<PlanRow> plans;

    /** One plan as the page shows it. */
    public record PlanRow(String id, String name, String specs, String daily, String monthly, String yearly,
                          String promo, String images) {
    }

    @PostConstruct
    void load() {
        plans = catalog.listPlans().stream().map(CatalogPage::row).toList();
    }

    static PlanRow row(PlanOffer offer) {
        var p = offer.plan();
        String specs = p.vcpu() + " vCPU · " + memory(p.memoryMb()) + " RAM · " + p.diskGb() + " GB SSD · "
                + p.transferTb() + " TB transfer";
        String promo = offer.prices().values().stream().filter(s -> s.promoName() != null)
                .map(s -> s.promoName() + " (" + s.period().name() + ")").collect(Collectors.joining(", "));
        String images = offer.images().stream().map(i -> i.name()).collect(Collectors.joining(", "));
        return new PlanRow(p.id().toString(), p.name(), specs, price(offer, BillingPeriod.DAILY),
                price(offer, BillingPeriod.MONTHLY), price(offer, BillingPeriod.YEARLY), promo, images);
    }

    private static String price(PlanOffer offer, BillingPeriod period) {
        PricingSnapshot s = offer.prices().get(period);
        if (s == null) {
            return "—";
        }
        String price = Rupiah.format(s.finalPrice().rupiah());
        return s.promoDiscount().isZero() ? price : price + " (" + Rupiah.format(s.basePrice().rupiah()) + ")";
    }

    private static String memory(int mb) {
        return mb % 1024 == 0 ? (mb / 1024) + " GB" : mb + " MB";
    }

    public List<PlanRow> getPlans() {
        return plans;
    }
}
