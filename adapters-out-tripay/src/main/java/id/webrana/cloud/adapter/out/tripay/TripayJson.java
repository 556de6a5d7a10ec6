package id.webrana.cloud.adapter.out.tripay;

import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayTransaction;
import id.webrana.cloud.application.port.out.PaymentGateway.Instruction;
import id.webrana.cloud.application.port.out.PaymentGateway.PaymentCallback;
import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.domain.shared.Money;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lenient reading of Tripay's JSON with JSON-P, and its translation into the port's records (the anti-corruption
 * layer). Tripay's types wobble between endpoints and examples, so every reader accepts the forms seen in the
 * contract:
 * <ul>
 *   <li>amounts: a JSON number or a numeric string, whole rupiah ({@code 4250}, {@code "4250"}, {@code 4250.00});
 *       a fraction or a negative value is malformed;</li>
 *   <li>percentages: a number ({@code fee_customer.percent: 0.7}) or a string ({@code total_fee.percent: "0.70"});
 *   </li>
 *   <li>codes ({@code pay_code}): a string or a number, kept digit for digit (no exponent, no {@code .0});</li>
 *   <li>times ({@code expired_time}, {@code paid_at}): unix seconds as a number or a numeric string; null, blank or
 *       {@code 0} mean "none";</li>
 *   <li>flags ({@code active}, {@code is_closed_payment}): {@code true}/{@code false}, {@code 1}/{@code 0}, or those
 *       as strings;</li>
 *   <li>statuses: {@code UNPAID PAID EXPIRED FAILED REFUND}, case-insensitive;</li>
 *   <li>absent and {@code null} fields are the same; unknown fields are ignored.</li>
 * </ul>
 * Anything else throws {@link MalformedException}; callers turn it into UNAVAILABLE (an answer from Tripay) or
 * REJECTED (a callback body).
 */
final class TripayJson {

