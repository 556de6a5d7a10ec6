package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.Rupiah;
import id.webrana.cloud.application.port.in.BrowseCatalogUseCase.PlanOffer;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.shared.BillingPeriod;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the order wizard offers (plans with their price per period, the images a plan allows) as serializable rows,
 * and the checks it makes on what the customer typed before anything is ordered.
 */
public final class OrderChoices {

    /** The most SSH keys an order takes (the order use case's limit). */
    static final int MAX_SSH_KEYS = 10;
    private static final Set<String> SSH_KEY_TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]{16,}");

    private OrderChoices() {
    }

    /**
     * A plan to choose, with its price per period after any running promo.
     *
     * @param prices      by period name: the final price
     * @param basePrices  by period name: the price before the promo, only where a promo runs
     * @param promoNames  by period name: the promo's name, only where a promo runs
     */
    public record PlanChoice(String id, String name, String specs, Map<String, String> prices,
                             Map<String, String> basePrices, Map<String, String> promoNames)
            implements Serializable {

        public boolean soldFor(String period) {
            return prices.containsKey(period);
        }

        public String priceFor(String period) {
            return prices.getOrDefault(period, "—");
        }

        public String basePriceFor(String period) {
            return basePrices.get(period);
        }

        public String promoFor(String period) {
            return promoNames.get(period);
        }
    }

    /** An image a plan allows. */
    public record ImageChoice(String id, String name, String distribution, String kind) implements Serializable {
    }

    static PlanChoice plan(PlanOffer offer, Locale l) {
        var p = offer.plan();
        Map<String, String> prices = new LinkedHashMap<>();
        Map<String, String> bases = new LinkedHashMap<>();
        Map<String, String> promos = new LinkedHashMap<>();
        for (BillingPeriod period : BillingPeriod.values()) {
            PricingSnapshot s = offer.prices().get(period);
            if (s == null) {
                continue;
            }
            prices.put(period.name(), Rupiah.format(s.finalPrice().rupiah()));
            if (!s.promoDiscount().isZero()) {
                bases.put(period.name(), Rupiah.format(s.basePrice().rupiah()));
                promos.put(period.name(), s.promoName() == null ? "" : s.promoName());
            }
        }
        String specs = p.vcpu() + " vCPU · " + ServerRows.memory(p.memoryMb(), l) + " RAM · " + p.diskGb()
                + " GB SSD · " + p.transferTb() + " TB transfer";
        return new PlanChoice(p.id().toString(), p.name(), specs, prices, bases, promos);
    }

    static ImageChoice image(VpsImage i) {
        return new ImageChoice(i.id().toString(), i.name(), i.distribution(), i.kind().name());
    }

    /** The keys typed one per line: trimmed, blank lines dropped. */
    static List<String> sshKeys(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                keys.add(line.trim());
            }
        }
        return keys;
    }

    /**
     * The first line that is not an OpenSSH public key ({@code <type> <base64> [comment]}), counting from 1 among
     * all lines as typed; empty when every line looks right. The order use case checks the keys again, exactly.
     */
    static Optional<Integer> firstBadKeyLine(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 2 || !SSH_KEY_TYPES.contains(parts[0]) || !BASE64.matcher(parts[1]).matches()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /**
     * The bundle key telling why a coupon does not apply, from the refusal's message (INVALID_COUPON says why in
     * words: "Coupon HEMAT10 has expired").
     */
    static String couponReasonKey(String message) {
        String m = message == null ? "" : message;
        if (m.contains("does not exist")) {
            return "order.coupon.unknown";
        }
        if (m.contains("must be 3..32")) {
            return "order.coupon.format";
        }
        if (m.contains("has expired")) {
            return "order.coupon.expired";
        }
        if (m.contains("is not valid yet")) {
            return "order.coupon.notYet";
        }
        if (m.contains("fully redeemed")) {
            return "order.coupon.usedUp";
        }
        if (m.contains("maximum number of times")) {
            return "order.coupon.usedByYou";
        }
        if (m.contains("not valid for this plan")) {
            return "order.coupon.otherPlan";
        }
        if (m.contains("billing period")) {
            return "order.coupon.otherPeriod";
        }
        if (m.contains("minimum order")) {
            return "order.coupon.minimum";
        }
        return "order.coupon.invalid";
    }

    /** A period name the wizard accepts (DAILY, MONTHLY, YEARLY, any case), else empty. */
    static Optional<String> period(String asked) {
        if (asked == null) {
            return Optional.empty();
        }
        return Arrays.stream(BillingPeriod.values()).map(Enum::name).filter(p -> p.equalsIgnoreCase(asked.trim()))
                .findFirst();
    }
}
