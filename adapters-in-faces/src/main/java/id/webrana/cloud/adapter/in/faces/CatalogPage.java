package id.webrana.cloud.adapter.in.faces;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.BrowseCatalogUseCase;
import id.webrana.cloud.application.port.in.BrowseCatalogUseCase.PlanOffer;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.shared.BillingPeriod;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Backs the public landing page: active plans with their rupiah prices per period, as cards for the period the
 * visitor picked ({@code ?period=}, switched in the page without a reload) and as a table of every period. The page
 * keeps no state and creates no session.
 */
@Named
@RequestScoped
public class CatalogPage {

    @Inject
    BrowseCatalogUseCase catalog;

    private List<PlanRow> plans;
    private List<PlanCard> cards;
    private String period = BillingPeriod.MONTHLY.name();

    /** One plan as the comparison table shows it. */
    public record PlanRow(String id, String name, String specs, String daily, String monthly, String yearly,
                          String promo, String images) {
    }

    /**
     * One plan as a card: a price per period (only the chosen period's is visible) and the link that orders it.
     */
    public record PlanCard(String id, String name, String specs, String images, List<PeriodPrice> prices) {
    }

    /**
     * A plan's price for one period.
     *
     * @param finalPrice the price to pay, or null when the plan is not sold for this period
     * @param basePrice  the price before the running promo, or null when there is none
     * @param orderPath  the wizard with this plan and period chosen
     */
    public record PeriodPrice(String period, String finalPrice, String basePrice, String promoName, String unit,
                              String orderPath) {

        public boolean isSold() {
            return finalPrice != null;
        }
    }

    @PostConstruct
    void load() {
        period = requestedPeriod();
        List<PlanOffer> offers = catalog.listPlans();
        plans = offers.stream().map(CatalogPage::row).toList();
        Locale locale = Formats.pageLocale();
        cards = offers.stream().map(o -> card(o, locale)).toList();
    }

    private static String requestedPeriod() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String asked = faces == null ? null : faces.getExternalContext().getRequestParameterMap().get("period");
        return Arrays.stream(BillingPeriod.values()).map(Enum::name).filter(p -> p.equalsIgnoreCase(
                asked == null ? "" : asked.trim())).findFirst().orElse(BillingPeriod.MONTHLY.name());
    }

    static PlanRow row(PlanOffer offer) {
        var p = offer.plan();
        String promo = offer.prices().values().stream().filter(s -> s.promoName() != null)
                .map(s -> s.promoName() + " (" + s.period().name() + ")").collect(Collectors.joining(", "));
        return new PlanRow(p.id().toString(), p.name(), specs(offer), price(offer, BillingPeriod.DAILY),
                price(offer, BillingPeriod.MONTHLY), price(offer, BillingPeriod.YEARLY), promo, images(offer));
    }

    static PlanCard card(PlanOffer offer, Locale locale) {
        var p = offer.plan();
        List<PeriodPrice> prices = Arrays.stream(BillingPeriod.values())
                .map(period -> {
                    PricingSnapshot s = offer.prices().get(period);
                    if (s == null) {
                        return new PeriodPrice(period.name(), null, null, null, null, null);
                    }
                    String base = s.promoDiscount().isZero() ? null : Rupiah.format(s.basePrice().rupiah());
                    return new PeriodPrice(period.name(), Rupiah.format(s.finalPrice().rupiah()), base,
                            s.promoName(), Texts.get(locale, "landing.per." + period.name()),
                            "/portal/order.xhtml?plan=" + p.id() + "&period=" + period.name());
                }).toList();
        return new PlanCard(p.id().toString(), p.name(), specs(offer), images(offer), prices);
    }

    private static String specs(PlanOffer offer) {
        var p = offer.plan();
        return p.vcpu() + " vCPU · " + memory(p.memoryMb()) + " RAM · " + p.diskGb() + " GB SSD · "
                + p.transferTb() + " TB transfer";
    }

    private static String images(PlanOffer offer) {
        return offer.images().stream().map(i -> i.name()).collect(Collectors.joining(", "));
    }

    private static String price(PlanOffer offer, BillingPeriod period) {
        PricingSnapshot s = offer.prices().get(period);
        if (s == null) {
            return "—";
        }
        String price = Rupiah.format(s.finalPrice().rupiah());
        return s.promoDiscount().isZero() ? price : price + " (" + Rupiah.format(s.basePrice().rupiah()) + ")";
    }

    static String memory(int mb) {
        return mb % 1024 == 0 ? (mb / 1024) + " GB" : mb + " MB";
    }

    public List<PlanRow> getPlans() {
        return plans;
    }

    public List<PlanCard> getCards() {
        return cards;
    }

    /** The period whose prices the cards show first: DAILY, MONTHLY (default) or YEARLY. */
    public String getPeriod() {
        return period;
    }

    public List<String> getPeriods() {
        return Arrays.stream(BillingPeriod.values()).map(Enum::name).toList();
    }
}
