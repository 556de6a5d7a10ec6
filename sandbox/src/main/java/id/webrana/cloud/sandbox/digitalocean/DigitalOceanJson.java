package id.webrana.cloud.sandbox.digitalocean;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Translates between the simulator's Java values and the DigitalOcean API's JSON (snake_case field names exactly as
 * in the official OpenAPI spec), and the sandbox control API's JSON (camelCase). Uses Jakarta JSON Processing only.
 */
public final class DigitalOceanJson {

    /** Field names of the control API's config object. */
    public static final Set<String> SETTINGS_FIELDS = Set.of("bootDelaySeconds", "actionDelaySeconds", "errorRate",
            "rateLimitBurst", "latencyMillis", "failCreateWithStatus");

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final Catalog catalog;

    /** @param catalog the catalog whose regions and sizes fill the {@code regions}/{@code sizes} arrays */
    public DigitalOceanJson(Catalog catalog) {
        this.catalog = catalog;
    }

    // ---------------------------------------------------------------- API answers

    /**
     * @param error an error
     * @return {@code {"id": ..., "message": ...}}
     */
    public static JsonObject error(DigitalOceanException error) {
        return JSON.createObjectBuilder().add("id", error.errorId()).add("message", error.getMessage()).build();
    }

    /**
     * @param key a field name, e.g. {@code droplet}
     * @param value its value
     * @return {@code {key: value}}
     */
    public static JsonObject wrap(String key, JsonObject value) {
        return JSON.createObjectBuilder().add(key, value).build();
    }

    /**
     * @param d a droplet
     * @return the {@code droplet} schema
     */
    public JsonObject droplet(DropletView d) {
        JsonArrayBuilder v4 = JSON.createArrayBuilder();
        d.v4().forEach(n -> v4.add(JSON.createObjectBuilder().add("ip_address", n.ipAddress())
                .add("netmask", n.netmask()).add("gateway", n.gateway()).add("type", n.type())));
        JsonArrayBuilder v6 = JSON.createArrayBuilder();
        d.v6().forEach(n -> v6.add(JSON.createObjectBuilder().add("ip_address", n.ipAddress())
                .add("netmask", n.netmask()).add("gateway", n.gateway()).add("type", n.type())));
        return JSON.createObjectBuilder()
                .add("id", d.id())
                .add("name", d.name())
                .add("memory", d.size().memory())
                .add("vcpus", d.size().vcpus())
                .add("disk", d.size().disk())
                .add("disk_info", diskInfo(d.size()))
                .add("locked", d.locked())
                .add("status", d.status())
                .addNull("kernel")
                .add("created_at", timestamp(d.createdAt()))
                .add("features", strings(d.features()))
                .add("backup_ids", JSON.createArrayBuilder())
                .addNull("next_backup_window")
                .add("snapshot_ids", longs(d.snapshotIds()))
                .add("image", image(d.image()))
                .add("volume_ids", JSON.createArrayBuilder())
                .add("size", size(d.size()))
                .add("size_slug", d.size().slug())
                .add("networks", JSON.createObjectBuilder().add("v4", v4).add("v6", v6))
                .add("region", region(d.region()))
                .add("tags", strings(d.tags()))
                .add("vpc_uuid", d.vpcUuid())
                .build();
    }

