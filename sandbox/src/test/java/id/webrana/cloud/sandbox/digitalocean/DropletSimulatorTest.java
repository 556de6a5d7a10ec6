package id.webrana.cloud.sandbox.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DropletSimulatorTest {

    private TestClock clock;
    private DropletSimulator simulator;

    @BeforeEach
    void setUp() {
        clock = TestClock.at("2026-03-01T10:00:00Z");
        simulator = new DropletSimulator(clock, Catalog.builtIn(), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private CreatedDroplet createDroplet(String name, String... tags) {
        return simulator.create(CreateDropletRequest.of(name, "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64").withTags(tags));
    }

    private static void assertUnprocessable(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DigitalOceanException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.errorId()).isEqualTo("unprocessable_entity");
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Nested
    class Booting {

        @Test
        void a_created_droplet_is_answered_as_new_without_networks_and_with_a_create_action_in_progress() {
            CreatedDroplet created = createDroplet("web-01");

            assertThat(created.droplet().status()).isEqualTo("new");
            assertThat(created.droplet().v4()).isEmpty();
            assertThat(created.droplet().v6()).isEmpty();
            assertThat(created.droplet().createdAt()).isEqualTo(clock.instant());
            assertThat(created.droplet().size().slug()).isEqualTo("s-1vcpu-1gb");
            assertThat(created.droplet().image().slug()).isEqualTo("ubuntu-24-04-x64");
            assertThat(created.droplet().region().slug()).isEqualTo("sgp1");
            assertThat(created.action().type()).isEqualTo("create");
            assertThat(created.action().status()).isEqualTo("in-progress");
            assertThat(created.action().completedAt()).isNull();
            assertThat(created.action().resourceId()).isEqualTo(created.droplet().id());
        }

        @Test
        void the_droplet_stays_new_until_the_boot_delay_has_passed() {
            long id = createDroplet("web-01").droplet().id();

            clock.advanceSeconds(29);

            assertThat(simulator.get(id).status()).isEqualTo("new");
            assertThat(simulator.get(id).publicIpv4()).isEmpty();
        }

        @Test
        void after_the_boot_delay_the_droplet_is_active_with_a_public_and_private_ipv4_and_an_ipv6() {
            long id = createDroplet("web-01").droplet().id();

            clock.advanceSeconds(30);
            DropletView droplet = simulator.get(id);

            assertThat(droplet.status()).isEqualTo("active");
            assertThat(droplet.publicIpv4()).hasValueSatisfying(ip -> assertThat(ip).startsWith("203.0.113."));
            assertThat(droplet.privateIpv4()).hasValueSatisfying(ip -> assertThat(ip).startsWith("10."));
            assertThat(droplet.v4()).extracting(NetworkV4::type).containsExactlyInAnyOrder("public", "private");
            assertThat(droplet.v4()).filteredOn(n -> n.type().equals("private")).extracting(NetworkV4::gateway)
                    .containsExactly("nil");
            assertThat(droplet.v6()).singleElement().satisfies(v6 -> {
                assertThat(v6.type()).isEqualTo("public");
                assertThat(v6.netmask()).isEqualTo(64);
            });
        }

        @Test
        void the_create_action_completes_when_the_droplet_becomes_active() {
            CreatedDroplet created = createDroplet("web-01");

            assertThat(simulator.action(created.action().id()).status()).isEqualTo("in-progress");
            clock.advanceSeconds(30);

            ActionView action = simulator.action(created.action().id());
            assertThat(action.status()).isEqualTo("completed");
            assertThat(action.completedAt()).isEqualTo(clock.instant());
        }

        @Test
        void a_zero_boot_delay_makes_the_droplet_active_on_the_next_read_while_the_create_answer_still_says_new() {
            simulator.setBootDelay(Duration.ZERO);

            CreatedDroplet created = createDroplet("web-01");

            assertThat(created.droplet().status()).isEqualTo("new");
            assertThat(simulator.get(created.droplet().id()).status()).isEqualTo("active");
        }

        @Test
        void a_changed_boot_delay_applies_to_droplets_created_afterwards_only() {
            long early = createDroplet("early").droplet().id();
            simulator.setBootDelay(Duration.ofSeconds(120));
            long late = createDroplet("late").droplet().id();

            clock.advanceSeconds(30);

            assertThat(simulator.get(early).status()).isEqualTo("active");
            assertThat(simulator.get(late).status()).isEqualTo("new");
        }
    }

    @Nested
    class Addresses {

        @Test
        void every_droplet_gets_its_own_public_private_and_ipv6_address() {
            for (int i = 0; i < 300; i++) {
                createDroplet("web-" + i);
            }
            clock.advanceSeconds(30);

            List<DropletView> all = simulator.all();
            assertThat(all).hasSize(300);
            assertThat(all.stream().map(d -> d.publicIpv4().orElseThrow()).distinct()).hasSize(300);
            assertThat(all.stream().map(d -> d.privateIpv4().orElseThrow()).distinct()).hasSize(300);
            assertThat(all.stream().map(d -> d.v6().get(0).ipAddress()).distinct()).hasSize(300);
        }

        @Test
        void droplet_ids_are_unique_and_increasing() {
            long first = createDroplet("a1").droplet().id();
            long second = createDroplet("a2").droplet().id();

            assertThat(second).isGreaterThan(first);
        }

        @Test
        void the_address_of_a_deleted_droplet_is_not_handed_out_again_at_once() {
            long first = createDroplet("first").droplet().id();
            clock.advanceSeconds(30);
            String firstIp = simulator.get(first).publicIpv4().orElseThrow();

            simulator.delete(first);
            long second = createDroplet("second").droplet().id();
            clock.advanceSeconds(30);

            assertThat(simulator.get(second).publicIpv4()).isNotEqualTo(firstIp);
        }

        @Test
        void droplets_created_concurrently_still_get_unique_ids_and_addresses() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<CreatedDroplet>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String name = "c-" + i;
                    futures.add(pool.submit(() -> createDroplet(name)));
                }
                Set<Long> ids = new HashSet<>();
                for (Future<CreatedDroplet> f : futures) {
                    ids.add(f.get(10, TimeUnit.SECONDS).droplet().id());
                }
                assertThat(ids).hasSize(200);
            } finally {
                pool.shutdownNow();
            }
            clock.advanceSeconds(30);
            assertThat(simulator.all().stream().map(d -> d.publicIpv4().orElseThrow()).distinct()).hasSize(200);
        }
    }

    @Nested
    class Listing {

        @Test
        void listing_by_tag_returns_only_the_droplets_with_that_tag() {
            createDroplet("a1", "customer:1", "web");
            createDroplet("a2", "customer:2");
            createDroplet("a3", "customer:1");

            Page<DropletView> page = simulator.list("customer:1", null, null, null);

            assertThat(page.items()).extracting(DropletView::name).containsExactly("a1", "a3");
            assertThat(page.total()).isEqualTo(2);
        }

        @Test
        void listing_without_a_tag_returns_every_droplet_oldest_first() {
            createDroplet("a1");
            createDroplet("a2");

            assertThat(simulator.list(null, null, null, null).items()).extracting(DropletView::name)
                    .containsExactly("a1", "a2");
        }

        @Test
        void listing_by_name_returns_the_droplets_with_exactly_that_name() {
            createDroplet("web-1");
            createDroplet("web-10");

            assertThat(simulator.list(null, "web-1", null, null).items()).extracting(DropletView::name)
                    .containsExactly("web-1");
        }

        @Test
        void listing_pages_through_the_droplets_and_reports_the_total() {
            for (int i = 1; i <= 5; i++) {
                createDroplet("p" + i, "batch");
            }

            Page<DropletView> second = simulator.list("batch", null, 2, 2);
            Page<DropletView> beyond = simulator.list("batch", null, 4, 2);

            assertThat(second.items()).extracting(DropletView::name).containsExactly("p3", "p4");
            assertThat(second.total()).isEqualTo(5);
            assertThat(second.lastPage()).isEqualTo(3);
            assertThat(beyond.items()).isEmpty();
        }

        @Test
        void page_sizes_are_clamped_like_the_real_api() {
            assertThat(simulator.list(null, null, 0, 0).perPage()).isEqualTo(20);
            assertThat(simulator.list(null, null, 1, 1000).perPage()).isEqualTo(200);
        }

        @Test
        void duplicate_tags_are_kept_once() {
            DropletView droplet = createDroplet("dup", "web", "web").droplet();

            assertThat(droplet.tags()).containsExactly("web");
        }
    }

    @Nested
    class Deleting {

        @Test
        void a_deleted_droplet_is_gone() {
            long id = createDroplet("gone").droplet().id();

            simulator.delete(id);

            assertThat(simulator.find(id)).isEmpty();
            assertThatThrownBy(() -> simulator.get(id)).isInstanceOfSatisfying(DigitalOceanException.class,
                    e -> assertThat(e.status()).isEqualTo(404));
            assertThat(simulator.count()).isZero();
        }

        @Test
        void deleting_an_unknown_droplet_answers_not_found() {
            assertThatThrownBy(() -> simulator.delete(42)).isInstanceOfSatisfying(DigitalOceanException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.errorId()).isEqualTo("not_found");
                assertThat(e.getMessage()).isEqualTo("The resource you requested could not be found.");
            });
        }

        @Test
        void the_actions_of_a_deleted_droplet_stay_readable() {
            CreatedDroplet created = createDroplet("gone");

            simulator.delete(created.droplet().id());

            assertThat(simulator.action(created.action().id()).type()).isEqualTo("create");
        }

        @Test
        void deleting_by_tag_removes_only_the_tagged_droplets() {
            createDroplet("a1", "doomed");
            createDroplet("a2");
            createDroplet("a3", "doomed");

            assertThat(simulator.deleteTagged("doomed")).isEqualTo(2);
            assertThat(simulator.all()).extracting(DropletView::name).containsExactly("a2");
        }

        @Test
        void reset_drops_every_droplet_and_action() {
            CreatedDroplet created = createDroplet("a1");

            simulator.reset();

            assertThat(simulator.all()).isEmpty();
            assertThatThrownBy(() -> simulator.action(created.action().id())).isInstanceOf(DigitalOceanException.class);
            assertThat(createDroplet("a2").droplet().id()).isGreaterThan(created.droplet().id());
        }
    }

    @Nested
    class Actions {

        private long activeDroplet() {
            long id = createDroplet("web-01").droplet().id();
            clock.advanceSeconds(30);
            return id;
        }

        @Test
        void power_off_is_in_progress_during_the_action_delay_then_completed_and_the_droplet_is_off() {
            long id = activeDroplet();

            ActionView started = simulator.act(id, "power_off");
            assertThat(started.status()).isEqualTo("in-progress");
            assertThat(started.type()).isEqualTo("power_off");
            assertThat(started.resourceId()).isEqualTo(id);
            assertThat(started.region().slug()).isEqualTo("sgp1");

            clock.advanceSeconds(4);
            assertThat(simulator.action(started.id()).status()).isEqualTo("in-progress");
            assertThat(simulator.get(id).status()).isEqualTo("active");

            clock.advanceSeconds(1);
            assertThat(simulator.action(started.id()).status()).isEqualTo("completed");
            assertThat(simulator.action(started.id()).completedAt()).isEqualTo(clock.instant());
            assertThat(simulator.get(id).status()).isEqualTo("off");
        }

        @Test
        void shutdown_turns_the_droplet_off_and_power_on_brings_it_back() {
            long id = activeDroplet();

            simulator.act(id, "shutdown");
            clock.advanceSeconds(5);
            assertThat(simulator.get(id).status()).isEqualTo("off");

            simulator.act(id, "power_on");
            clock.advanceSeconds(5);
            assertThat(simulator.get(id).status()).isEqualTo("active");
        }

        @Test
        void reboot_power_cycle_and_password_reset_leave_an_active_droplet_active() {
            long id = activeDroplet();

            for (String type : List.of("reboot", "power_cycle", "password_reset")) {
                ActionView action = simulator.act(id, type);
                clock.advanceSeconds(5);
                assertThat(simulator.action(action.id()).status()).isEqualTo("completed");
                assertThat(simulator.get(id).status()).as(type).isEqualTo("active");
            }
        }

        @Test
        void power_off_on_a_droplet_already_off_is_accepted_and_completes_leaving_it_off() {
            long id = activeDroplet();
            simulator.act(id, "power_off");
            clock.advanceSeconds(5);

            ActionView again = simulator.act(id, "power_off");
            assertThat(again.status()).isEqualTo("in-progress");
            clock.advanceSeconds(5);

            assertThat(simulator.action(again.id()).status()).isEqualTo("completed");
            assertThat(simulator.get(id).status()).isEqualTo("off");
        }

        @Test
        void power_on_on_a_droplet_already_active_is_accepted_and_completes_leaving_it_active() {
            long id = activeDroplet();

            ActionView powerOn = simulator.act(id, "power_on");
            clock.advanceSeconds(5);

            assertThat(simulator.action(powerOn.id()).status()).isEqualTo("completed");
            assertThat(simulator.get(id).status()).isEqualTo("active");
        }

        @Test
        void a_snapshot_completes_after_the_action_delay_and_then_lists_its_id_on_the_droplet() {
            long id = activeDroplet();

            ActionView snapshot = simulator.act(id, "snapshot", "before upgrade");
            assertThat(snapshot.type()).isEqualTo("snapshot");
            assertThat(snapshot.status()).isEqualTo("in-progress");
            clock.advanceSeconds(4);
            assertThat(simulator.get(id).snapshotIds()).isEmpty();

            clock.advanceSeconds(1);
            assertThat(simulator.action(snapshot.id()).status()).isEqualTo("completed");
            assertThat(simulator.get(id).snapshotIds()).hasSize(1);
            assertThat(simulator.get(id).status()).isEqualTo("active");
        }

        @Test
        void each_snapshot_gets_its_own_id_and_snapshots_of_an_off_droplet_leave_it_off() {
            long id = activeDroplet();
            simulator.act(id, "power_off");
            clock.advanceSeconds(5);

            simulator.act(id, "snapshot", "first");
            clock.advanceSeconds(5);
            simulator.act(id, "snapshot", "second");
            clock.advanceSeconds(5);

            List<Long> ids = simulator.get(id).snapshotIds();
            assertThat(ids).hasSize(2).doesNotHaveDuplicates();
            assertThat(ids.get(1)).isGreaterThan(ids.get(0));
            assertThat(simulator.get(id).status()).isEqualTo("off");
        }

        @ParameterizedTest(name = "the name \"{0}\" is refused")
        @ValueSource(strings = {"", "  "})
        void a_snapshot_with_a_blank_name_is_refused(String name) {
            long id = activeDroplet();

            assertUnprocessable(() -> simulator.act(id, "snapshot", name), "name is required");
        }

        @Test
        void a_snapshot_without_a_name_is_refused_and_starts_nothing() {
            long id = activeDroplet();

            assertUnprocessable(() -> simulator.act(id, "snapshot"), "name is required");
            assertThat(simulator.actionsOf(id)).extracting(ActionView::type).containsExactly("create");
        }

        @Test
        void a_snapshot_is_refused_while_another_action_is_in_progress() {
            long id = activeDroplet();
            simulator.act(id, "shutdown");

            assertUnprocessable(() -> simulator.act(id, "snapshot", "nightly"), "pending event");
        }

        @Test
        void an_off_droplet_keeps_its_addresses() {
            long id = activeDroplet();
            String ip = simulator.get(id).publicIpv4().orElseThrow();

            simulator.act(id, "power_off");
            clock.advanceSeconds(5);

            assertThat(simulator.get(id).publicIpv4()).hasValue(ip);
        }

        @Test
        void an_action_is_refused_while_the_droplet_is_still_being_created() {
            long id = createDroplet("web-01").droplet().id();

            assertUnprocessable(() -> simulator.act(id, "reboot"), "pending event");
        }

        @Test
        void an_action_is_refused_while_another_one_is_in_progress() {
            long id = activeDroplet();
            simulator.act(id, "power_off");

            assertUnprocessable(() -> simulator.act(id, "power_on"), "pending event");
        }

        @Test
        void an_unknown_action_type_is_refused() {
            long id = activeDroplet();

            assertUnprocessable(() -> simulator.act(id, "explode"), "not a valid action type");
        }

        @Test
        void an_api_action_type_the_sandbox_does_not_simulate_is_refused() {
            long id = activeDroplet();

            assertUnprocessable(() -> simulator.act(id, "resize"), "not supported");
        }

        @Test
        void an_action_without_type_is_refused() {
            long id = activeDroplet();

            assertUnprocessable(() -> simulator.act(id, null), "type is required");
        }

        @Test
        void an_action_on_an_unknown_droplet_answers_not_found() {
            assertThatThrownBy(() -> simulator.act(7, "reboot")).isInstanceOfSatisfying(DigitalOceanException.class,
                    e -> assertThat(e.status()).isEqualTo(404));
        }

        @Test
        void a_droplets_actions_are_listed_newest_first() {
            long id = activeDroplet();
            simulator.act(id, "reboot");

            assertThat(simulator.actionsOf(id)).extracting(ActionView::type).containsExactly("reboot", "create");
        }

        @Test
        void action_ids_do_not_fit_in_a_32_bit_int_like_real_digitalocean_action_ids() {
            assertThat(createDroplet("web-01").action().id()).isGreaterThan(Integer.MAX_VALUE);
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest(name = "the name \"{0}\" is refused")
        @ValueSource(strings = {"bad name!", "web_01", "ends-with-", "trailing.", "ünïcode", "-", "a b"})
        void a_name_outside_the_api_pattern_is_refused(String name) {
            assertUnprocessable(() -> simulator.create(CreateDropletRequest.of(name, "sgp1", "s-1vcpu-1gb",
                    "ubuntu-24-04-x64")), "Name is invalid");
        }

        @ParameterizedTest(name = "the name \"{0}\" is accepted")
        @ValueSource(strings = {"a", "web-01", "example.com", "cust-42.webrana.id", "VPS1"})
        void a_name_matching_the_api_pattern_is_accepted(String name) {
            assertThat(simulator.create(CreateDropletRequest.of(name, "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64"))
                    .droplet().name()).isEqualTo(name);
        }

        @Test
        void a_name_longer_than_255_characters_is_refused() {
            assertUnprocessable(() -> simulator.create(CreateDropletRequest.of("a".repeat(256), "sgp1",
                    "s-1vcpu-1gb", "ubuntu-24-04-x64")), "Name is invalid");
        }

        @Test
        void a_missing_name_size_or_image_is_refused() {
            assertUnprocessable(() -> simulator.create(CreateDropletRequest.of(null, "sgp1", "s-1vcpu-1gb",
                    "debian-12-x64")), "name is required");
            assertUnprocessable(() -> simulator.create(CreateDropletRequest.of("web", "sgp1", null,
                    "debian-12-x64")), "size is required");
            assertUnprocessable(() -> simulator.create(CreateDropletRequest.of("web", "sgp1", "s-1vcpu-1gb",
                    null)), "image is required");
        }

        @Test
        void an_unknown_size_image_or_region_slug_is_refused() {
            assertUnprocessable(() -> simulator.create(CreateDropletRequest.of("web", "sgp1", "s-64vcpu-1tb",
                    "debian-12-x64")), "invalid size");
            assertUnprocessable(() -> simulator.create(CreateDropletRequest.of("web", "sgp1", "s-1vcpu-1gb",
                    "windows-11")), "invalid image");
            assertUnprocessable(() -> simulator.create(CreateDropletRequest.of("web", "mars1", "s-1vcpu-1gb",
                    "debian-12-x64")), "invalid region");
        }

        @Test
        void an_image_can_also_be_given_by_its_numeric_id() {
            ImageSpec debian = Catalog.builtIn().image("debian-12-x64").orElseThrow();
            CreateDropletRequest byId = new CreateDropletRequest("web", null, "sgp1", "s-1vcpu-1gb", null,
                    debian.id(), List.of(), false, false, false, null, null);

            assertThat(simulator.create(byId).droplet().image().slug()).isEqualTo("debian-12-x64");
        }

        @Test
        void a_missing_region_means_singapore_and_a_city_prefix_picks_a_data_centre_there() {
            assertThat(simulator.create(CreateDropletRequest.of("a1", null, "s-1vcpu-1gb", "debian-12-x64"))
                    .droplet().region().slug()).isEqualTo("sgp1");
            assertThat(simulator.create(CreateDropletRequest.of("a2", "nyc", "s-1vcpu-1gb", "debian-12-x64"))
                    .droplet().region().slug()).isEqualTo("nyc3");
        }

        @Test
        void the_multi_create_form_is_refused() {
            CreateDropletRequest multi = new CreateDropletRequest(null, List.of("a1", "a2"), "sgp1", "s-1vcpu-1gb",
                    "debian-12-x64", null, List.of(), false, false, false, null, null);

            assertUnprocessable(() -> simulator.create(multi), "names");
        }

        @Test
        void an_invalid_tag_is_refused() {
            assertUnprocessable(() -> createDroplet("web", "has space"), "Tag");
        }

        @Test
        void user_data_above_64_kib_is_refused() {
            CreateDropletRequest big = CreateDropletRequest.of("web", "sgp1", "s-1vcpu-1gb", "debian-12-x64")
                    .withUserData("#".repeat(64 * 1024 + 1));

            assertUnprocessable(() -> simulator.create(big), "64 KiB");
        }

        @Test
        void a_refused_request_creates_nothing() {
            try {
                simulator.create(CreateDropletRequest.of("bad name!", "sgp1", "s-1vcpu-1gb", "debian-12-x64"));
            } catch (DigitalOceanException expected) {
                // expected
            }

            assertThat(simulator.all()).isEmpty();
        }
    }

    @Test
    void a_droplet_reads_back_the_user_data_it_was_created_with_as_its_metadata_service_would_serve_it() {
        long withData = simulator.create(CreateDropletRequest.of("agent-1", "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64")
                .withUserData("#cloud-config\nruncmd: []\n")).droplet().id();
        long without = createDroplet("plain-1").droplet().id();

        assertThat(simulator.userData(withData)).contains("#cloud-config\nruncmd: []\n");
        assertThat(simulator.userData(without)).isEmpty();
        assertThatThrownBy(() -> simulator.userData(999)).isInstanceOf(DigitalOceanException.class);
    }
}
