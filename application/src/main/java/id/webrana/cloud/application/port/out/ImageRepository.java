package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.catalog.VpsImage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores images. */
public interface ImageRepository {
    List<VpsImage> findAll(boolean activeOnly);

    Optional<VpsImage> findById(UUID id);

    void save(VpsImage image);
}