    /**
     * @param created a created droplet
     * @param actionHref the URL of its create action
     * @return the 202 answer of {@code POST /v2/droplets}
     */
    public JsonObject created(CreatedDroplet created, String actionHref) {
        return JSON.createObjectBuilder()
                .add("droplet", droplet(created.droplet()))
                .add("links", JSON.createObjectBuilder().add("actions", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("id", created.action().id()).add("rel", "create")
                                .add("href", actionHref))))
                .build();
    }

    /**
     * @param a an action
     * @return the {@code action} schema
     */
    public JsonObject action(ActionView a) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", a.id())
                .add("status", a.status())
                .add("type", a.type())
                .add("started_at", timestamp(a.startedAt()));
        if (a.completedAt() == null) {
            b.addNull("completed_at");
        } else {
            b.add("completed_at", timestamp(a.completedAt()));
        }
        return b.add("resource_id", a.resourceId())
                .add("resource_type", a.resourceType())
                .add("region", region(a.region()))
                .add("region_slug", a.region().slug())
                .build();
    }

    /**
     * @param s a size
     * @return the {@code size} schema
     */
    public JsonObject size(SizeSpec s) {
        return JSON.createObjectBuilder()
                .add("slug", s.slug())
                .add("memory", s.memory())
                .add("vcpus", s.vcpus())
                .add("disk", s.disk())
                .add("transfer", number(s.transfer()))
                .add("price_monthly", number(s.priceMonthly()))
                .add("price_hourly", number(s.priceHourly()))
                .add("regions", strings(catalog.regionSlugs()))
                .add("available", true)
                .add("description", s.description())
                .add("disk_info", diskInfo(s))
                .build();
    }

    /**
     * @param i an image
     * @return the {@code image} schema
     */
    public JsonObject image(ImageSpec i) {
        return JSON.createObjectBuilder()
                .add("id", i.id())
                .add("name", i.name())
                .add("distribution", i.distribution())
                .add("slug", i.slug())
                .add("public", true)
                .add("regions", strings(catalog.regionSlugs()))
                .add("created_at", i.createdAt())
                .add("type", "base")
                .add("min_disk_size", i.minDiskSize())
                .add("size_gigabytes", number(i.sizeGigabytes()))
                .add("description", i.description())
                .add("tags", JSON.createArrayBuilder())
                .add("status", "available")
                .add("error_message", "")
                .build();
    }

    /**
     * @param r a region
     * @return the {@code region} schema
     */
    public JsonObject region(RegionSpec r) {
        return JSON.createObjectBuilder()
                .add("name", r.name())
                .add("slug", r.slug())
                .add("features", strings(catalog.regionFeatures()))
                .add("available", true)
                .add("sizes", strings(catalog.sizeSlugs()))
                .build();
    }

    /** @return the answer of {@code GET /v2/account} */
    public JsonObject account() {
        return JSON.createObjectBuilder().add("account", JSON.createObjectBuilder()
                .add("droplet_limit", 1000)
                .add("floating_ip_limit", 5)
                .add("volume_limit", 100)
                .add("email", "sandbox@webrana.invalid")
                .add("name", "WeBrana Sandbox")
                .add("uuid", "5a4a5e6f7b5c4f0ea1d2c3b4a5968778")
                .add("email_verified", true)
                .add("status", "active")
                .add("status_message", "")
                .add("team", JSON.createObjectBuilder()
                        .add("uuid", "0b2d7c1e9f4a4b6c8d0e1f2a3b4c5d6e").add("name", "WeBrana Sandbox Team")))
                .build();
    }

    /**
     * A paged listing: {@code {key: [...], links: {pages: {...}}, meta: {total}}}.
     *
     * @param key the array's name, e.g. {@code droplets}
     * @param page the page
     * @param toJson how to render one item
     * @param baseHref the listing's URL without query, for {@code links.pages}
     * @param query other query parameters to keep in the page links (e.g. {@code tag_name}); nulls are skipped
     * @param <T> the item type
     * @return the answer
     */
    public <T> JsonObject listing(String key, Page<T> page, Function<T, JsonObject> toJson, String baseHref,
                                  Map<String, String> query) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.items().forEach(item -> items.add(toJson.apply(item)));
        return JSON.createObjectBuilder()
                .add(key, items)
                .add("links", links(page, baseHref, query))
                .add("meta", JSON.createObjectBuilder().add("total", page.total()))
                .build();
    }

    /**
     * @param page a page
     * @param baseHref the listing's URL without query
     * @param query other query parameters to keep (nulls skipped)
     * @return {@code {"pages": {first?, prev?, next?, last?}}}
     */
    public JsonObject links(Page<?> page, String baseHref, Map<String, String> query) {
        JsonObjectBuilder pages = JSON.createObjectBuilder();
        int last = page.lastPage();
        if (page.page() > 1) {
            pages.add("first", pageHref(baseHref, query, 1, page.perPage()));
            pages.add("prev", pageHref(baseHref, query, Math.min(page.page() - 1, last), page.perPage()));
        }
        if (page.page() < last) {
            pages.add("next", pageHref(baseHref, query, page.page() + 1, page.perPage()));
            pages.add("last", pageHref(baseHref, query, last, page.perPage()));
        }
        return JSON.createObjectBuilder().add("pages", pages).build();
    }

    // ---------------------------------------------------------------- API requests

    /**
     * @param body a request body; blank means {@code {}}
     * @return the JSON object
     * @throws DigitalOceanException 400 when the body is not a JSON object
     */
    public static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw DigitalOceanException.badRequest("The request body must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw DigitalOceanException.badRequest("The request body is not valid JSON.");
        }
    }

    /**
     * @param body the body of {@code POST /v2/droplets}
     * @return the request (not yet validated against the catalog)
     * @throws DigitalOceanException 400 for malformed JSON, 422 for fields of the wrong type
     */
    public static CreateDropletRequest parseCreate(String body) {
        JsonObject o = parseObject(body);
        Long imageId = null;
        String image = null;
        JsonValue imageValue = o.get("image");
        if (imageValue instanceof JsonString s) {
            image = s.getString();
        } else if (imageValue instanceof JsonNumber n && n.isIntegral()) {
            imageId = n.longValue();
        } else if (imageValue != null && imageValue != JsonValue.NULL) {
            throw DigitalOceanException.unprocessable("image must be a slug (string) or an id (integer).");
        }
        List<String> names = o.containsKey("names") && o.get("names") != JsonValue.NULL ? stringList(o, "names") : null;
        return new CreateDropletRequest(string(o, "name"), names, string(o, "region"), string(o, "size"), image,
                imageId, stringList(o, "tags"), bool(o, "ipv6"), bool(o, "backups"), bool(o, "monitoring"),
                string(o, "user_data"), string(o, "vpc_uuid"));
    }

    /**
     * @param body the body of {@code POST /v2/droplets/{id}/actions}
     * @return its {@code type} and {@code name} (the snapshot's), each {@code null} when absent
     * @throws DigitalOceanException 400 for malformed JSON, 422 when {@code type} or {@code name} is not a string
     */
    public static ActionRequest parseAction(String body) {
        JsonObject o = parseObject(body);
        return new ActionRequest(string(o, "type"), string(o, "name"));
    }

    /**
     * The fields of a droplet action request the sandbox reads.
     *
     * @param type e.g. {@code reboot} or {@code snapshot}
     * @param name the snapshot's name, for {@code snapshot}
     */
    public record ActionRequest(String type, String name) {
    }

    // ---------------------------------------------------------------- control API

    /**
     * @param s settings
     * @return the control API's config object
     */
    public static JsonObject settings(SandboxSettings s) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("bootDelaySeconds", s.bootDelaySeconds())
                .add("actionDelaySeconds", s.actionDelaySeconds())
                .add("errorRate", s.errorRate())
                .add("rateLimitBurst", s.rateLimitBurst())
                .add("latencyMillis", s.latencyMillis());
        if (s.failCreateWithStatus() == null) {
            b.addNull("failCreateWithStatus");
        } else {
            b.add("failCreateWithStatus", s.failCreateWithStatus());
        }
        return b.build();
    }

    /**
     * Applies a (partial) config object to the current settings: fields that are absent keep their value;
     * {@code failCreateWithStatus} {@code null} or {@code 0} switches that fault off.
     *
     * @param current the settings in force
     * @param body the body of {@code PUT /digitalocean/_control/config}
     * @return the merged settings
     * @throws DigitalOceanException 400 for malformed JSON, unknown fields, wrong types or values out of range
     */
    public static SandboxSettings mergeSettings(SandboxSettings current, String body) {
        JsonObject o = parseObject(body);
        for (String key : o.keySet()) {
            if (!SETTINGS_FIELDS.contains(key)) {
                throw DigitalOceanException.badRequest("Unknown config field '" + key + "'; known: "
                        + SETTINGS_FIELDS.stream().sorted().toList() + ".");
            }
        }
        Integer failCreate = current.failCreateWithStatus();
        if (o.containsKey("failCreateWithStatus")) {
            JsonValue v = o.get("failCreateWithStatus");
            if (v == JsonValue.NULL) {
                failCreate = null;
            } else {
                long status = controlLong(o, "failCreateWithStatus");
                failCreate = status == 0 ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, status));
            }
        }
        return new SandboxSettings(
                o.containsKey("bootDelaySeconds") ? controlLong(o, "bootDelaySeconds") : current.bootDelaySeconds(),
                o.containsKey("actionDelaySeconds") ? controlLong(o, "actionDelaySeconds") : current.actionDelaySeconds(),
                o.containsKey("errorRate") ? controlNumber(o, "errorRate").doubleValue() : current.errorRate(),
                o.containsKey("rateLimitBurst") ? (int) Math.min(Integer.MAX_VALUE, controlLong(o, "rateLimitBurst"))
                        : current.rateLimitBurst(),
                o.containsKey("latencyMillis") ? controlLong(o, "latencyMillis") : current.latencyMillis(),
                failCreate);
    }

    /**
     * @param droplets droplets
     * @return the control API's droplet dump: {@code {"droplets": [...], "total": n, "countsByTag": {tag: n}}}
     */
    public JsonObject controlDroplets(Collection<DropletView> droplets) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        Map<String, Integer> counts = new TreeMap<>();
        for (DropletView d : droplets) {
            items.add(droplet(d));
            d.tags().forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        JsonObjectBuilder byTag = JSON.createObjectBuilder();
        counts.forEach(byTag::add);
        return JSON.createObjectBuilder().add("droplets", items).add("total", droplets.size())
                .add("countsByTag", byTag).build();
    }

    /**
     * @param clock the simulation clock
     * @return {@code {"now": ISO-8601, "offsetSeconds": n}}
     */
    public static JsonObject clock(SandboxClock clock) {
        return JSON.createObjectBuilder().add("now", timestamp(clock.instant()))
                .add("offsetSeconds", clock.offset().toSeconds()).build();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * @param instant an instant
     * @return ISO-8601 UTC with second precision, e.g. {@code 2020-07-21T18:37:44Z}
     */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private JsonArray diskInfo(SizeSpec s) {
        return JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("type", "local")
                .add("size", JSON.createObjectBuilder().add("amount", s.disk()).add("unit", "gib"))).build();
    }

    private static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }

    private static JsonArrayBuilder longs(Collection<Long> values) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }

    private static BigDecimal number(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static String pageHref(String baseHref, Map<String, String> query, int page, int perPage) {
        StringBuilder sb = new StringBuilder(baseHref).append('?');
        query.forEach((k, v) -> {
            if (v != null) {
                sb.append(encode(k)).append('=').append(encode(v)).append('&');
            }
        });
        return sb.append("page=").append(page).append("&per_page=").append(perPage).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw DigitalOceanException.unprocessable(key + " must be a string.");
    }

    private static boolean bool(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        throw DigitalOceanException.unprocessable(key + " must be a boolean.");
    }

    private static List<String> stringList(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw DigitalOceanException.unprocessable(key + " must be an array of strings.");
        }
        List<String> result = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw DigitalOceanException.unprocessable(key + " must be an array of strings.");
            }
            result.add(s.getString());
        }
        return result;
    }

    private static BigDecimal controlNumber(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        throw DigitalOceanException.badRequest(key + " must be a number.");
    }

    private static long controlLong(JsonObject o, String key) {
        BigDecimal n = controlNumber(o, key);
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw DigitalOceanException.badRequest(key + " must be a whole number.");
        }
    }
}
