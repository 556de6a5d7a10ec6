package id.webrana.cloud.application.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How invoices and payments behave, from configuration.
 *
 * @param taxBasisPoints      tax rate in hundredths of a percent (1100 = PPN 11 %); 0 turns tax off (default)
 * @param taxLabel            the tax line's label, e.g. "PPN 11%"
 * @param sellerName          printed on invoices
 * @param sellerDetails       address, tax id, contact lines printed under the seller's name
 * @param publicBaseUrl       the platform's public base URL (callback and return URLs are built from it)
 * @param depositMinimum      smallest wallet top-up in rupiah
 * @param depositMaximum      largest wallet top-up in rupiah
 * @param depositWindow       how long a top-up invoice stays payable
 * @param maxAttemptLifetime  the longest a gateway transaction is opened for (channels limit it)
 * @param reconcileAfter      an unpaid gateway transaction is first checked this long after it was opened
 * @param reconcileEvery      and then again at this interval until it is settled or expired
 * @param depositBonusPercent a promotion: this percentage of a paid top-up is added as a BONUS ledger entry
 *                            (rounded down; 0, the default, grants none)
 * @param depositBonusMinimum the smallest top-up that earns the bonus
 */
public record BillingSettings(int taxBasisPoints, String taxLabel, String sellerName, List<String> sellerDetails,
                              String publicBaseUrl, long depositMinimum, long depositMaximum, Duration depositWindow,
                              Duration maxAttemptLifetime, Duration reconcileAfter, Duration reconcileEvery,
                              int depositBonusPercent, long depositBonusMinimum) {

    public BillingSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        sellerDetails = List.copyOf(sellerDetails);
        if (taxBasisPoints < 0 || taxBasisPoints > 10_000) {
            throw new IllegalArgumentException("tax rate must be between 0 and 100 %");
        }
        if (depositBonusPercent < 0 || depositBonusPercent > 100 || depositBonusMinimum < 0) {
            throw new IllegalArgumentException("the deposit bonus must be 0..100 % with a minimum of at least 0");
        }
        if (depositMinimum < 1 || depositMaximum < depositMinimum) {
            throw new IllegalArgumentException("deposit limits must be positive and ordered");
        }
        while (publicBaseUrl.endsWith("/")) {
            publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }
    }

    /** Tax off, WeBrana as seller, Rp 10.000 – Rp 50.000.000 top-ups. */
    public static BillingSettings defaults(String publicBaseUrl) {
        return new BillingSettings(0, "PPN", "WeBrana Cloud",
                List.of("PT WeBrana Awan Nusantara", "Jl. Jend. Sudirman Kav. 52-53, Jakarta 12190",
                        "billing@webrana.id"),
                publicBaseUrl, 10_000, 50_000_000, Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofMinutes(1), Duration.ofMinutes(2), 0, 0);
    }

    public BillingSettings withTax(int basisPoints, String label) {
        return new BillingSettings(basisPoints, label, sellerName, sellerDetails, publicBaseUrl, depositMinimum,
                depositMaximum, depositWindow, maxAttemptLifetime, reconcileAfter, reconcileEvery, depositBonusPercent,
                depositBonusMinimum);
    }

    public BillingSettings withReconciliation(Duration after, Duration every) {
        return new BillingSettings(taxBasisPoints, taxLabel, sellerName, sellerDetails, publicBaseUrl, depositMinimum,
                depositMaximum, depositWindow, maxAttemptLifetime, after, every, depositBonusPercent, depositBonusMinimum);
    }

    /** A top-up promotion: {@code percent} % extra for top-ups of at least {@code minimum} rupiah. */
    public BillingSettings withDepositBonus(int percent, long minimum) {
        return new BillingSettings(taxBasisPoints, taxLabel, sellerName, sellerDetails, publicBaseUrl, depositMinimum,
                depositMaximum, depositWindow, maxAttemptLifetime, reconcileAfter, reconcileEvery, percent, minimum);
    }

    /** The bonus a paid top-up of {@code amount} earns (rounded down), 0 when none. */
    public long depositBonusFor(long amount) {
        if (depositBonusPercent == 0 || amount < depositBonusMinimum) {
            return 0;
        }
        return Math.multiplyExact(amount, (long) depositBonusPercent) / 100;
    }

    /** Where the gateway posts payment status changes. */
    public String callbackUrl() {
        return publicBaseUrl + "/internal/billing/webhooks/tripay";
    }

    /** The invoice's page in the portal (links in messages). */
    public String invoiceUrl(java.util.UUID invoiceId) {
        return publicBaseUrl + "/app/portal/invoice.xhtml?id=" + invoiceId;
    }

    /** Where the customer comes back after paying an invoice. */
    public String returnUrl(java.util.UUID invoiceId) {
        return publicBaseUrl + "/app/portal/invoice.xhtml?id=" + invoiceId + "&returned=1";
    }
}
