package id.webrana.cloud.adapter.in.rest.dto;

import id.webrana.cloud.application.port.in.BrowseCatalogUseCase.PlanOffer;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Page;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** JSON shapes of the API (records serialized by JSON-B): ids as UUID, money as whole rupiah, times ISO-8601 UTC. */
public final class Views {

    private Views() {
    }

    public record PageView<T>(List<T> items, int page, int size, long total) {
        public static <A, T> PageView<T> of(Page<A> page, java.util.function.Function<A, T> f) {
            return new PageView<>(page.items().stream().map(f).toList(), page.page(), page.size(), page.total());
        }
    }

    public record ImageView(UUID id, String name, String distribution, String providerSlug, String kind, boolean active) {
        public static ImageView of(VpsImage i) {
            return new ImageView(i.id(), i.name(), i.distribution(), i.providerSlug(), i.kind().name(), i.isActive());
        }
    }

    public record PriceView(String period, long basePrice, long promoDiscount, String promoName, long finalPrice) {
        public static PriceView of(PricingSnapshot s) {
            return new PriceView(s.period().name(), s.basePrice().rupiah(), s.promoDiscount().rupiah(), s.promoName(),
                    s.finalPrice().rupiah());
        }
    }

    public record PlanView(UUID id, String name, String sizeSlug, int vcpu, int memoryMb, int diskGb, int transferTb,
                           List<PriceView> prices, List<ImageView> images) {
        public static PlanView of(PlanOffer o) {
            VpsPlan p = o.plan();
            return new PlanView(p.id(), p.name(), p.sizeSlug(), p.vcpu(), p.memoryMb(), p.diskGb(), p.transferTb(),
                    o.prices().values().stream().map(PriceView::of).toList(),
                    o.images().stream().map(ImageView::of).toList());
        }
    }

    public record AdminPlanView(UUID id, String name, String sizeSlug, int vcpu, int memoryMb, int diskGb,
                                int transferTb, boolean active, int sortOrder, Map<String, Long> prices,
                                Set<UUID> imageIds, long version) {
        public static AdminPlanView of(VpsPlan p) {
            Map<String, Long> prices = new LinkedHashMap<>();
            p.prices().forEach((k, v) -> prices.put(k.name(), v.rupiah()));
            return new AdminPlanView(p.id(), p.name(), p.sizeSlug(), p.vcpu(), p.memoryMb(), p.diskGb(), p.transferTb(),
                    p.isActive(), p.sortOrder(), prices, new TreeSet<>(p.allowedImageIds()), p.version());
        }
    }

    public record QuoteView(String period, long basePrice, long promoDiscount, String promoName, long couponDiscount,
                            String couponCode, long totalDiscount, long finalPrice, String currency) {
        public static QuoteView of(PricingSnapshot s) {
            return new QuoteView(s.period().name(), s.basePrice().rupiah(), s.promoDiscount().rupiah(), s.promoName(),
                    s.couponDiscount().rupiah(), s.couponCode(), s.totalDiscount().rupiah(), s.finalPrice().rupiah(),
                    "IDR");
        }
    }

    public record CouponView(UUID id, String code, String discountType, long discountValue, Long maxDiscount,
                             Instant validFrom, Instant validUntil, Integer totalLimit, Integer perUserLimit,
                             Long minimumOrder, Set<UUID> planIds, Set<String> periods, boolean active,
                             int redemptionCount) {
        public static CouponView of(Coupon c) {
            Coupon.Terms t = c.terms();
            return new CouponView(c.id(), c.code(), t.discount().type().name(), t.discount().value(),
                    t.maxDiscount() == null ? null : t.maxDiscount().rupiah(), t.validFrom(), t.validUntil(),
                    t.totalLimit(), t.perUserLimit(), t.minimumOrder() == null ? null : t.minimumOrder().rupiah(),
                    t.allowedPlanIds(), t.allowedPeriods().stream().map(Enum::name).collect(Collectors.toSet()),
                    c.isActive(), c.redemptionCount());
        }
    }

    public record PromoView(UUID id, UUID planId, String period, String name, String discountType, long discountValue,
                            Instant startsAt, Instant endsAt, boolean active) {
        public static PromoView of(PlanPromo p) {
            return new PromoView(p.id(), p.planId(), p.period().name(), p.name(), p.discount().type().name(),
                    p.discount().value(), p.startsAt(), p.endsAt(), p.active());
        }
    }

