package id.webrana.cloud.sandbox.tripay;

import id.webrana.cloud.sandbox.digitalocean.SandboxClock;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates between the simulator and JSON: Tripay's API answers (snake_case, field order and type quirks of the
 * official examples) and the sandbox control API (camelCase). Uses Jakarta JSON Processing only.
 *
 * <p>Type quirks reproduced on purpose, because real clients must cope with them:
 * <ul>
 *   <li>{@code total_fee.percent} and the fee calculator's {@code fee.percent} are strings ({@code "0.70"}), while
 *       {@code fee_merchant.percent} / {@code fee_customer.percent} are numbers;</li>
 *   <li>{@code pay_code} is a string; {@code paid_at} in {@code transaction/detail} is a string of unix seconds (the
 *       callback has it as an integer);</li>
 *   <li>{@code amount} of a transaction is what the customer pays, i.e. the requested amount plus
 *       {@code fee_customer} (as in Tripay's real answers), and {@code amount_received} is the requested amount minus
 *       {@code fee_merchant}.</li>
 * </ul>
 */
public final class TripayJson {

    /** Field names of the control API's config object. */
    public static final Set<String> SETTINGS_FIELDS = Set.of("latencyMillis", "errorRate", "callbackRetrySeconds",
            "dropCallbacks", "defaultCallbackUrl", "inactiveChannels");

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final Pattern FORM_ITEM = Pattern.compile("order_items\\[(\\d+)]\\[([a-z_]+)]");

    private TripayJson() {
    }

    // ---------------------------------------------------------------- envelopes

    /**
     * @param message the {@code message}
     * @param data the {@code data}
     * @return {@code {"success": true, "message": ..., "data": ...}}
     */
    public static JsonObject success(String message, JsonValue data) {
        return JSON.createObjectBuilder().add("success", true).add("message", message).add("data", data).build();
    }

    /**
     * @param message the {@code message}
     * @return {@code {"success": true, "message": ...}} (as {@code transaction/check-status} answers)
     */
    public static JsonObject success(String message) {
        return JSON.createObjectBuilder().add("success", true).add("message", message).build();
    }

    /**
     * @param message why
     * @return {@code {"success": false, "message": ...}}
     */
    public static JsonObject error(String message) {
        return JSON.createObjectBuilder().add("success", false).add("message", message).build();
    }

    // ---------------------------------------------------------------- API answers

    /**
     * @param c a channel
     * @param active whether it is switched on
     * @param urls the sandbox URLs (for {@code icon_url})
     * @return one item of {@code merchant/payment-channel}
     */
    public static JsonObject channel(ChannelSpec c, boolean active, TripayUrls urls) {
        boolean customer = c.feePayer() == FeePayer.CUSTOMER;
        return JSON.createObjectBuilder()
                .add("group", c.group())
                .add("code", c.code())
                .add("name", c.name())
                .add("type", c.type())
                .add("fee_merchant", feePart(customer ? 0 : c.flatFee(), customer ? BigDecimal.ZERO : c.percentFee()))
                .add("fee_customer", feePart(customer ? c.flatFee() : 0, customer ? c.percentFee() : BigDecimal.ZERO))
                .add("total_fee", JSON.createObjectBuilder().add("flat", c.flatFee())
                        .add("percent", percentText(c.percentFee())))
                .add("minimum_fee", nullable(c.minimumFee()))
                .add("maximum_fee", nullable(c.maximumFee()))
                .add("minimum_amount", c.minimumAmount())
                .add("maximum_amount", c.maximumAmount())
                .add("icon_url", urls.icon(c.code()))
                .add("active", active)
                .build();
    }

    /**
     * @param c a channel
     * @param amount the amount
     * @return one item of {@code merchant/fee-calculator}
     */
    public static JsonObject feeCalculation(ChannelSpec c, long amount) {
        Fees fees = c.fees(amount);
        return JSON.createObjectBuilder()
                .add("code", c.code())
                .add("name", c.name())
                .add("fee", JSON.createObjectBuilder().add("flat", c.flatFee())
                        .add("percent", percentText(c.percentFee()))
                        .add("min", nullable(c.minimumFee()))
                        .add("max", nullable(c.maximumFee())))
                .add("total_fee", JSON.createObjectBuilder().add("merchant", fees.merchant())
                        .add("customer", fees.customer()))
                .build();
    }

    /**
     * @param t a transaction
     * @param urls the sandbox URLs
     * @param detail {@code true} for {@code transaction/detail} (adds {@code paid_at}), {@code false} for
     *        {@code transaction/create}
     * @return the {@code data} object
     */
    public static JsonObject transaction(Transaction t, TripayUrls urls, boolean detail) {
        String checkout = urls.checkout(t.reference());
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("reference", t.reference())
                .add("merchant_ref", t.merchantRef())
                .add("payment_selection_type", "static")
                .add("payment_method", t.channel().code())
                .add("payment_name", t.channel().name())
                .add("customer_name", t.customerName())
                .add("customer_email", t.customerEmail())
                .add("customer_phone", nullable(t.customerPhone()))
                .add("callback_url", nullable(t.callbackUrl()))
                .add("return_url", nullable(t.returnUrl()))
                .add("amount", t.payableAmount())
                .add("fee_merchant", t.fees().merchant())
                .add("fee_customer", t.fees().customer())
                .add("total_fee", t.fees().total())
                .add("amount_received", t.amountReceived())
                .add("pay_code", nullable(t.payCode()))
                .add("pay_url", t.channel().redirect() ? Json.createValue(checkout) : JsonValue.NULL)
                .add("checkout_url", checkout)
                .add("status", t.status().name());
        if (detail) {
            b.add("paid_at", t.paidAt() == null ? JsonValue.NULL
                    : Json.createValue(Long.toString(t.paidAt().getEpochSecond())));
        }
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (OrderItem i : t.orderItems()) {
            items.add(JSON.createObjectBuilder()
                    .add("sku", nullable(i.sku()))
                    .add("name", i.name())
                    .add("price", i.price())
                    .add("quantity", i.quantity())
                    .add("subtotal", i.subtotal())
                    .add("product_url", nullable(i.productUrl()))
                    .add("image_url", nullable(i.imageUrl())));
        }
        JsonArrayBuilder instructions = JSON.createArrayBuilder();
        for (Instruction i : Instructions.of(t)) {
            JsonArrayBuilder steps = JSON.createArrayBuilder();
            i.steps().forEach(steps::add);
            instructions.add(JSON.createObjectBuilder().add("title", i.title()).add("steps", steps));
        }
        return b.add("expired_time", t.expiresAt().getEpochSecond())
                .add("order_items", items)
                .add("instructions", instructions)
                .add("qr_string", nullable(t.qrString()))
                .add("qr_url", t.qrString() == null ? JsonValue.NULL : Json.createValue(urls.qr(t.reference())))
                .build();
    }

    /**
     * @param page a page of {@code merchant/transactions}
     * @param urls the sandbox URLs
     * @return {@code {success: true, message: "Success", data: [transaction...], pagination: {...}}}; the items are
     *         transaction details without instructions and, as in Tripay's example, with a numeric {@code pay_code}
     *         when it is all digits
     */
    public static JsonObject transactionList(TransactionList.Page page, TripayUrls urls) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (Transaction t : page.items()) {
            JsonObjectBuilder item = JSON.createObjectBuilder(transaction(t, urls, true)).remove("instructions");
            if (t.payCode() != null && !t.payCode().isEmpty() && t.payCode().chars().allMatch(Character::isDigit)) {
                item.add("pay_code", Json.createValue(new java.math.BigInteger(t.payCode())));
            }
            data.add(item);
        }
        JsonObjectBuilder pagination = JSON.createObjectBuilder()
                .add("sort", page.sort())
                .add("offset", JSON.createObjectBuilder().add("from", page.from()).add("to", page.to()))
                .add("current_page", page.currentPage())
                .add("previous_page", page.currentPage() > 1 ? Json.createValue(page.currentPage() - 1) : JsonValue.NULL)
                .add("next_page", page.currentPage() < page.lastPage() ? Json.createValue(page.currentPage() + 1)
                        : JsonValue.NULL)
                .add("last_page", page.lastPage())
                .add("per_page", page.perPage())
                .add("total_records", page.totalRecords());
        return JSON.createObjectBuilder().add("success", true).add("message", "Success").add("data", data)
                .add("pagination", pagination).build();
    }

    // ---------------------------------------------------------------- requests

    /**
     * Reads a {@code transaction/create} body: JSON (what Tripay's Node/Go SDKs send) or
     * {@code application/x-www-form-urlencoded} with {@code order_items[0][name]} keys (what the PHP samples send).
     * Integers may come as JSON numbers or digit strings, as PHP would accept.
     *
     * @param body the raw body
     * @param contentType the request's content type, or {@code null} (then JSON)
     * @return the request, not validated
     * @throws TripayException a refusal for a malformed body or a field of the wrong type
     */
    public static CreateTransactionRequest parseCreate(String body, String contentType) {
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return parseCreateForm(body);
        }
        JsonObject o = parseObject(body, TripayException::refused);
        List<OrderItem> items = new ArrayList<>();
        JsonValue rawItems = o.get("order_items");
        if (rawItems != null && rawItems != JsonValue.NULL) {
            if (!(rawItems instanceof JsonArray array)) {
                throw TripayException.refused("The order_items must be an array.");
            }
            for (JsonValue v : array) {
                if (!(v instanceof JsonObject item)) {
                    throw TripayException.refused("Each of order_items must be an object.");
                }
                items.add(item(text(item, "sku"), text(item, "name"), integer(item, "price"),
                        integer(item, "quantity"), text(item, "product_url"), text(item, "image_url")));
            }
        }
        return new CreateTransactionRequest(text(o, "method"), text(o, "merchant_ref"), integer(o, "amount"),
                text(o, "customer_name"), text(o, "customer_email"), text(o, "customer_phone"), items,
                text(o, "callback_url"), text(o, "return_url"), integer(o, "expired_time"), text(o, "signature"));
    }

    private static CreateTransactionRequest parseCreateForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> itemFields = new TreeMap<>();
        for (String pair : (body == null ? "" : body).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            Matcher m = FORM_ITEM.matcher(key);
            if (m.matches()) {
                itemFields.computeIfAbsent(Integer.valueOf(m.group(1)), i -> new LinkedHashMap<>())
                        .put(m.group(2), value);
            } else {
                fields.put(key, value);
            }
        }
        List<OrderItem> items = new ArrayList<>();
        for (Map<String, String> f : itemFields.values()) {
            items.add(item(f.get("sku"), f.get("name"), formInteger(f.get("price"), "order_items.price"),
                    formInteger(f.get("quantity"), "order_items.quantity"), f.get("product_url"), f.get("image_url")));
        }
        return new CreateTransactionRequest(fields.get("method"), fields.get("merchant_ref"),
                formInteger(fields.get("amount"), "amount"), fields.get("customer_name"), fields.get("customer_email"),
                fields.get("customer_phone"), items, fields.get("callback_url"), fields.get("return_url"),
                formInteger(fields.get("expired_time"), "expired_time"), fields.get("signature"));
    }

    private static OrderItem item(String sku, String name, Long price, Long quantity, String productUrl,
                                  String imageUrl) {
        if (name == null || name.isBlank()) {
            throw TripayException.refused("The order_items.name field is required.");
        }
        if (price == null) {
            throw TripayException.refused("The order_items.price field is required.");
        }
        if (quantity == null) {
            throw TripayException.refused("The order_items.quantity field is required.");
        }
        return new OrderItem(sku, name, price, quantity, productUrl, imageUrl);
    }

    /**
     * @param body a request body
     * @param error makes the exception for a body that is not a JSON object
     * @return the object
     */
    static JsonObject parseObject(String body, java.util.function.Function<String, TripayException> error) {
        if (body == null || body.isBlank()) {
            throw error.apply("The request body must be a JSON object.");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject o) {
                return o;
            }
        } catch (RuntimeException e) {
            throw error.apply("The request body is not valid JSON.");
        }
        throw error.apply("The request body must be a JSON object.");
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        throw TripayException.refused("The " + key + " must be a string.");
    }

    private static Long integer(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw TripayException.refused("The " + key + " is too large.");
            }
        }
        if (v instanceof JsonString s) {
            return formInteger(s.getString(), key);
        }
        throw TripayException.refused("The " + key + " must be an integer.");
    }

    private static Long formInteger(String value, String key) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("-?\\d{1,18}")) {
            throw TripayException.refused("The " + key + " must be an integer.");
        }
        return Long.valueOf(value);
    }

    // ---------------------------------------------------------------- control API

    /**
     * @param s settings
     * @return the control API's config object
     */
    public static JsonObject settings(TripaySettings s) {
        JsonArrayBuilder inactive = JSON.createArrayBuilder();
        s.inactiveChannels().forEach(inactive::add);
        return JSON.createObjectBuilder()
                .add("latencyMillis", s.latencyMillis())
                .add("errorRate", BigDecimal.valueOf(s.errorRate()))
                .add("callbackRetrySeconds", s.callbackRetrySeconds())
                .add("dropCallbacks", s.dropCallbacks())
                .add("defaultCallbackUrl", nullable(s.defaultCallbackUrl()))
                .add("inactiveChannels", inactive)
                .build();
    }

    /**
     * Applies a partial config object: absent fields keep their value.
     *
     * @param current the settings in force
     * @param body the JSON object sent to {@code PUT config}
     * @param channels the known channels (for {@code inactiveChannels})
     * @return the merged settings
     * @throws TripayException 400 for unknown fields, wrong types or values out of range
     */
    public static TripaySettings mergeSettings(TripaySettings current, String body, Channels channels) {
        JsonObject o = parseObject(body, TripayException::badRequest);
        for (String key : o.keySet()) {
            if (!SETTINGS_FIELDS.contains(key)) {
                throw TripayException.badRequest("Unknown config field '" + key + "'; known: "
                        + new TreeSet<>(SETTINGS_FIELDS));
            }
        }
        long latency = o.containsKey("latencyMillis") ? controlLong(o, "latencyMillis") : current.latencyMillis();
        double errorRate = o.containsKey("errorRate") ? controlNumber(o, "errorRate").doubleValue()
                : current.errorRate();
        long retry = o.containsKey("callbackRetrySeconds") ? controlLong(o, "callbackRetrySeconds")
                : current.callbackRetrySeconds();
        boolean drop = current.dropCallbacks();
        if (o.containsKey("dropCallbacks")) {
            JsonValue v = o.get("dropCallbacks");
            if (v.getValueType() != JsonValue.ValueType.TRUE && v.getValueType() != JsonValue.ValueType.FALSE) {
                throw TripayException.badRequest("dropCallbacks must be true or false.");
            }
            drop = v.getValueType() == JsonValue.ValueType.TRUE;
        }
        String url = current.defaultCallbackUrl();
        if (o.containsKey("defaultCallbackUrl")) {
            JsonValue v = o.get("defaultCallbackUrl");
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                url = null;
            } else if (v instanceof JsonString s) {
                url = s.getString();
            } else {
                throw TripayException.badRequest("defaultCallbackUrl must be a string or null.");
            }
        }
        Set<String> inactive = current.inactiveChannels();
        if (o.containsKey("inactiveChannels")) {
            if (!(o.get("inactiveChannels") instanceof JsonArray array)) {
                throw TripayException.badRequest("inactiveChannels must be an array of channel codes.");
            }
            inactive = new HashSet<>();
            for (JsonValue v : array) {
                if (!(v instanceof JsonString s) || channels.find(s.getString()).isEmpty()) {
                    throw TripayException.badRequest("inactiveChannels: unknown channel code " + v + ".");
                }
                inactive.add(s.getString());
            }
        }
        return new TripaySettings(latency, errorRate, retry, drop, url, inactive);
    }

    /**
     * @param t a transaction
     * @param urls the sandbox URLs
     * @param deliveries its callbacks
     * @return {@code {transaction: <detail data>, callbacks: [...]}}
     */
    public static JsonObject controlTransaction(Transaction t, TripayUrls urls, List<CallbackDelivery> deliveries) {
        JsonArrayBuilder callbacks = JSON.createArrayBuilder();
        deliveries.forEach(d -> callbacks.add(delivery(d)));
        return JSON.createObjectBuilder()
                .add("transaction", transaction(t, urls, true))
                .add("callbacks", callbacks)
                .build();
    }

    /**
     * @param transactions transactions
     * @param urls the sandbox URLs
     * @return {@code {transactions: [<detail data>...], total}}
     */
    public static JsonObject controlTransactions(Collection<Transaction> transactions, TripayUrls urls) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        transactions.forEach(t -> list.add(transaction(t, urls, true)));
        return JSON.createObjectBuilder().add("transactions", list).add("total", transactions.size()).build();
    }

    /**
     * @param d a callback delivery
     * @return its control API view: {@code id, event, status, trigger, url, state, attempts, lastStatus, lastReply,
     *         lastError, signature, body, createdAt, log[]}
     */
    public static JsonObject delivery(CallbackDelivery d) {
        List<CallbackAttempt> attempts = d.attempts();
        CallbackAttempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        JsonArrayBuilder log = JSON.createArrayBuilder();
        for (CallbackAttempt a : attempts) {
            log.add(JSON.createObjectBuilder()
                    .add("attempt", a.number())
                    .add("at", timestamp(a.at()))
                    .add("httpStatus", a.httpStatus() == null ? JsonValue.NULL : Json.createValue(a.httpStatus()))
                    .add("reply", nullable(a.reply()))
                    .add("error", nullable(a.error()))
                    .add("acknowledged", a.acknowledged()));
        }
        return JSON.createObjectBuilder()
                .add("id", d.id())
                .add("event", CallbackDispatcher.EVENT)
                .add("status", d.status().name())
                .add("trigger", d.trigger().name())
                .add("url", nullable(d.url()))
                .add("state", d.state().name())
                .add("attempts", attempts.size())
                .add("lastStatus", last == null || last.httpStatus() == null ? JsonValue.NULL
                        : Json.createValue(last.httpStatus()))
                .add("lastReply", last == null ? JsonValue.NULL : nullable(last.reply()))
                .add("lastError", last == null ? JsonValue.NULL : nullable(last.error()))
                .add("signature", d.signature())
                .add("body", d.bodyText())
                .add("createdAt", timestamp(d.createdAt()))
                .add("log", log)
                .build();
    }

    /**
     * @param clock the simulation clock
     * @return {@code {now, offsetSeconds}}
     */
    public static JsonObject clock(SandboxClock clock) {
        return JSON.createObjectBuilder().add("now", timestamp(clock.instant()))
                .add("offsetSeconds", clock.offset().toSeconds()).build();
    }

    // ---------------------------------------------------------------- helpers

    private static JsonObjectBuilder feePart(long flat, BigDecimal percent) {
        return JSON.createObjectBuilder().add("flat", flat).add("percent", plainNumber(percent));
    }

    /** A number without trailing zeros and never in exponent form: 0.70 → 0.7, 3.00 → 3, 0 → 0. */
    private static BigDecimal plainNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    /** Two decimals as text: 0.7 → "0.70", 0 → "0.00". */
    private static String percentText(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static JsonValue nullable(Long value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static BigDecimal controlNumber(JsonObject o, String key) {
        if (!(o.get(key) instanceof JsonNumber n)) {
            throw TripayException.badRequest(key + " must be a number.");
        }
        return n.bigDecimalValue();
    }

    private static long controlLong(JsonObject o, String key) {
        BigDecimal n = controlNumber(o, key);
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw TripayException.badRequest(key + " must be a whole number.");
        }
    }
}
