package id.webrana.cloud.domain.order;

import id.webrana.cloud.domain.catalog.VpsImage;

import java.util.UUID;

/** The image as it was when ordered. */
public record ImageSnapshot(UUID imageId, String name, String providerSlug) {
    public static ImageSnapshot of(VpsImage image) {
        return new ImageSnapshot(image.id(), image.name(), image.providerSlug());
    }
}
