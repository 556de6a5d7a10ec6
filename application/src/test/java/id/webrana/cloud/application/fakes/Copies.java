package id.webrana.cloud.application.fakes;

import id.webrana.cloud.domain.account.OneTimeToken;
import id.webrana.cloud.domain.account.RefreshToken;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.ServerCredential;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;

/** Deep copies of aggregates through their rebuild constructors, as a database round trip would make. */
final class Copies {

    private Copies() {
    }

    static User user(User u, long version) {
        return new User(u.id(), u.email(), u.passwordHash(), u.fullName(), u.phone(), u.roles(), u.isEmailVerified(),
                u.isEnabled(), u.createdAt(), u.sessionsValidAfter(), version);
    }

    static Order order(Order o, long version) {
        return new Order(o.id(), o.userId(), o.status(), o.plan(), o.image(), o.hostname(), o.region(), o.pricing(),
                o.sshKeys(), o.createdAt(), o.paymentDueAt(), o.paidAt(), o.instanceId(), o.failureCode(),
                o.failureMessage(), o.history(), version);
    }

    static ProvisioningTask task(ProvisioningTask t, long version) {
        return new ProvisioningTask(t.id(), t.orderId(), t.status(), t.providerServerId(), t.attempts(),
                t.nextAttemptAt(), t.deadline(), t.lastError(), t.createdAt(), t.updatedAt(), t.rootPassword(),
                t.agentToken(), version);
    }

    static Coupon coupon(Coupon c, long version) {
        return new Coupon(c.id(), c.code(), c.terms(), c.isActive(), c.redemptionCount(), version);
    }

    static VpsPlan plan(VpsPlan p, long version) {
        return new VpsPlan(p.id(), p.spec(), p.isActive(), p.sortOrder(), p.prices(), p.allowedImageIds(), version);
    }

    static VpsImage image(VpsImage i, long version) {
        return new VpsImage(i.id(), i.name(), i.distribution(), i.providerSlug(), i.kind(), i.isActive(), version);
    }

    static Instance instance(Instance i) {
        return new Instance(i.id(), i.orderId(), i.userId(), i.provider(), i.providerServerId(), i.hostname(),
                i.region(), i.sizeSlug(), i.imageSlug(), i.ipv4(), i.ipv6(), i.status(), i.providerCreatedAt(),
                i.createdAt(), i.expiresAt(), i.period(), i.renewalPrice(), i.autoRenew(), i.suspension(),
                i.suspendedAt(), i.terminatedAt(), i.statusReason(), i.nextLifecycleAt(), i.agentTokenHash(),
                i.agentTokenPendingHash(), i.agentTokenRotated(), i.version());
    }

    static InstanceAction action(InstanceAction a) {
        return new InstanceAction(a.id(), a.instanceId(), a.type(), a.status(), a.providerActionId(), a.requestedBy(),
                a.requestedAt(), a.completedAt(), a.error(), a.version());
    }

    static ServerCredential credential(ServerCredential c) {
        return new ServerCredential(c.id(), c.instanceId(), c.kind(), c.actionId(), c.secret(), c.createdAt(),
                c.revealedAt(), c.deliveredAt());
    }

    static RefreshToken refreshToken(RefreshToken t) {
        return new RefreshToken(t.id(), t.userId(), t.familyId(), t.tokenHash(), t.issuedAt(), t.expiresAt(),
                t.rotatedAt(), t.revokedAt());
    }

    static OneTimeToken oneTimeToken(OneTimeToken t) {
        return new OneTimeToken(t.id(), t.userId(), t.purpose(), t.tokenHash(), t.expiresAt(), t.usedAt());
    }
}
