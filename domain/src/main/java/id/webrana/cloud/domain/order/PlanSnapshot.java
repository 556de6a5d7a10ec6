package id.webrana.cloud.domain.order;

import id.webrana.cloud.domain.catalog.VpsPlan;

import java.util.UUID;

/** The plan as it was when ordered: later catalog edits do not change what was bought. */
public record PlanSnapshot(UUID planId, String name, String sizeSlug, int vcpu, int memoryMb, int diskGb,
                           int transferTb) {
    public static PlanSnapshot of(VpsPlan plan) {
        return new PlanSnapshot(plan.id(), plan.name(), plan.sizeSlug(), plan.vcpu(), plan.memoryMb(),
                plan.diskGb(), plan.transferTb());
    }
}