    private static final Logger LOG = Logger.getLogger(TripayJson.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private TripayJson() {
    }

    /** The JSON does not have the expected shape. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }

        MalformedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Tripay's standard answer {@code {"success": bool, "message": string, "data": ...}}.
     *
     * @param data the {@code data} member, or null when absent or {@code null}
     */
    record Envelope(boolean success, String message, JsonValue data) {
    }

    // ------------------------------------------------------------------ parsing

    static JsonValue parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedException("empty body");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedException("not JSON (" + e.getMessage() + ")", e);
        }
    }

    static JsonValue parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new MalformedException("empty body");
        }
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(raw))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedException("not JSON (" + e.getMessage() + ")", e);
        }
    }

    /** The envelope in {@code body}, or empty when the body is not JSON or not an object with a boolean success. */
    static Optional<Envelope> envelope(String body) {
        JsonValue value;
        try {
            value = parse(body);
        } catch (MalformedException e) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject object)) {
            return Optional.empty();
        }
        JsonValue success = object.get("success");
        if (success != JsonValue.TRUE && success != JsonValue.FALSE) {
            return Optional.empty();
        }
        String message;
        try {
            message = text(object, "message");
        } catch (MalformedException e) {
            message = null;
        }
        JsonValue data = object.get("data");
        return Optional.of(new Envelope(success == JsonValue.TRUE, message,
                data == null || data == JsonValue.NULL ? null : data));
    }

    // ------------------------------------------------------------------ mapping

    /**
     * {@code merchant/payment-channel} data: the active channels, with the customer's fee ({@code fee_customer}).
     * An active entry without a code or name is skipped (logged), so one bad entry does not hide the others.
     */
    static List<PaymentChannel> activeChannels(JsonValue data) {
        JsonArray array = array(data, "data");
        List<PaymentChannel> channels = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue entry = array.get(i);
            try {
                JsonObject channel = object(entry, "data[" + i + "]");
                if (!flag(channel, "active", false)) {
                    continue;
                }
                JsonObject feeCustomer = optionalObject(channel, "fee_customer");
                channels.add(new PaymentChannel(
                        requiredText(channel, "code"),
                        requiredText(channel, "name"),
                        text(channel, "group"),
                        "redirect".equalsIgnoreCase(text(channel, "type")),
                        feeCustomer == null ? Money.ZERO : money(feeCustomer, "flat"),
                        feeCustomer == null ? BigDecimal.ZERO : decimal(feeCustomer, "percent"),
                        money(channel, "minimum_fee"),
                        money(channel, "maximum_fee"),
                        money(channel, "minimum_amount"),
                        money(channel, "maximum_amount"),
                        text(channel, "icon_url")));
            } catch (MalformedException | IllegalArgumentException | NullPointerException e) {
                LOG.warning(() -> "skipping a Tripay payment channel that cannot be read: " + e.getMessage()
                        + " in " + abbreviate(String.valueOf(entry)));
            }
        }
        return List.copyOf(channels);
    }

    /** {@code merchant/fee-calculator} data. */
    static List<TripayFee> fees(JsonValue data) {
        JsonArray array = array(data, "data");
        List<TripayFee> fees = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject entry = object(array.get(i), "data[" + i + "]");
            JsonObject fee = optionalObject(entry, "fee");
            JsonObject total = optionalObject(entry, "total_fee");
            fees.add(new TripayFee(
                    requiredText(entry, "code"),
                    text(entry, "name"),
                    fee == null ? null : money(fee, "flat"),
                    fee == null ? null : decimal(fee, "percent"),
                    fee == null ? null : money(fee, "min"),
                    fee == null ? null : money(fee, "max"),
                    total == null ? null : money(total, "merchant"),
                    total == null ? null : money(total, "customer")));
        }
        return List.copyOf(fees);
    }

    /**
     * {@code transaction/create} or {@code transaction/detail} data.
     *
     * <p>The docs do not say whether {@code amount} includes a fee the customer pays. The order items always sum to
     * the invoice amount, so they decide: when {@code amount} equals their sum plus {@code fee_customer}, the invoice
     * amount is their sum; otherwise it is {@code amount}. The total is then invoice amount + customer fee.
     */
    static GatewayTransaction transaction(JsonValue data) {
        JsonObject o = object(data, "data");
        Money amount = requiredMoney(o, "amount");
        Money customerFee = orZero(money(o, "fee_customer"));
        Long itemsSum = itemsSum(o.get("order_items"));
        Money invoiceAmount = amount;
        if (itemsSum != null && !customerFee.isZero() && amount.rupiah() == itemsSum + customerFee.rupiah()) {
            invoiceAmount = Money.rupiah(itemsSum);
        }
        return new GatewayTransaction(
                requiredText(o, "reference"),
                text(o, "merchant_ref"),
                text(o, "payment_method"),
                text(o, "payment_name"),
                invoiceAmount,
                customerFee,
                invoiceAmount.plus(customerFee),
                nonBlank(text(o, "pay_code")),
                nonBlank(text(o, "pay_url")),
                nonBlank(text(o, "checkout_url")),
                nonBlank(text(o, "qr_string")),
                nonBlank(text(o, "qr_url")),
                status(o, "status"),
                epochSeconds(o, "expired_time"),
                epochSeconds(o, "paid_at"),
                instructions(o.get("instructions")));
    }

    /** The largest page {@code merchant/transactions} serves. */
    static final int MAX_PER_PAGE = 50;

    /**
     * {@code merchant/transactions} data: a list of transactions shaped like {@link #transaction} data (no
     * instructions; {@code pay_code} a number). The one whose {@code merchant_ref} is {@code merchantRef}, a paid one
     * first should there be several; empty when the list has none.
     */
    static Optional<GatewayTransaction> transactionWithMerchantRef(JsonValue data, String merchantRef) {
        GatewayTransaction found = null;
        for (JsonValue item : array(data, "data")) {
            if (!merchantRef.equals(text(object(item, "transaction"), "merchant_ref"))) {
                continue;
            }
            GatewayTransaction transaction = transaction(item);
            if (found == null || (found.status() != GatewayStatus.PAID && transaction.status() == GatewayStatus.PAID)) {
                found = transaction;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A callback body (contract §3). {@code reference}, {@code status} and {@code total_amount} are required. */
    static PaymentCallback callback(JsonValue body) {
        JsonObject o = object(body, "callback");
        String merchantRef = text(o, "merchant_ref");
        return new PaymentCallback(
                requiredText(o, "reference"),
                merchantRef,
                text(o, "payment_method_code"),
                text(o, "payment_method"),
                requiredMoney(o, "total_amount"),
                money(o, "fee_merchant"),
                money(o, "fee_customer"),
                money(o, "amount_received"),
                flag(o, "is_closed_payment", merchantRef != null),
                status(o, "status"),
                epochSeconds(o, "paid_at"),
                text(o, "note"));
    }

    // ------------------------------------------------------------------ lenient readers

    static JsonObject object(JsonValue value, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new MalformedException(what + " is not a JSON object");
    }

    private static JsonArray array(JsonValue value, String what) {
        if (value instanceof JsonArray array) {
            return array;
        }
        throw new MalformedException(what + " is not a JSON array");
    }

    private static JsonObject optionalObject(JsonObject o, String field) {
        JsonValue value = o.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return object(value, field);
    }

    /** A string, or a number rendered digit for digit; null when absent or null. */
    static String text(JsonObject o, String field) {
        JsonValue value = o.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.isIntegral() ? n.bigIntegerValue().toString() : n.bigDecimalValue().toPlainString();
        }
        throw new MalformedException(field + " is not a string");
    }

    private static String requiredText(JsonObject o, String field) {
        String text = text(o, field);
        if (text == null || text.isBlank()) {
            throw new MalformedException(field + " is missing");
        }
        return text;
    }

    private static String nonBlank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A number or numeric string; null when absent, null or blank. */
    static BigDecimal decimal(JsonObject o, String field) {
        JsonValue value = o.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (value instanceof JsonString s) {
            String raw = s.getString().strip();
            if (raw.isEmpty()) {
                return null;
            }
            if (raw.indexOf(',') >= 0 && raw.indexOf('.') < 0) {
                raw = raw.replace(',', '.'); // "0,70" as written in Indonesian
            }
            try {
                return new BigDecimal(raw);
            } catch (NumberFormatException e) {
                throw new MalformedException(field + " is not a number: " + abbreviate(raw));
            }
        }
        throw new MalformedException(field + " is not a number");
    }

    /** Whole rupiah from a number or numeric string; null when absent, null or blank. */
    static Money money(JsonObject o, String field) {
        Long rupiah = wholeNumber(o, field);
        if (rupiah == null) {
            return null;
        }
        if (rupiah < 0) {
            throw new MalformedException(field + " is negative: " + rupiah);
        }
        return Money.rupiah(rupiah);
    }

    private static Money requiredMoney(JsonObject o, String field) {
        Money money = money(o, field);
        if (money == null) {
            throw new MalformedException(field + " is missing");
        }
        return money;
    }

    private static Money orZero(Money money) {
        return money == null ? Money.ZERO : money;
    }

    private static Long wholeNumber(JsonObject o, String field) {
        BigDecimal value = decimal(o, field);
        if (value == null) {
            return null;
        }
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedException(field + " is not a whole number: " + value.toPlainString());
        }
    }

    /** Unix seconds from a number or numeric string; null when absent, null, blank or not positive. */
    static Instant epochSeconds(JsonObject o, String field) {
        Long seconds = wholeNumber(o, field);
        return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    /** true/false, 1/0, or those as strings; {@code fallback} when absent or null. */
    static boolean flag(JsonObject o, String field, boolean fallback) {
        JsonValue value = o.get(field);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        String raw = value instanceof JsonString s ? s.getString().strip().toLowerCase(Locale.ROOT)
                : value instanceof JsonNumber n ? n.toString() : "";
        return switch (raw) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new MalformedException(field + " is not a flag: " + abbreviate(value.toString()));
        };
    }

    private static GatewayStatus status(JsonObject o, String field) {
        String raw = requiredText(o, field).strip().toUpperCase(Locale.ROOT);
        try {
            return GatewayStatus.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw new MalformedException(field + " is not a known status: " + abbreviate(raw));
        }
    }

    /** Σ subtotal (or price × quantity) of the order items; null when there are none or one cannot be read. */
    private static Long itemsSum(JsonValue items) {
        if (!(items instanceof JsonArray array) || array.isEmpty()) {
            return null;
        }
        long sum = 0;
        try {
            for (JsonValue entry : array) {
                JsonObject item = object(entry, "order item");
                Long subtotal = wholeNumber(item, "subtotal");
                if (subtotal == null) {
                    Long price = wholeNumber(item, "price");
                    Long quantity = wholeNumber(item, "quantity");
                    if (price == null || quantity == null) {
                        return null;
                    }
                    subtotal = Math.multiplyExact(price, quantity);
                }
                sum = Math.addExact(sum, subtotal);
            }
        } catch (MalformedException | ArithmeticException e) {
            return null;
        }
        return sum;
    }

    /** Payment instructions; tolerant: whatever cannot be read is left out (they are only shown to people). */
    private static List<Instruction> instructions(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        List<Instruction> instructions = new ArrayList<>();
        for (JsonValue entry : array) {
            if (!(entry instanceof JsonObject o)) {
                continue;
            }
            List<String> steps = new ArrayList<>();
            if (o.get("steps") instanceof JsonArray stepArray) {
                for (JsonValue step : stepArray) {
                    if (step instanceof JsonString s) {
                        steps.add(s.getString());
                    }
                }
            }
            String title;
            try {
                title = text(o, "title");
            } catch (MalformedException e) {
                title = null;
            }
            instructions.add(new Instruction(title, steps));
        }
        return instructions;
    }

    static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