    public record StatusChangeView(String from, String to, String actorType, String actorId, String reason,
                                   Instant at) {
        public static StatusChangeView of(StatusChange c) {
            return new StatusChangeView(c.from() == null ? null : c.from().name(), c.to().name(),
                    c.actor().type().name(), c.actor().id(), c.reason(), c.at());
        }
    }

    public record InstanceView(UUID id, String provider, String providerServerId, String hostname, String region,
                               String sizeSlug, String imageSlug, String ipv4, String ipv6, String status,
                               Instant providerCreatedAt, Instant createdAt, Instant expiresAt) {
        public static InstanceView of(Instance i) {
            return new InstanceView(i.id(), i.provider(), i.providerServerId(), i.hostname(), i.region(), i.sizeSlug(),
                    i.imageSlug(), i.ipv4(), i.ipv6(), i.status().name(), i.providerCreatedAt(), i.createdAt(),
                    i.expiresAt());
        }
    }

    public record ProvisioningView(String status, int attempts, Instant nextAttemptAt, Instant deadline,
                                   String lastError) {
        public static ProvisioningView of(ProvisioningTask t) {
            return new ProvisioningView(t.status().name(), t.attempts(), t.nextAttemptAt(), t.deadline(), t.lastError());
        }
    }

    public record OrderSummaryView(UUID id, UUID userId, String status, String hostname, String planName,
                                   String imageName, String period, long finalPrice, String currency,
                                   Instant createdAt, Instant paymentDueAt) {
        public static OrderSummaryView of(Order o) {
            return new OrderSummaryView(o.id(), o.userId(), o.status().name(), o.hostname().value(), o.plan().name(),
                    o.image().name(), o.pricing().period().name(), o.pricing().finalPrice().rupiah(), "IDR",
                    o.createdAt(), o.paymentDueAt());
        }
    }

    public record OrderView(UUID id, UUID userId, String status, String hostname, String region,
                            Map<String, Object> plan, Map<String, Object> image, QuoteView pricing,
                            List<String> sshKeys, Instant createdAt, Instant paymentDueAt, Instant paidAt,
                            String failureCode, String failureMessage, List<StatusChangeView> statusHistory,
                            InstanceView instance, ProvisioningView provisioning) {
        public static OrderView of(Order o) {
            return of(new OrderDetails(o, java.util.Optional.empty(), java.util.Optional.empty()), false);
        }

        /** @param forAdmin admins see the provider's raw error; customers a plain sentence */
        public static OrderView of(OrderDetails d, boolean forAdmin) {
            Order o = d.order();
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("id", o.plan().planId());
            plan.put("name", o.plan().name());
            plan.put("sizeSlug", o.plan().sizeSlug());
            plan.put("vcpu", o.plan().vcpu());
            plan.put("memoryMb", o.plan().memoryMb());
            plan.put("diskGb", o.plan().diskGb());
            plan.put("transferTb", o.plan().transferTb());
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("id", o.image().imageId());
            image.put("name", o.image().name());
            image.put("providerSlug", o.image().providerSlug());
            String failure = o.failureMessage() == null ? null
                    : forAdmin ? o.failureMessage() : "We could not set up this server; our team has been alerted.";
            return new OrderView(o.id(), o.userId(), o.status().name(), o.hostname().value(), o.region(), plan, image,
                    QuoteView.of(o.pricing()), o.sshKeys(), o.createdAt(), o.paymentDueAt(), o.paidAt(),
                    o.failureCode(), failure, o.history().stream().map(StatusChangeView::of)
                            .map(c -> forAdmin || !"FAILED".equals(c.to()) ? c
                                    : new StatusChangeView(c.from(), c.to(), c.actorType(), c.actorId(), failure, c.at()))
                            .toList(),
                    d.instance().map(InstanceView::of).orElse(null),
                    d.provisioning().map(t -> forAdmin ? ProvisioningView.of(t)
                            : new ProvisioningView(t.status().name(), t.attempts(), t.nextAttemptAt(), t.deadline(),
                            null)).orElse(null));
        }
    }

    public record UserView(UUID id, String email, String fullName, String phone, Set<String> roles,
                           boolean emailVerified, boolean enabled, Instant createdAt) {
        public static UserView of(User u) {
            return new UserView(u.id(), u.email().value(), u.fullName(), u.phone(),
                    u.roles().stream().map(r -> r.groupName()).collect(Collectors.toCollection(TreeSet::new)),
                    u.isEmailVerified(), u.isEnabled(), u.createdAt());
        }
    }
}
