package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
@Table(name = "vps_images")
public class ImageEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    public String distribution;
    @Column(name = "provider_slug", nullable = false)
    public String providerSlug;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public boolean active;
    @Version
    public long version;
}
