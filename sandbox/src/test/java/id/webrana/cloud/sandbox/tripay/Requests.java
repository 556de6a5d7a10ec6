package id.webrana.cloud.sandbox.tripay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code transaction/create} requests for tests, signed with the given credentials unless told otherwise. */
public final class Requests {

    private final TripayCredentials credentials;
    private String method = "BRIVA";
    private String merchantRef = "VPS-2025-000123";
    private Long amount = 85_000L;
    private String customerName = "Budi Santoso";
    private String customerEmail = "budi@example.co.id";
    private String customerPhone = "081234567890";
    private List<OrderItem> items = new ArrayList<>(List.of(
            new OrderItem("s-1vcpu-1gb", "VPS 1 vCPU / 1 GB – 1 bulan", 85_000, 1, null, null)));
    private String callbackUrl;
    private String returnUrl = "https://webrana.id/app/invoices/123";
    private Long expiredTime;
    private String signature;

    private Requests(TripayCredentials credentials) {
        this.credentials = credentials;
    }

    /**
     * @param credentials the merchant's credentials (for the signature)
     * @param now the simulation time; the request expires 2 hours later
     * @return a valid BRIVA request for Rp 85.000
     */
    public static Requests valid(TripayCredentials credentials, Instant now) {
        Requests r = new Requests(credentials);
        r.expiredTime = now.getEpochSecond() + 7200;
        return r;
    }

    public Requests method(String value) {
        method = value;
        return this;
    }

    public Requests merchantRef(String value) {
        merchantRef = value;
        return this;
    }

    /** Sets the amount and a single item of that price. */
    public Requests amountAndItem(long value) {
        amount = value;
        items = new ArrayList<>(List.of(new OrderItem("sku-1", "VPS", value, 1, null, null)));
        return this;
    }

    /** Sets only the amount (the items stay). */
    public Requests amount(Long value) {
        amount = value;
        return this;
    }

    public Requests items(OrderItem... value) {
        items = new ArrayList<>(List.of(value));
        return this;
    }

    public Requests customerPhone(String value) {
        customerPhone = value;
        return this;
    }

    public Requests customerEmail(String value) {
        customerEmail = value;
        return this;
    }

    public Requests callbackUrl(String value) {
        callbackUrl = value;
        return this;
    }

    public Requests returnUrl(String value) {
        returnUrl = value;
        return this;
    }

    public Requests expiredTime(Long value) {
        expiredTime = value;
        return this;
    }

    /** Uses this signature instead of computing the right one. */
    public Requests signature(String value) {
        signature = value;
        return this;
    }

    /** @return the request */
    public CreateTransactionRequest build() {
        String sig = signature != null ? signature
                : amount == null ? "x" : TripaySignatures.transaction(credentials, merchantRef, amount);
        return new CreateTransactionRequest(method, merchantRef, amount, customerName, customerEmail, customerPhone,
                items, callbackUrl, returnUrl, expiredTime, sig);
    }

    /** @return the request as the JSON body a client would POST */
    public String json() {
        CreateTransactionRequest r = build();
        StringBuilder itemsJson = new StringBuilder("[");
        for (OrderItem i : r.orderItems()) {
            if (itemsJson.length() > 1) {
                itemsJson.append(',');
            }
            itemsJson.append("{\"sku\":").append(quote(i.sku())).append(",\"name\":").append(quote(i.name()))
                    .append(",\"price\":").append(i.price()).append(",\"quantity\":").append(i.quantity()).append('}');
        }
        itemsJson.append(']');
        return "{\"method\":" + quote(r.method()) + ",\"merchant_ref\":" + quote(r.merchantRef())
                + ",\"amount\":" + r.amount() + ",\"customer_name\":" + quote(r.customerName())
                + ",\"customer_email\":" + quote(r.customerEmail()) + ",\"customer_phone\":" + quote(r.customerPhone())
                + ",\"order_items\":" + itemsJson + ",\"callback_url\":" + quote(r.callbackUrl())
                + ",\"return_url\":" + quote(r.returnUrl()) + ",\"expired_time\":" + r.expiredTime()
                + ",\"signature\":" + quote(r.signature()) + "}";
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        PhpJson.string(out, s);
        return out.toString();
    }
}
