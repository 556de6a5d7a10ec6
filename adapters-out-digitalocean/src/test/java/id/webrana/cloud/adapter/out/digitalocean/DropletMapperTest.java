package id.webrana.cloud.adapter.out.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Droplet;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Image;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.NetworkV4;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.NetworkV6;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Networks;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Region;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Size;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.ServerStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The anti-corruption mapping from DigitalOcean's droplet to the port's {@link CloudServer}. */
class DropletMapperTest {

    private static final NetworkV4 PRIVATE = new NetworkV4("10.130.0.5", "255.255.240.0", "nil", "private");
    private static final NetworkV4 PUBLIC = new NetworkV4("159.89.200.17", "255.255.240.0", "159.89.192.1", "public");

    private static Droplet droplet(String status, Networks networks, Image image, String sizeSlug) {
        return new Droplet(3164444L, "vps-42", status, "2026-03-01T10:15:30Z", sizeSlug,
                new Size("s-2vcpu-2gb", 2048, 2, 60, null, null, null, List.of(), true, "Basic"),
                new Region("Singapore 1", "sgp1", List.of(), true, List.of()), image, networks,
                List.of("order-42", "webrana"), 1024, 1, 25, false);
    }

    private static Image slugImage() {
        return new Image(160232537L, "24.04 (LTS) x64", "Ubuntu", "ubuntu-24-04-x64", true, List.of(), "base", 7,
                "available", "", null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"new, NEW", "active, ACTIVE", "off, OFF", "archive, ARCHIVE", "ACTIVE, ACTIVE",
            "migrating, UNKNOWN", "'', UNKNOWN"})
    void digitalocean_statuses_map_to_server_statuses(String doStatus, ServerStatus expected) {
        assertThat(DropletMapper.status(doStatus)).isEqualTo(expected);
    }

    @Test
    void a_missing_status_is_unknown() {
        assertThat(DropletMapper.status(null)).isEqualTo(ServerStatus.UNKNOWN);
    }

    @Test
    void the_public_ipv4_is_the_public_item_even_after_a_private_one() {
        assertThat(DropletMapper.publicIpv4(new Networks(List.of(PRIVATE, PUBLIC), List.of())))
                .isEqualTo("159.89.200.17");
    }

    @Test
    void a_droplet_with_only_private_or_no_networks_has_no_public_ipv4() {
        assertThat(DropletMapper.publicIpv4(new Networks(List.of(PRIVATE), List.of()))).isNull();
        assertThat(DropletMapper.publicIpv4(new Networks(List.of(), List.of()))).isNull();
        assertThat(DropletMapper.publicIpv4(new Networks(null, null))).isNull();
        assertThat(DropletMapper.publicIpv4(null)).isNull();
    }

    @Test
    void the_public_ipv6_comes_from_the_v6_list() {
        Networks networks = new Networks(List.of(PUBLIC),
                List.of(new NetworkV6("2400:6180:0:d0::1b:2001", 64, "2400:6180:0:d0::1", "public")));

        assertThat(DropletMapper.publicIpv6(networks)).isEqualTo("2400:6180:0:d0::1b:2001");
    }

    @Test
    void an_active_droplet_with_a_public_address_maps_to_a_ready_server() {
        CloudServer server = DropletMapper.toCloudServer(droplet("active",
                new Networks(List.of(PRIVATE, PUBLIC), List.of()), slugImage(), "s-1vcpu-1gb"));

        assertThat(server.providerServerId()).isEqualTo("3164444");
        assertThat(server.name()).isEqualTo("vps-42");
        assertThat(server.status()).isEqualTo(ServerStatus.ACTIVE);
        assertThat(server.region()).isEqualTo("sgp1");
        assertThat(server.sizeSlug()).isEqualTo("s-1vcpu-1gb");
        assertThat(server.imageSlug()).isEqualTo("ubuntu-24-04-x64");
        assertThat(server.publicIpv4()).isEqualTo("159.89.200.17");
        assertThat(server.publicIpv6()).isNull();
        assertThat(server.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(server.tags()).containsExactly("order-42", "webrana");
        assertThat(server.isReady()).isTrue();
    }

    @Test
    void a_new_droplet_without_networks_is_not_ready() {
        CloudServer server = DropletMapper.toCloudServer(droplet("new", new Networks(List.of(), List.of()),
                slugImage(), "s-1vcpu-1gb"));

        assertThat(server.status()).isEqualTo(ServerStatus.NEW);
        assertThat(server.isReady()).isFalse();
    }

    @Test
    void a_snapshot_image_without_a_slug_is_named_by_its_id_and_the_size_falls_back_to_the_size_object() {
        Image snapshot = new Image(7555620L, "my-snapshot", "Ubuntu", null, false, List.of(), "snapshot", 25,
                "available", null, null);

        CloudServer server = DropletMapper.toCloudServer(droplet("off", null, snapshot, null));

        assertThat(server.imageSlug()).isEqualTo("7555620");
        assertThat(server.sizeSlug()).isEqualTo("s-2vcpu-2gb");
        assertThat(server.status()).isEqualTo(ServerStatus.OFF);
    }

    @Test
    void created_at_accepts_offsets_and_gives_null_when_unreadable() {
        assertThat(DropletMapper.createdAt("2026-03-01T17:15:30+07:00")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(DropletMapper.createdAt("yesterday")).isNull();
        assertThat(DropletMapper.createdAt(null)).isNull();
    }
}
