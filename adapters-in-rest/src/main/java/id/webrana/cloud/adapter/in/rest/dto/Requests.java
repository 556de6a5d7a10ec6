package id.webrana.cloud.adapter.in.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** JSON request bodies. Missing fields arrive as null and are refused by the use cases with a clear code. */
public final class Requests {

    private Requests() {
    }

    public record RegisterRequest(String email, String password, String fullName, String phone) {
    }

    public record LoginRequest(String email, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record EmailRequest(String email) {
    }

    public record ResetPasswordRequest(String token, String newPassword) {
    }

    public record TokenRequest(String token) {
    }

    public record QuoteRequest(String planId, String imageId, String period, String couponCode) {
    }

    public record OrderRequest(String planId, String imageId, String period, String hostname, String couponCode,
                               List<String> sshKeys) {
    }

    public record PaymentStatusRequest(String decision, String reason) {
    }

    public record PlanRequest(String name, String sizeSlug, Integer vcpu, Integer memoryMb, Integer diskGb,
                              Integer transferTb, Boolean active, Integer sortOrder, Map<String, Long> prices,
                              Set<UUID> imageIds) {
    }

    public record ImageRequest(String name, String distribution, String providerSlug, String kind, Boolean active) {
    }

    public record CouponRequest(String code, String discountType, Long discountValue, Long maxDiscount,
                                Instant validFrom, Instant validUntil, Integer totalLimit, Integer perUserLimit,
                                Long minimumOrder, Set<UUID> planIds, Set<String> periods, Boolean active) {
    }

    public record PromoRequest(String planId, String period, String name, String discountType, Long discountValue,
                               Instant startsAt, Instant endsAt) {
    }
}
