package id.webrana.cloud.sandbox.digitalocean;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulator's fixed catalog of sizes, distribution images and regions, using real DigitalOcean slugs.
 * Every size and image is available in every region.
 */
public final class Catalog {

    /** The region a droplet lands in when the create request names none (the closest to Indonesia). */
    public static final String DEFAULT_REGION = "sgp1";

    private static final List<String> REGION_FEATURES = List.of(
            "backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer");

    private final List<SizeSpec> sizes;
    private final List<ImageSpec> images;
    private final List<RegionSpec> regions;

    /**
     * @param sizes the sizes
     * @param images the images
     * @param regions the regions, the first being the default
     */
    public Catalog(List<SizeSpec> sizes, List<ImageSpec> images, List<RegionSpec> regions) {
        this.sizes = List.copyOf(sizes);
        this.images = List.copyOf(images);
        this.regions = List.copyOf(regions);
    }

    /** @return the built-in catalog (prices as published by DigitalOcean for the Basic plans) */
    public static Catalog builtIn() {
        return new Catalog(
                List.of(
                        new SizeSpec("s-1vcpu-512mb-10gb", 512, 1, 10, 0.5, 4, 0.00595, "Basic"),
                        new SizeSpec("s-1vcpu-1gb", 1024, 1, 25, 1.0, 6, 0.00893, "Basic"),
                        new SizeSpec("s-1vcpu-2gb", 2048, 1, 50, 2.0, 12, 0.01786, "Basic"),
                        new SizeSpec("s-2vcpu-2gb", 2048, 2, 60, 3.0, 18, 0.02679, "Basic"),
                        new SizeSpec("s-2vcpu-4gb", 4096, 2, 80, 4.0, 24, 0.03571, "Basic"),
                        new SizeSpec("s-4vcpu-8gb", 8192, 4, 160, 5.0, 48, 0.07143, "Basic"),
                        new SizeSpec("s-8vcpu-16gb", 16384, 8, 320, 6.0, 96, 0.14286, "Basic")),
                List.of(
                        new ImageSpec(160912315, "24.04 (LTS) x64", "Ubuntu", "ubuntu-24-04-x64", 7, 0.82,
                                "Ubuntu 24.04 (LTS) x64", "2024-07-22T15:04:34Z"),
                        new ImageSpec(129211873, "22.04 (LTS) x64", "Ubuntu", "ubuntu-22-04-x64", 7, 0.75,
                                "Ubuntu 22.04 (LTS) x64", "2023-04-27T20:38:15Z"),
                        new ImageSpec(162420718, "12 x64", "Debian", "debian-12-x64", 10, 0.61,
                                "Debian 12 x64 (bookworm)", "2024-08-13T18:59:51Z"),
                        new ImageSpec(157887164, "9 x64", "Rocky Linux", "rockylinux-9-x64", 10, 0.92,
                                "Rocky Linux 9 x64", "2024-05-28T20:05:12Z")),
                List.of(
                        new RegionSpec("sgp1", "Singapore 1"),
                        new RegionSpec("nyc3", "New York 3"),
                        new RegionSpec("ams3", "Amsterdam 3"),
                        new RegionSpec("fra1", "Frankfurt 1"),
                        new RegionSpec("blr1", "Bangalore 1"),
                        new RegionSpec("syd1", "Sydney 1")));
    }

    /** @return all sizes, smallest first */
    public List<SizeSpec> sizes() {
        return sizes;
    }

    /** @return all distribution images */
    public List<ImageSpec> images() {
        return images;
    }

    /** @return all regions */
    public List<RegionSpec> regions() {
        return regions;
    }

    /** @return the slugs of all regions */
    public List<String> regionSlugs() {
        return regions.stream().map(RegionSpec::slug).toList();
    }

    /** @return the slugs of all sizes */
    public List<String> sizeSlugs() {
        return sizes.stream().map(SizeSpec::slug).toList();
    }

    /** @return the {@code features} every region advertises */
    public List<String> regionFeatures() {
        return REGION_FEATURES;
    }

    /**
     * @param slug a size slug
     * @return the size, if the catalog has it
     */
    public Optional<SizeSpec> size(String slug) {
        return sizes.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /**
     * @param slug an image slug
     * @return the image, if the catalog has it
     */
    public Optional<ImageSpec> image(String slug) {
        return images.stream().filter(i -> i.slug().equals(slug)).findFirst();
    }

    /**
     * @param id a numeric image id
     * @return the image, if the catalog has it
     */
    public Optional<ImageSpec> image(long id) {
        return images.stream().filter(i -> i.id() == id).findFirst();
    }

    /**
     * Resolves a region as the API does: an exact slug ({@code nyc3}) or a prefix meaning any data centre
     * of that city ({@code nyc}).
     *
     * @param slugOrPrefix a region slug or prefix
     * @return the region, if one matches
     */
    public Optional<RegionSpec> region(String slugOrPrefix) {
        String wanted = slugOrPrefix.toLowerCase(Locale.ROOT);
        return regions.stream().filter(r -> r.slug().equals(wanted)).findFirst()
                .or(() -> wanted.isEmpty() ? Optional.empty()
                        : regions.stream().filter(r -> r.slug().startsWith(wanted)).findFirst());
    }
}
