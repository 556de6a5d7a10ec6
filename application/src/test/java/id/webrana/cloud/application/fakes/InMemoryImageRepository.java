package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.ImageRepository;
import id.webrana.cloud.domain.catalog.VpsImage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class InMemoryImageRepository implements ImageRepository, TransactionalResource {

    private final InMemoryStore<VpsImage> table =
            new InMemoryStore<>("image", VpsImage::id, VpsImage::version, Copies::image);

    @Override
    public List<VpsImage> findAll(boolean activeOnly) {
        return table.all().filter(i -> !activeOnly || i.isActive()).toList();
    }

    @Override
    public Optional<VpsImage> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public void save(VpsImage image) {
        table.save(image);
    }

    @Override
    public Object snapshot() {
        return table.snapshot();
    }

    @Override
    public void restore(Object snapshot) {
        table.restore(snapshot);
    }
}
