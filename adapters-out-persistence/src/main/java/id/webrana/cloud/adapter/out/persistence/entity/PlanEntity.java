package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "vps_plans")
public class PlanEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(name = "size_slug", nullable = false)
    public String sizeSlug;
    public int vcpu;
    @Column(name = "memory_mb")
    public int memoryMb;
    @Column(name = "disk_gb")
    public int diskGb;
    @Column(name = "transfer_tb")
    public int transferTb;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "sort_order")
    public int sortOrder;
    /** Price in whole rupiah per billing period name. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_prices", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyColumn(name = "billing_period")
    @Column(name = "price_idr")
    public Map<String, Long> prices = new HashMap<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_images", joinColumns = @JoinColumn(name = "plan_id"))
    @Column(name = "image_id")
    public Set<UUID> imageIds = new HashSet<>();
    @Version
    public long version;
}
