package id.webrana.cloud.sandbox.tripay;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The simulated merchant's payment channels: the common Indonesian ones, with the standard fees, amount limits and
 * expiry limits of Tripay's channel table. Fees are on the customer, except BCA VA, where the merchant bears them
 * (Tripay lets the merchant choose per channel; having both kinds exercises {@code fee_merchant} and
 * {@code fee_customer}).
 */
public final class Channels {

    private final List<ChannelSpec> all;

    /** @param all the channels, in display order */
    public Channels(List<ChannelSpec> all) {
        this.all = List.copyOf(all);
    }

    /** @return the built-in channel list */
    public static Channels builtIn() {
        return new Channels(List.of(
                va("BRIVA", "BRI Virtual Account", 4250, 60, 43_200, FeePayer.CUSTOMER, "26215", "BRI"),
                va("BNIVA", "BNI Virtual Account", 4250, 15, 1_440, FeePayer.CUSTOMER, "8277", "BNI"),
                va("MANDIRIVA", "Mandiri Virtual Account", 4250, 60, 43_200, FeePayer.CUSTOMER, "89022", "Mandiri"),
                va("BCAVA", "BCA Virtual Account", 5500, 15, 43_200, FeePayer.MERCHANT, "11173", "BCA"),
                va("PERMATAVA", "Permata Virtual Account", 4250, 60, 43_200, FeePayer.CUSTOMER, "8625", "Permata"),
                new ChannelSpec("QRIS", "QRIS", ChannelKind.QRIS, 750, new BigDecimal("0.70"), null, null,
                        1_000, 5_000_000, 10, 1_440, FeePayer.CUSTOMER, null, false, "QRIS"),
                store("ALFAMART", "Alfamart", 60, 1_440),
                store("INDOMARET", "Indomaret", 15, 43_200),
                wallet("OVO", "OVO", 15, 43_200, true),
                wallet("DANA", "DANA", 15, 60, false),
                wallet("SHOPEEPAY", "ShopeePay", 15, 60, false)));
    }

    private static ChannelSpec va(String code, String name, long fee, int minExpiry, int maxExpiry, FeePayer payer,
                                  String prefix, String bank) {
        return new ChannelSpec(code, name, ChannelKind.VIRTUAL_ACCOUNT, fee, BigDecimal.ZERO, null, null, 10_000,
                10_000_000, minExpiry, maxExpiry, payer, prefix, false, bank);
    }

    private static ChannelSpec store(String code, String name, int minExpiry, int maxExpiry) {
        return new ChannelSpec(code, name, ChannelKind.CONVENIENCE_STORE, 3500, BigDecimal.ZERO, null, null, 10_000,
                2_500_000, minExpiry, maxExpiry, FeePayer.CUSTOMER, "", false, name);
    }

    private static ChannelSpec wallet(String code, String name, int minExpiry, int maxExpiry, boolean phone) {
        return new ChannelSpec(code, name, ChannelKind.EWALLET, 0, new BigDecimal("3.00"), 1_000L, null, 1_000,
                10_000_000, minExpiry, maxExpiry, FeePayer.CUSTOMER, null, phone, name);
    }

    /** @return every channel */
    public List<ChannelSpec> all() {
        return all;
    }

    /**
     * @param code a channel code, exactly as Tripay spells it (upper case)
     * @return the channel, if there is one with that code
     */
    public Optional<ChannelSpec> find(String code) {
        return all.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
