package id.webrana.cloud.sandbox.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DigitalOceanJsonTest {

    /** The {@code required} list of the spec's {@code droplet} schema. */
    private static final List<String> REQUIRED_DROPLET_FIELDS = List.of("id", "name", "memory", "vcpus", "disk",
            "locked", "status", "created_at", "features", "backup_ids", "next_backup_window", "snapshot_ids", "image",
            "volume_ids", "size", "size_slug", "networks", "region", "tags");

    private final Catalog catalog = Catalog.builtIn();
    private final DigitalOceanJson json = new DigitalOceanJson(catalog);
    private TestClock clock;
    private DropletSimulator simulator;

    @BeforeEach
    void setUp() {
        clock = TestClock.at("2026-03-01T10:00:00.750Z");
        simulator = new DropletSimulator(clock, catalog, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private CreatedDroplet create() {
        return simulator.create(CreateDropletRequest.of("web-01", "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64")
                .withTags("customer:7"));
    }

    @Nested
    class Droplets {

        @Test
        void the_create_answer_has_the_droplet_as_new_with_empty_networks_and_a_create_action_link() {
            CreatedDroplet created = create();

            JsonObject answer = json.created(created, "http://localhost:9080/sandbox/digitalocean/v2/actions/1");

            JsonObject droplet = answer.getJsonObject("droplet");
            assertThat(droplet.keySet()).containsAll(REQUIRED_DROPLET_FIELDS);
            assertThat(droplet.getString("status")).isEqualTo("new");
            assertThat(droplet.getJsonObject("networks").getJsonArray("v4")).isEmpty();
            assertThat(droplet.getJsonObject("networks").getJsonArray("v6")).isEmpty();
            JsonObject link = answer.getJsonObject("links").getJsonArray("actions").getJsonObject(0);
            assertThat(link.getJsonNumber("id").longValue()).isEqualTo(created.action().id());
            assertThat(link.getString("rel")).isEqualTo("create");
            assertThat(link.getString("href")).endsWith("/v2/actions/1");
        }

        @Test
        void a_droplet_has_every_required_field_of_the_spec_with_the_right_json_types() {
            long id = create().droplet().id();
            clock.advanceSeconds(30);

            JsonObject d = json.droplet(simulator.get(id));

            assertThat(d.keySet()).containsAll(REQUIRED_DROPLET_FIELDS);
            assertThat(d.getJsonNumber("id").longValue()).isEqualTo(id);
            assertThat(d.getString("name")).isEqualTo("web-01");
            assertThat(d.getInt("memory")).isEqualTo(1024);
            assertThat(d.getInt("vcpus")).isEqualTo(1);
            assertThat(d.getInt("disk")).isEqualTo(25);
            assertThat(d.getBoolean("locked")).isFalse();
            assertThat(d.getString("status")).isEqualTo("active");
            assertThat(d.getString("created_at")).isEqualTo("2026-03-01T10:00:00Z");
            assertThat(d.get("next_backup_window")).isEqualTo(JsonValue.NULL);
            assertThat(d.getJsonArray("backup_ids")).isEmpty();
            assertThat(d.getJsonArray("snapshot_ids")).isEmpty();
            assertThat(d.getJsonArray("volume_ids")).isEmpty();
            assertThat(d.getString("size_slug")).isEqualTo("s-1vcpu-1gb");
            assertThat(d.getJsonArray("tags").getString(0)).isEqualTo("customer:7");
            assertThat(d.getJsonArray("features").getValuesAs(jakarta.json.JsonString::getString))
                    .contains("private_networking", "ipv6");
        }

        @Test
        void the_nested_image_size_and_region_objects_follow_the_spec() {
            JsonObject d = json.droplet(create().droplet());

            JsonObject image = d.getJsonObject("image");
            assertThat(image.keySet()).contains("id", "name", "distribution", "slug", "public", "regions", "type",
                    "created_at", "min_disk_size", "size_gigabytes", "status");
            assertThat(image.getString("slug")).isEqualTo("ubuntu-24-04-x64");
            assertThat(image.getString("distribution")).isEqualTo("Ubuntu");
            JsonObject size = d.getJsonObject("size");
            assertThat(size.keySet()).contains("slug", "memory", "vcpus", "disk", "transfer", "price_monthly",
                    "price_hourly", "regions", "available", "description");
            JsonObject region = d.getJsonObject("region");
            assertThat(region.keySet()).contains("name", "slug", "features", "available", "sizes");
            assertThat(region.getString("slug")).isEqualTo("sgp1");
        }

        @Test
        void the_networks_of_an_active_droplet_list_private_and_public_ipv4_and_public_ipv6() {
            long id = create().droplet().id();
            clock.advanceSeconds(30);

            JsonObject networks = json.droplet(simulator.get(id)).getJsonObject("networks");

            assertThat(networks.getJsonArray("v4")).hasSize(2);
            JsonObject publicV4 = networks.getJsonArray("v4").getValuesAs(JsonObject.class).stream()
                    .filter(n -> n.getString("type").equals("public")).findFirst().orElseThrow();
            assertThat(publicV4.keySet()).containsExactlyInAnyOrder("ip_address", "netmask", "gateway", "type");
            assertThat(publicV4.getString("gateway")).endsWith(".1");
            JsonObject v6 = networks.getJsonArray("v6").getJsonObject(0);
            assertThat(v6.getInt("netmask")).isEqualTo(64);
            assertThat(v6.getString("ip_address")).startsWith("2001:db8:");
        }

        @Test
        void prices_are_plain_json_numbers() {
            JsonObject size = json.size(catalog.size("s-1vcpu-1gb").orElseThrow());

            assertThat(size.get("price_monthly").toString()).isEqualTo("6");
            assertThat(size.get("price_hourly").toString()).isEqualTo("0.00893");
            assertThat(size.getJsonArray("regions")).hasSize(6);
        }
    }

    @Nested
    class Actions {

        @Test
        void an_action_in_progress_has_a_null_completed_at() {
            JsonObject a = json.action(create().action());

            assertThat(a.keySet()).containsExactly("id", "status", "type", "started_at", "completed_at",
                    "resource_id", "resource_type", "region", "region_slug");
            assertThat(a.getString("status")).isEqualTo("in-progress");
            assertThat(a.get("completed_at")).isEqualTo(JsonValue.NULL);
            assertThat(a.getString("resource_type")).isEqualTo("droplet");
            assertThat(a.getString("region_slug")).isEqualTo("sgp1");
        }

        @Test
        void a_completed_snapshot_appears_in_the_droplets_snapshot_ids_as_a_number() {
            long id = create().droplet().id();
            clock.advanceSeconds(30);
            simulator.act(id, "snapshot", "nightly");
            clock.advanceSeconds(5);

            JsonObject d = json.droplet(simulator.get(id));

            assertThat(d.getJsonArray("snapshot_ids")).hasSize(1);
            assertThat(d.getJsonArray("snapshot_ids").getJsonNumber(0).longValue())
                    .isEqualTo(simulator.get(id).snapshotIds().get(0));
        }

        @Test
        void a_completed_action_has_its_completion_time() {
            CreatedDroplet created = create();
            clock.advanceSeconds(30);

            JsonObject a = json.action(simulator.action(created.action().id()));

            assertThat(a.getString("status")).isEqualTo("completed");
            assertThat(a.getString("completed_at")).isEqualTo("2026-03-01T10:00:30Z");
        }
    }

    @Nested
    class Listings {

        private final Map<String, String> query = new LinkedHashMap<>();

        @Test
        void a_single_page_has_empty_page_links_and_the_total() {
            JsonObject answer = json.listing("sizes", Page.of(catalog.sizes(), null, null), json::size,
                    "http://h/v2/sizes", Map.of());

            assertThat(answer.getJsonArray("sizes")).hasSize(7);
            assertThat(answer.getJsonObject("links").getJsonObject("pages")).isEmpty();
            assertThat(answer.getJsonObject("meta").getInt("total")).isEqualTo(7);
        }

        @Test
        void a_middle_page_links_to_first_prev_next_and_last_keeping_the_filter() {
            query.put("tag_name", "customer:7");
            query.put("name", null);

            JsonObject pages = json.links(new Page<>(List.of(), 2, 2, 5), "http://h/v2/droplets", query)
                    .getJsonObject("pages");

            assertThat(pages.getString("first")).isEqualTo("http://h/v2/droplets?tag_name=customer%3A7&page=1&per_page=2");
            assertThat(pages.getString("prev")).endsWith("page=1&per_page=2");
            assertThat(pages.getString("next")).endsWith("page=3&per_page=2");
            assertThat(pages.getString("last")).endsWith("page=3&per_page=2");
        }

        @Test
        void the_first_page_links_only_forward() {
            JsonObject pages = json.links(new Page<>(List.of(), 1, 2, 5), "http://h/v2/droplets", query)
                    .getJsonObject("pages");

            assertThat(pages.keySet()).containsExactlyInAnyOrder("next", "last");
        }
    }

    @Nested
    class Requests {

        @Test
        void a_create_request_is_read_with_its_snake_case_fields() {
            CreateDropletRequest r = DigitalOceanJson.parseCreate("""
                    {"name":"web-01","region":"sgp1","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64",
                     "ssh_keys":[289794,"3b:16"],"backups":true,"ipv6":true,"monitoring":true,
                     "tags":["env:prod","web"],"user_data":"#cloud-config","vpc_uuid":"v-1"}""");

            assertThat(r.name()).isEqualTo("web-01");
            assertThat(r.region()).isEqualTo("sgp1");
            assertThat(r.size()).isEqualTo("s-1vcpu-1gb");
            assertThat(r.image()).isEqualTo("ubuntu-24-04-x64");
            assertThat(r.tags()).containsExactly("env:prod", "web");
            assertThat(r.backups()).isTrue();
            assertThat(r.ipv6()).isTrue();
            assertThat(r.monitoring()).isTrue();
            assertThat(r.userData()).isEqualTo("#cloud-config");
            assertThat(r.vpcUuid()).isEqualTo("v-1");
            assertThat(r.names()).isNull();
        }

        @Test
        void a_numeric_image_is_an_image_id_and_null_tags_mean_none() {
            CreateDropletRequest r = DigitalOceanJson.parseCreate(
                    "{\"name\":\"a\",\"size\":\"s-1vcpu-1gb\",\"image\":129211873,\"tags\":null}");

            assertThat(r.imageId()).isEqualTo(129211873L);
            assertThat(r.image()).isNull();
            assertThat(r.tags()).isEmpty();
        }

        @Test
        void fields_of_the_wrong_type_are_unprocessable() {
            assertThatThrownBy(() -> DigitalOceanJson.parseCreate("{\"name\":42}"))
                    .isInstanceOfSatisfying(DigitalOceanException.class, e -> assertThat(e.status()).isEqualTo(422));
            assertThatThrownBy(() -> DigitalOceanJson.parseCreate("{\"tags\":\"web\"}"))
                    .isInstanceOfSatisfying(DigitalOceanException.class, e -> assertThat(e.status()).isEqualTo(422));
            assertThatThrownBy(() -> DigitalOceanJson.parseCreate("{\"ipv6\":\"yes\"}"))
                    .isInstanceOfSatisfying(DigitalOceanException.class, e -> assertThat(e.status()).isEqualTo(422));
        }

        @Test
        void a_body_that_is_not_a_json_object_is_a_bad_request() {
            for (String body : List.of("{not json", "[1,2]", "\"text\"")) {
                assertThatThrownBy(() -> DigitalOceanJson.parseCreate(body)).as(body)
                        .isInstanceOfSatisfying(DigitalOceanException.class, e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.errorId()).isEqualTo("bad_request");
                        });
            }
        }

        @Test
        void the_action_type_and_snapshot_name_are_read_from_the_body() {
            assertThat(DigitalOceanJson.parseAction("{\"type\":\"reboot\"}"))
                    .isEqualTo(new DigitalOceanJson.ActionRequest("reboot", null));
            assertThat(DigitalOceanJson.parseAction("{\"type\":\"snapshot\",\"name\":\"nightly\"}"))
                    .isEqualTo(new DigitalOceanJson.ActionRequest("snapshot", "nightly"));
            assertThat(DigitalOceanJson.parseAction("")).isEqualTo(new DigitalOceanJson.ActionRequest(null, null));
        }

        @Test
        void a_snapshot_name_that_is_not_a_string_is_refused() {
            assertThatThrownBy(() -> DigitalOceanJson.parseAction("{\"type\":\"snapshot\",\"name\":7}"))
                    .isInstanceOfSatisfying(DigitalOceanException.class, e -> assertThat(e.status()).isEqualTo(422));
        }

        @Test
        void an_error_has_the_id_and_message_fields() {
            assertThat(DigitalOceanJson.error(DigitalOceanException.notFound()).toString())
                    .isEqualTo("{\"id\":\"not_found\",\"message\":\"The resource you requested could not be found.\"}");
        }
    }

    @Nested
    class Control_config {

        private final SandboxSettings current = SandboxSettings.defaults();

        @Test
        void the_config_object_has_the_six_camel_case_fields() {
            JsonObject o = DigitalOceanJson.settings(current);

            assertThat(o.keySet()).containsExactlyInAnyOrderElementsOf(DigitalOceanJson.SETTINGS_FIELDS);
            assertThat(o.getInt("bootDelaySeconds")).isEqualTo(30);
            assertThat(o.getInt("actionDelaySeconds")).isEqualTo(5);
            assertThat(o.get("failCreateWithStatus")).isEqualTo(JsonValue.NULL);
        }

        @Test
        void a_partial_update_changes_only_the_given_fields() {
            SandboxSettings merged = DigitalOceanJson.mergeSettings(current,
                    "{\"bootDelaySeconds\":1,\"errorRate\":0.25,\"failCreateWithStatus\":422}");

            assertThat(merged).isEqualTo(new SandboxSettings(1, 5, 0.25, 0, 0, 422));
        }

        @Test
        void null_or_zero_switches_fail_create_off() {
            SandboxSettings failing = new SandboxSettings(30, 5, 0, 0, 0, 500);

            assertThat(DigitalOceanJson.mergeSettings(failing, "{\"failCreateWithStatus\":null}")
                    .failCreateWithStatus()).isNull();
            assertThat(DigitalOceanJson.mergeSettings(failing, "{\"failCreateWithStatus\":0}")
                    .failCreateWithStatus()).isNull();
        }

        @Test
        void unknown_fields_wrong_types_and_values_out_of_range_are_bad_requests() {
            for (String body : List.of("{\"bootDelay\":1}", "{\"errorRate\":\"high\"}", "{\"errorRate\":2}",
                    "{\"latencyMillis\":1.5}", "{\"rateLimitBurst\":-1}")) {
                assertThatThrownBy(() -> DigitalOceanJson.mergeSettings(current, body)).as(body)
                        .isInstanceOfSatisfying(DigitalOceanException.class, e -> assertThat(e.status()).isEqualTo(400));
            }
        }

        @Test
        void the_droplet_dump_counts_droplets_per_tag() {
            simulator.create(CreateDropletRequest.of("a1", null, "s-1vcpu-1gb", "debian-12-x64").withTags("t1", "t2"));
            simulator.create(CreateDropletRequest.of("a2", null, "s-1vcpu-1gb", "debian-12-x64").withTags("t1"));

            JsonObject dump = json.controlDroplets(simulator.all());

            assertThat(dump.getInt("total")).isEqualTo(2);
            assertThat(dump.getJsonArray("droplets")).hasSize(2);
            assertThat(dump.getJsonObject("countsByTag").getInt("t1")).isEqualTo(2);
            assertThat(dump.getJsonObject("countsByTag").getInt("t2")).isEqualTo(1);
        }
    }
}
