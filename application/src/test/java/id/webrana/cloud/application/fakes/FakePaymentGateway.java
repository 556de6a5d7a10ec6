package id.webrana.cloud.application.fakes;

import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.application.port.out.PaymentGateway;
import id.webrana.cloud.application.port.out.PaymentGatewayException;
import id.webrana.cloud.domain.shared.Money;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway in memory: channels BRIVA (flat Rp 4.250) and QRIS (Rp 750 + 0.7 %), transactions whose
 * status a test sets, and callbacks signed with HMAC-SHA256 like the real one. A callback body is an
 * opaque token that maps to the callback it stands for (the wire format is the adapter's business).
 * Not part of the fake transactions: it is an external system.
 */
public final class FakePaymentGateway implements PaymentGateway {

    public static final String KEY = "fake-private-key";

    private final List<CreatePaymentRequest> created = new ArrayList<>();
    private final Map<String, GatewayTransaction> transactions = new LinkedHashMap<>();
    private final Map<String, PaymentCallback> bodies = new LinkedHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private int detailCalls;
    public boolean unavailable;
    /** When set, opening a transaction fails with this kind before anything is created (channels still answer). */
    public PaymentGatewayException.Kind failCreate;
    /** When true, the gateway opens the transaction but its answer is lost on the way back (a read timeout). */
    public boolean loseCreateAnswer;
    /**
     * When true, the gateway opens the transaction and then this process dies before it can handle the answer
     * (no exception the caller can catch as a gateway failure: the attempt keeps its provisional reference).
     */
    public boolean dieAfterCreate;
    /** When true, this process dies while sending the create call: the gateway never sees it. */
    public boolean dieBeforeCreate;
    /** When true, looking a transaction up by merchant reference fails as unavailable (other calls still answer). */
    public boolean lookupUnavailable;
    private int lookupCalls;

    @Override
    public String name() {
        return "TRIPAY";
    }

    @Override
    public List<PaymentChannel> channels() {
        requireAvailable();
        return List.of(
                new PaymentChannel("BRIVA", "BRI Virtual Account", "Virtual Account", false, Money.rupiah(4250),
                        BigDecimal.ZERO, null, null, Money.rupiah(10_000), Money.rupiah(10_000_000), null),
                new PaymentChannel("QRIS", "QRIS", "E-Wallet", false, Money.rupiah(750), new BigDecimal("0.70"),
                        null, null, Money.rupiah(1_000), Money.rupiah(5_000_000), null));
    }

    @Override
    public GatewayTransaction createTransaction(CreatePaymentRequest r) {
        requireAvailable();
        if (failCreate != null) {
            throw new PaymentGatewayException(failCreate, failCreate == PaymentGatewayException.Kind.REJECTED
                    ? "Merchant is not allowed to use this channel" : "read timed out");
        }
        if (dieBeforeCreate) {
            throw new ProcessDied();
        }
        created.add(r);
        PaymentChannel ch = channels().stream().filter(c -> c.code().equals(r.method())).findFirst().orElseThrow(
                () -> new PaymentGatewayException(PaymentGatewayException.Kind.REJECTED, "Invalid method"));
        Money fee = ch.customerFee(r.amount());
        String reference = "DEV-T" + String.format("%05d", sequence.incrementAndGet());
        GatewayTransaction t = new GatewayTransaction(reference, r.merchantRef(), r.method(), ch.name(), r.amount(),
                fee, r.amount().plus(fee), "8888" + sequence.get(), null, "https://checkout.test/" + reference,
                null, null, GatewayStatus.UNPAID, r.expiresAt(), null,
                List.of(new Instruction("ATM BRI", List.of("Masukkan kartu", "Pilih pembayaran"))));
        transactions.put(reference, t);
        if (loseCreateAnswer) {
            throw new PaymentGatewayException(PaymentGatewayException.Kind.UNAVAILABLE, "read timed out");
        }
        if (dieAfterCreate) {
            throw new ProcessDied();
        }
        return t;
    }

    @Override
    public GatewayTransaction transactionDetail(String reference) {
        requireAvailable();
        detailCalls++;
        GatewayTransaction t = transactions.get(reference);
        if (t == null) {
            throw new PaymentGatewayException(PaymentGatewayException.Kind.REJECTED, "Transaction not found");
        }
        return t;
    }

    @Override
    public Optional<GatewayTransaction> findByMerchantRef(String merchantRef) {
        requireAvailable();
        lookupCalls++;
        if (lookupUnavailable) {
            throw new PaymentGatewayException(PaymentGatewayException.Kind.UNAVAILABLE, "read timed out");
        }
        // like Tripay's transaction list: no instructions in the list items
        return transactions.values().stream().filter(t -> merchantRef.equals(t.merchantRef())).findFirst()
                .map(t -> new GatewayTransaction(t.reference(), t.merchantRef(), t.method(), t.methodName(), t.amount(),
                        t.customerFee(), t.totalAmount(), t.payCode(), t.payUrl(), t.checkoutUrl(), t.qrString(),
                        t.qrUrl(), t.status(), t.expiresAt(), t.paidAt(), List.of()));
    }

    /** Thrown by {@link #dieAfterCreate} and {@link #dieBeforeCreate}: stands for the process dying in a call. */
    public static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("the process died while opening a transaction");
        }
    }

    /** The gateway marks a transaction paid (no callback is sent: see {@link #callbackFor}). */
    public void settle(String reference, GatewayStatus status, Instant at) {
        GatewayTransaction t = transactions.get(reference);
        transactions.put(reference, new GatewayTransaction(t.reference(), t.merchantRef(), t.method(), t.methodName(),
                t.amount(), t.customerFee(), t.totalAmount(), t.payCode(), t.payUrl(), t.checkoutUrl(), t.qrString(),
                t.qrUrl(), status, t.expiresAt(), status == GatewayStatus.PAID ? at : null, t.instructions()));
    }

    /** The callback the gateway would send for a transaction's current status. */
    public PaymentCallback callbackFor(String reference) {
        GatewayTransaction t = transactions.get(reference);
        return new PaymentCallback(t.reference(), t.merchantRef(), t.method(), t.methodName(), t.totalAmount(),
                Money.ZERO, t.customerFee(), t.amount(), true, t.status(), t.paidAt(), null);
    }

    /** A callback body standing for {@code callback}. */
    public byte[] body(PaymentCallback callback) {
        String token = "callback-" + bodies.size() + "-" + callback.reference() + "-" + callback.status();
        bodies.put(token, callback);
        return token.getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean isAuthenticCallback(byte[] rawBody, String signatureHeader) {
        return signatureHeader != null && MessageDigest.isEqual(sign(rawBody).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public PaymentCallback parseCallback(byte[] rawBody) {
        PaymentCallback cb = bodies.get(new String(rawBody, StandardCharsets.UTF_8));
        if (cb == null) {
            throw new PaymentGatewayException(PaymentGatewayException.Kind.REJECTED, "not a callback");
        }
        return cb;
    }

    private void requireAvailable() {
        if (unavailable) {
            throw new PaymentGatewayException(PaymentGatewayException.Kind.UNAVAILABLE, "connection refused");
        }
    }

    public List<CreatePaymentRequest> created() {
        return List.copyOf(created);
    }

    /** The gateway's reference of the transaction opened for our {@code merchantRef}. */
    public String referenceFor(String merchantRef) {
        return transactions.values().stream().filter(t -> merchantRef.equals(t.merchantRef()))
                .map(GatewayTransaction::reference).findFirst()
                .orElseThrow(() -> new AssertionError("no transaction for " + merchantRef));
    }

    /** How many times a transaction was looked up by merchant reference. */
    public int lookupCalls() {
        return lookupCalls;
    }

    public int detailCalls() {
        return detailCalls;
    }
}
