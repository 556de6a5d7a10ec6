package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.OneTimeToken;
import id.webrana.cloud.domain.account.RefreshToken;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Every repository stores its aggregate and gives it back unchanged, on real PostgreSQL. */
class RepositoryRoundTripTest extends PostgresTest {

    private static String sha256Like(char c) {
        return String.valueOf(c).repeat(64);
    }

    private static String randomHash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    @Nested
    class DemoSeed {

        @Test
        void hasFivePlansWithThreePricesEachAndAllFourImages() {
            List<VpsPlan> plans = db.inTx(() -> db.plans.findAll(true)).stream()
                    .filter(p -> Fixtures.DEMO_PLANS.contains(p.id())).toList();

            assertThat(plans).extracting(VpsPlan::name).containsExactly("Basic 1 GB", "Basic 2 GB",
                    "Standard 2 vCPU", "Standard 4 GB", "Performance 8 GB");
            assertThat(plans).allSatisfy(p -> {
                assertThat(p.prices()).containsOnlyKeys(BillingPeriod.DAILY, BillingPeriod.MONTHLY, BillingPeriod.YEARLY);
                assertThat(p.allowedImageIds()).containsExactlyInAnyOrderElementsOf(Fixtures.DEMO_IMAGES);
                assertThat(p.isActive()).isTrue();
            });
            assertThat(plans.get(0).prices()).containsEntry(BillingPeriod.MONTHLY, Money.rupiah(90_000))
                    .containsEntry(BillingPeriod.DAILY, Money.rupiah(3_000))
                    .containsEntry(BillingPeriod.YEARLY, Money.rupiah(900_000));
            assertThat(plans.get(0).sizeSlug()).isEqualTo("s-1vcpu-1gb");
            assertThat(db.count("SELECT COUNT(*) FROM plan_prices WHERE CAST(plan_id AS TEXT) LIKE '22222222-%'"))
                    .isEqualTo(15);

            List<VpsImage> images = db.inTx(() -> db.images.findAll(true)).stream()
                    .filter(i -> Fixtures.DEMO_IMAGES.contains(i.id())).toList();
            assertThat(images).extracting(VpsImage::providerSlug).containsExactlyInAnyOrder(
                    "ubuntu-24-04-x64", "ubuntu-22-04-x64", "debian-12-x64", "rockylinux-9-x64");
        }

        @Test
        void hasTheCouponsHemat10AndWelcome25k() {
            Coupon hemat = db.inTx(() -> db.coupons.findByCode("HEMAT10")).orElseThrow();
            Coupon.Terms t = hemat.terms();
            assertThat(t.discount()).isEqualTo(Discount.percent(10));
            assertThat(t.maxDiscount()).isEqualTo(Money.rupiah(50_000));
            assertThat(t.totalLimit()).isEqualTo(1000);
            assertThat(t.perUserLimit()).isEqualTo(3);
            assertThat(t.allowedPeriods()).containsExactlyInAnyOrder(BillingPeriod.MONTHLY, BillingPeriod.YEARLY);
            assertThat(t.allowedPlanIds()).isEmpty();
            assertThat(t.validFrom()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(t.validUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
            assertThat(hemat.isActive()).isTrue();

            Coupon welcome = db.inTx(() -> db.coupons.findByCode("WELCOME25K")).orElseThrow();
            assertThat(welcome.terms().discount()).isEqualTo(Discount.fixed(25_000));
            assertThat(welcome.terms().minimumOrder()).isEqualTo(Money.rupiah(100_000));
            assertThat(welcome.terms().perUserLimit()).isEqualTo(1);
            assertThat(welcome.terms().totalLimit()).isNull();
            assertThat(welcome.terms().allowedPeriods()).isEmpty();

            assertThat(db.inTx(() -> db.coupons.findAll())).extracting(Coupon::code)
                    .contains("HEMAT10", "WELCOME25K", "MERDEKA2025", "LIMIT1");
        }

        @Test
        void hasTheYearlyPromoOnStandard2vcpu() {
            assertThat(db.inTx(() -> db.promos.findAll())).anySatisfy(p -> {
                assertThat(p.planId()).isEqualTo(Fixtures.PLAN_STANDARD_2VCPU);
                assertThat(p.period()).isEqualTo(BillingPeriod.YEARLY);
                assertThat(p.discount()).isEqualTo(Discount.percent(15));
                assertThat(p.name()).isEqualTo("Promo Tahunan 15%");
            });
        }
    }

    @Nested
    class Users {

        @Test
        void aUserComesBackWithRolesPhoneAndFlags() {
            User user = new User(UUID.randomUUID(), new EmailAddress(Fixtures.uniqueEmail("Admin")), "$2a$12$abc",
                    "Siti Admin", "0812 3456 7890", EnumSet.of(Role.ADMIN, Role.SUPER_ADMIN, Role.CUSTOMER), true,
                    true, T0, 0);
            db.inTx(() -> db.users.save(user));

            User byId = db.inTx(() -> db.users.findById(user.id())).orElseThrow();
            User byEmail = db.inTx(() -> db.users.findByEmail(user.email())).orElseThrow();

            for (User u : List.of(byId, byEmail)) {
                assertThat(u.id()).isEqualTo(user.id());
                assertThat(u.email()).isEqualTo(user.email());
                assertThat(u.passwordHash()).isEqualTo("$2a$12$abc");
                assertThat(u.fullName()).isEqualTo("Siti Admin");
                assertThat(u.phone()).isEqualTo("081234567890");
                assertThat(u.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.SUPER_ADMIN, Role.CUSTOMER);
                assertThat(u.isEmailVerified()).isTrue();
                assertThat(u.isEnabled()).isTrue();
                assertThat(u.createdAt()).isEqualTo(T0);
            }
        }

        @Test
        void anUpdateIsStoredAndBumpsTheVersion() {
            User user = Fixtures.newUser("Budi");
            db.inTx(() -> db.users.save(user));
            long inserted = db.inTx(() -> db.users.findById(user.id())).orElseThrow().version();

            db.inTx(() -> {
                User u = db.users.findById(user.id()).orElseThrow();
                u.verifyEmail();
                u.grant(Role.RESELLER);
                u.changePasswordHash("$2a$12$new");
                u.disable();
                db.users.save(u);
            });

            User reloaded = db.inTx(() -> db.users.findById(user.id())).orElseThrow();
            assertThat(reloaded.isEmailVerified()).isTrue();
            assertThat(reloaded.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.RESELLER);
            assertThat(reloaded.passwordHash()).isEqualTo("$2a$12$new");
            assertThat(reloaded.isEnabled()).isFalse();
            assertThat(reloaded.version()).isEqualTo(inserted + 1);
        }

        @Test
        void anUnknownEmailOrIdFindsNothing() {
            assertThat(db.inTx(() -> db.users.findByEmail(new EmailAddress("nobody@example.com")))).isEmpty();
            assertThat(db.inTx(() -> db.users.findById(UUID.randomUUID()))).isEmpty();
        }
    }

    @Nested
    class RefreshTokens {

        @Test
        void aTokenComesBackByItsHashWithRotationAndRevocation() {
            User user = Fixtures.newUser("rt");
            UUID family = UUID.randomUUID();
            RefreshToken token = RefreshToken.issue(user.id(), family, sha256Like('a'), T0, T0.plus(Duration.ofDays(7)));
            db.inTx(() -> {
                db.users.save(user);
                db.refreshTokens.save(token);
            });

            RefreshToken found = db.inTx(() -> db.refreshTokens.findByHashForUpdate(sha256Like('a'))).orElseThrow();
            assertThat(found.id()).isEqualTo(token.id());
            assertThat(found.userId()).isEqualTo(user.id());
            assertThat(found.familyId()).isEqualTo(family);
            assertThat(found.issuedAt()).isEqualTo(T0);
            assertThat(found.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
            assertThat(found.isSpent()).isFalse();

            db.inTx(() -> {
                RefreshToken t = db.refreshTokens.findByHashForUpdate(sha256Like('a')).orElseThrow();
                t.markRotated(T0.plusSeconds(60));
                db.refreshTokens.save(t);
            });
            RefreshToken rotated = db.inTx(() -> db.refreshTokens.findByHashForUpdate(sha256Like('a'))).orElseThrow();
            assertThat(rotated.rotatedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(rotated.revokedAt()).isNull();
            assertThat(rotated.isSpent()).isTrue();
            assertThat(db.inTx(() -> db.refreshTokens.findByHashForUpdate(sha256Like('b')))).isEmpty();
        }

        @Test
        void revokingAFamilyRevokesAllItsLiveTokensAndNothingElse() {
            User user = Fixtures.newUser("fam");
            UUID family = UUID.randomUUID();
            UUID otherFamily = UUID.randomUUID();
            Instant earlier = T0.minusSeconds(3600);
            RefreshToken first = RefreshToken.issue(user.id(), family, randomHash(), T0, T0.plus(Duration.ofDays(7)));
            first.markRotated(T0.plusSeconds(1));
            RefreshToken alreadyRevoked = new RefreshToken(UUID.randomUUID(), user.id(), family, randomHash(), T0,
                    T0.plus(Duration.ofDays(7)), null, earlier);
            RefreshToken current = RefreshToken.issue(user.id(), family, randomHash(), T0, T0.plus(Duration.ofDays(7)));
            RefreshToken otherSession = RefreshToken.issue(user.id(), otherFamily, randomHash(), T0,
                    T0.plus(Duration.ofDays(7)));
            db.inTx(() -> {
                db.users.save(user);
                List.of(first, alreadyRevoked, current, otherSession).forEach(db.refreshTokens::save);
            });

            Instant now = T0.plusSeconds(120);
            db.inTx(() -> db.refreshTokens.revokeFamily(family, now));

            assertThat(revokedAt(first)).isEqualTo(now);
            assertThat(revokedAt(current)).isEqualTo(now);
            assertThat(revokedAt(alreadyRevoked)).as("an earlier revocation is kept").isEqualTo(earlier);
            assertThat(revokedAt(otherSession)).as("another login of the same user").isNull();
        }

        @Test
        void revokingAllOfAUserRevokesEveryLiveTokenOfThatUserOnly() {
            User user = Fixtures.newUser("everywhere");
            User other = Fixtures.newUser("someoneelse");
            Instant earlier = T0.minusSeconds(600);
            RefreshToken laptop = RefreshToken.issue(user.id(), UUID.randomUUID(), randomHash(), T0, T0.plus(Duration.ofDays(7)));
            RefreshToken phone = RefreshToken.issue(user.id(), UUID.randomUUID(), randomHash(), T0, T0.plus(Duration.ofDays(7)));
            RefreshToken oldSession = new RefreshToken(UUID.randomUUID(), user.id(), UUID.randomUUID(), randomHash(), T0,
                    T0.plus(Duration.ofDays(7)), null, earlier);
            RefreshToken othersSession = RefreshToken.issue(other.id(), UUID.randomUUID(), randomHash(), T0,
                    T0.plus(Duration.ofDays(7)));
            db.inTx(() -> {
                db.users.save(user);
                db.users.save(other);
                List.of(laptop, phone, oldSession, othersSession).forEach(db.refreshTokens::save);
            });

            Instant now = T0.plusSeconds(300);
            db.inTx(() -> db.refreshTokens.revokeAllOfUser(user.id(), now));

            assertThat(revokedAt(laptop)).isEqualTo(now);
            assertThat(revokedAt(phone)).isEqualTo(now);
            assertThat(revokedAt(oldSession)).isEqualTo(earlier);
            assertThat(revokedAt(othersSession)).isNull();
        }

        @Test
        void aTokenSavedInTheSameTransactionIsRevokedWithItsFamily() {
            User user = Fixtures.newUser("fam2");
            UUID family = UUID.randomUUID();
            RefreshToken token = RefreshToken.issue(user.id(), family, randomHash(), T0, T0.plus(Duration.ofDays(7)));
            db.inTx(() -> {
                db.users.save(user);
                db.refreshTokens.save(token);
                db.refreshTokens.revokeFamily(family, T0.plusSeconds(5));
            });

            assertThat(revokedAt(token)).isEqualTo(T0.plusSeconds(5));
        }

        private Instant revokedAt(RefreshToken t) {
            return db.inTx(() -> db.refreshTokens.findByHashForUpdate(t.tokenHash())).orElseThrow().revokedAt();
        }
    }

    @Nested
    class OneTimeTokens {

        @Test
        void aTokenComesBackByItsHashAndRemembersBeingUsed() {
            User user = Fixtures.newUser("ott");
            OneTimeToken token = OneTimeToken.issue(user.id(), OneTimeToken.Purpose.PASSWORD_RESET, sha256Like('c'),
                    T0.plus(Duration.ofHours(1)));
            db.inTx(() -> {
                db.users.save(user);
                db.oneTimeTokens.save(token);
            });

            OneTimeToken found = db.inTx(() -> db.oneTimeTokens.findByHashForUpdate(sha256Like('c'))).orElseThrow();
            assertThat(found.id()).isEqualTo(token.id());
            assertThat(found.userId()).isEqualTo(user.id());
            assertThat(found.purpose()).isEqualTo(OneTimeToken.Purpose.PASSWORD_RESET);
            assertThat(found.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(found.usedAt()).isNull();

            db.inTx(() -> {
                OneTimeToken t = db.oneTimeTokens.findByHashForUpdate(sha256Like('c')).orElseThrow();
                t.consume(OneTimeToken.Purpose.PASSWORD_RESET, T0.plusSeconds(30));
                db.oneTimeTokens.save(t);
            });
            assertThat(db.inTx(() -> db.oneTimeTokens.findByHashForUpdate(sha256Like('c'))).orElseThrow().usedAt())
                    .isEqualTo(T0.plusSeconds(30));
            assertThat(db.inTx(() -> db.oneTimeTokens.findByHashForUpdate(sha256Like('d')))).isEmpty();
        }
    }

    @Nested
    class Catalog {

        @Test
        void aPlanComesBackWithItsPricesAndImagesAndFollowsEdits() {
            VpsPlan plan = VpsPlan.create(new VpsPlan.PlanSpec("Test Plan " + UUID.randomUUID().toString().substring(0, 6),
                            "s-8vcpu-16gb", 8, 16384, 320, 6), 900,
                    Map.of(BillingPeriod.DAILY, Money.rupiah(50_000), BillingPeriod.MONTHLY, Money.rupiah(1_500_000),
                            BillingPeriod.YEARLY, Money.rupiah(15_000_000)),
                    Set.of(Fixtures.IMAGE_DEBIAN_12, Fixtures.IMAGE_ROCKY_9));
            db.inTx(() -> db.plans.save(plan));

            VpsPlan loaded = db.inTx(() -> db.plans.findById(plan.id())).orElseThrow();
            assertThat(loaded.spec()).isEqualTo(plan.spec());
            assertThat(loaded.sortOrder()).isEqualTo(900);
            assertThat(loaded.isActive()).isTrue();
            assertThat(loaded.prices()).isEqualTo(plan.prices());
            assertThat(loaded.allowedImageIds()).containsExactlyInAnyOrder(Fixtures.IMAGE_DEBIAN_12, Fixtures.IMAGE_ROCKY_9);

            db.inTx(() -> {
                VpsPlan p = db.plans.findById(plan.id()).orElseThrow();
                p.removePrice(BillingPeriod.DAILY);
                p.setPrice(BillingPeriod.MONTHLY, Money.rupiah(1_400_000));
                p.disallowImage(Fixtures.IMAGE_ROCKY_9);
                p.allowImage(Fixtures.IMAGE_UBUNTU_2404);
                p.revise(new VpsPlan.PlanSpec(p.name(), "s-8vcpu-16gb", 8, 16384, 350, 6), 901);
                p.deactivate();
                db.plans.save(p);
            });

            VpsPlan edited = db.inTx(() -> db.plans.findById(plan.id())).orElseThrow();
            Map<BillingPeriod, Money> expectedPrices = new HashMap<>();
            expectedPrices.put(BillingPeriod.MONTHLY, Money.rupiah(1_400_000));
            expectedPrices.put(BillingPeriod.YEARLY, Money.rupiah(15_000_000));
            assertThat(edited.prices()).isEqualTo(expectedPrices);
            assertThat(edited.allowedImageIds()).containsExactlyInAnyOrder(Fixtures.IMAGE_DEBIAN_12, Fixtures.IMAGE_UBUNTU_2404);
            assertThat(edited.diskGb()).isEqualTo(350);
            assertThat(edited.sortOrder()).isEqualTo(901);
            assertThat(edited.isActive()).isFalse();
            assertThat(edited.version()).isEqualTo(loaded.version() + 1);
            assertThat(db.inTx(() -> db.plans.findAll(true))).extracting(VpsPlan::id).doesNotContain(plan.id());
            assertThat(db.inTx(() -> db.plans.findAll(false))).extracting(VpsPlan::id).contains(plan.id());
        }

        @Test
        void plansAreListedBySortOrderThenName() {
            List<VpsPlan> all = db.inTx(() -> db.plans.findAll(false));
            for (int i = 1; i < all.size(); i++) {
                VpsPlan a = all.get(i - 1);
                VpsPlan b = all.get(i);
                assertThat(a.sortOrder() < b.sortOrder()
                        || (a.sortOrder() == b.sortOrder() && a.name().compareTo(b.name()) <= 0))
                        .as("%s before %s", a.name(), b.name()).isTrue();
            }
        }

        @Test
        void anImageComesBackAndInactiveOnesAreHiddenFromTheActiveList() {
            VpsImage image = VpsImage.create("WordPress 6 " + UUID.randomUUID().toString().substring(0, 4), "Ubuntu",
                    "wordpress-24-04", VpsImage.Kind.APP);
            db.inTx(() -> db.images.save(image));

            VpsImage loaded = db.inTx(() -> db.images.findById(image.id())).orElseThrow();
            assertThat(loaded.name()).isEqualTo(image.name());
            assertThat(loaded.distribution()).isEqualTo("Ubuntu");
            assertThat(loaded.providerSlug()).isEqualTo("wordpress-24-04");
            assertThat(loaded.kind()).isEqualTo(VpsImage.Kind.APP);
            assertThat(loaded.isActive()).isTrue();

            db.inTx(() -> {
                VpsImage i = db.images.findById(image.id()).orElseThrow();
                i.deactivate();
                db.images.save(i);
            });
            assertThat(db.inTx(() -> db.images.findById(image.id())).orElseThrow().version()).isEqualTo(loaded.version() + 1);
            assertThat(db.inTx(() -> db.images.findAll(true))).extracting(VpsImage::id).doesNotContain(image.id());
            assertThat(db.inTx(() -> db.images.findAll(false))).extracting(VpsImage::id).contains(image.id());
        }

        @Test
        void aPromoComesBackAndIsUpdatedInPlace() {
            PlanPromo promo = new PlanPromo(UUID.randomUUID(), Fixtures.PLAN_BASIC_2GB, BillingPeriod.MONTHLY,
                    "Harbolnas", Discount.fixed(12_000), T0, T0.plus(Duration.ofDays(3)), true);
            db.inTx(() -> db.promos.save(promo));
            assertThat(db.inTx(() -> db.promos.findAll())).contains(promo);

            PlanPromo ended = new PlanPromo(promo.id(), promo.planId(), promo.period(), promo.name(), promo.discount(),
                    promo.startsAt(), promo.endsAt(), false);
            db.inTx(() -> db.promos.save(ended));
            assertThat(db.inTx(() -> db.promos.findAll())).contains(ended).doesNotContain(promo);
        }

        @Test
        void aCouponComesBackWithAllItsTermsAndAllowedSets() {
            String code = "T" + UUID.randomUUID().toString().substring(0, 8);
            Coupon coupon = Coupon.create(code.toLowerCase(), new Coupon.Terms(Discount.percent(20), Money.rupiah(40_000),
                    T0, T0.plus(Duration.ofDays(30)), 50, 2, Money.rupiah(100_000),
                    Set.of(Fixtures.PLAN_BASIC_1GB, Fixtures.PLAN_STANDARD_4GB),
                    EnumSet.of(BillingPeriod.MONTHLY, BillingPeriod.YEARLY)));
            db.inTx(() -> db.coupons.save(coupon));

            Coupon loaded = db.inTx(() -> db.coupons.findByCode(code.toUpperCase())).orElseThrow();
            assertThat(loaded.id()).isEqualTo(coupon.id());
            assertThat(loaded.code()).isEqualTo(code.toUpperCase());
            assertThat(loaded.terms()).isEqualTo(coupon.terms());
            assertThat(loaded.terms().allowedPlanIds()).containsExactlyInAnyOrder(Fixtures.PLAN_BASIC_1GB,
                    Fixtures.PLAN_STANDARD_4GB);
            assertThat(loaded.terms().allowedPeriods()).containsExactlyInAnyOrder(BillingPeriod.MONTHLY,
                    BillingPeriod.YEARLY);
            assertThat(loaded.isActive()).isTrue();
            assertThat(loaded.redemptionCount()).isZero();
            assertThat(db.inTx(() -> db.coupons.findById(coupon.id()))).isPresent();
        }

        @Test
        void aCouponWithoutLimitsOrSetsComesBackWithoutThem() {
            String code = "FREE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            Coupon coupon = Coupon.create(code, new Coupon.Terms(Discount.fixed(5_000), null, null, null, null, null,
                    null, Set.of(), Set.of()));
            db.inTx(() -> db.coupons.save(coupon));

            Coupon loaded = db.inTx(() -> db.coupons.findById(coupon.id())).orElseThrow();
            assertThat(loaded.terms()).isEqualTo(coupon.terms());
            assertThat(loaded.terms().maxDiscount()).isNull();
            assertThat(loaded.terms().totalLimit()).isNull();
            assertThat(loaded.terms().allowedPlanIds()).isEmpty();
            assertThat(loaded.terms().allowedPeriods()).isEmpty();
        }

        @Test
        void redemptionsAreCountedOnTheCouponAndPerUser() {
            String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Coupon coupon = Coupon.create(code, new Coupon.Terms(Discount.percent(5), null, null, null, 10, 3, null,
                    Set.of(), Set.of()));
            User alice = Fixtures.newUser("alice");
            User bob = Fixtures.newUser("bob");
            db.inTx(() -> {
                db.coupons.save(coupon);
                db.users.save(alice);
                db.users.save(bob);
            });
            long inserted = db.inTx(() -> db.coupons.findById(coupon.id())).orElseThrow().version();

            for (User u : List.of(alice, alice, bob)) {
                db.inTx(() -> {
                    Coupon c = db.coupons.findById(coupon.id()).orElseThrow();
                    c.redeem();
                    db.coupons.save(c);
                    db.coupons.recordRedemption(c.id(), u.id(), UUID.randomUUID(), T0);
                });
            }

            Coupon loaded = db.inTx(() -> db.coupons.findById(coupon.id())).orElseThrow();
            assertThat(loaded.redemptionCount()).isEqualTo(3);
            assertThat(loaded.version()).as("one update per redemption").isEqualTo(inserted + 3);
            assertThat(db.inTx(() -> db.coupons.countRedemptions(coupon.id(), alice.id()))).isEqualTo(2);
            assertThat(db.inTx(() -> db.coupons.countRedemptions(coupon.id(), bob.id()))).isEqualTo(1);
            assertThat(db.inTx(() -> db.coupons.countRedemptions(coupon.id(), UUID.randomUUID()))).isZero();
        }

        @Test
        void aDeactivatedAndRevisedCouponKeepsItsChanges() {
            String code = "V" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Coupon coupon = Coupon.create(code, new Coupon.Terms(Discount.percent(5), null, null, null, null, null,
                    null, Set.of(), Set.of()));
            db.inTx(() -> db.coupons.save(coupon));

            db.inTx(() -> {
                Coupon c = db.coupons.findById(coupon.id()).orElseThrow();
                c.revise(new Coupon.Terms(Discount.fixed(7_500), null, null, T0, 5, 1, Money.rupiah(50_000),
                        Set.of(Fixtures.PLAN_BASIC_2GB), Set.of(BillingPeriod.DAILY)));
                c.deactivate();
                db.coupons.save(c);
            });

            Coupon loaded = db.inTx(() -> db.coupons.findById(coupon.id())).orElseThrow();
            assertThat(loaded.isActive()).isFalse();
            assertThat(loaded.terms().discount()).isEqualTo(Discount.fixed(7_500));
            assertThat(loaded.terms().validUntil()).isEqualTo(T0);
            assertThat(loaded.terms().allowedPlanIds()).containsExactly(Fixtures.PLAN_BASIC_2GB);
            assertThat(loaded.terms().allowedPeriods()).containsExactly(BillingPeriod.DAILY);
        }
    }

    @Nested
    class Orders {

        @Test
        void anOrderComesBackWithItsSnapshotsPricingAndSshKeys() {
            User user = Fixtures.newUser("order");
            Order order = Fixtures.newOrder(user.id(), "web-1.example.co.id", T0);
            db.inTx(() -> {
                db.users.save(user);
                db.orders.save(order);
            });

            Order loaded = db.inTx(() -> db.orders.findById(order.id())).orElseThrow();
            assertThat(loaded.userId()).isEqualTo(user.id());
            assertThat(loaded.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(loaded.plan()).isEqualTo(Fixtures.basicPlan());
            assertThat(loaded.image()).isEqualTo(Fixtures.ubuntu());
            assertThat(loaded.hostname().value()).isEqualTo("web-1.example.co.id");
            assertThat(loaded.region()).isEqualTo("sgp1");
            assertThat(loaded.pricing()).isEqualTo(Fixtures.pricing());
            assertThat(loaded.sshKeys()).containsExactly(Fixtures.SSH_KEY_1, Fixtures.SSH_KEY_2);
            assertThat(loaded.createdAt()).isEqualTo(T0);
            assertThat(loaded.paymentDueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
            assertThat(loaded.paidAt()).isNull();
            assertThat(loaded.instanceId()).isNull();
            assertThat(loaded.history()).containsExactly(new StatusChange(null, OrderStatus.PENDING_PAYMENT,
                    Fixtures.customer(user.id()), "order placed", T0));
        }

        @Test
        void anOrderWithoutSshKeysOrDiscountsComesBackWithout() {
            User user = Fixtures.newUser("plain");
            var pricing = new id.webrana.cloud.domain.catalog.PricingSnapshot(BillingPeriod.DAILY, Money.rupiah(3_000),
                    Money.ZERO, null, Money.ZERO, null, Money.rupiah(3_000));
            Order order = Order.place(user.id(), Fixtures.basicPlan(), Fixtures.ubuntu(),
                    new id.webrana.cloud.domain.order.Hostname("plain"), "sgp1", pricing, List.of(),
                    Fixtures.customer(user.id()), T0, T0.plusSeconds(60));
            db.inTx(() -> {
                db.users.save(user);
                db.orders.save(order);
            });

            Order loaded = db.inTx(() -> db.orders.findById(order.id())).orElseThrow();
            assertThat(loaded.sshKeys()).isEmpty();
            assertThat(loaded.pricing()).isEqualTo(pricing);
            assertThat(loaded.pricing().promoName()).isNull();
            assertThat(loaded.pricing().couponCode()).isNull();
        }

        @Test
        void eachSaveAppendsTheNewStatusChangesWithActorsAndReasons() {
            User user = Fixtures.newUser("hist");
            Order order = Fixtures.newOrder(user.id(), "hist", T0);
            db.inTx(() -> {
                db.users.save(user);
                db.orders.save(order);
            });
            long inserted = db.inTx(() -> db.orders.findById(order.id())).orElseThrow().version();
            Actor admin = new Actor(Actor.Type.ADMIN, "admin-7");
            Actor worker = Actor.system("provisioning-worker");
            UUID instanceId = UUID.randomUUID();

            db.inTx(() -> {
                Order o = db.orders.findByIdForUpdate(order.id()).orElseThrow();
                o.markPaid(admin, "BCA transfer 76.500", T0.plusSeconds(60));
                db.orders.save(o);
            });
            db.inTx(() -> {
                Order o = db.orders.findByIdForUpdate(order.id()).orElseThrow();
                o.startProvisioning(worker, T0.plusSeconds(61));
                o.activate(instanceId, worker, T0.plusSeconds(120));
                db.orders.save(o);
            });

            Order loaded = db.inTx(() -> db.orders.findById(order.id())).orElseThrow();
            assertThat(loaded.status()).isEqualTo(OrderStatus.ACTIVE);
            assertThat(loaded.paidAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(loaded.instanceId()).isEqualTo(instanceId);
            assertThat(loaded.version()).isEqualTo(inserted + 2);
            assertThat(loaded.history()).containsExactly(
                    new StatusChange(null, OrderStatus.PENDING_PAYMENT, Fixtures.customer(user.id()), "order placed", T0),
                    new StatusChange(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, admin, "BCA transfer 76.500",
                            T0.plusSeconds(60)),
                    new StatusChange(OrderStatus.PAID, OrderStatus.PROVISIONING, worker, null, T0.plusSeconds(61)),
                    new StatusChange(OrderStatus.PROVISIONING, OrderStatus.ACTIVE, worker, "server ready",
                            T0.plusSeconds(120)));
            assertThat(db.count("SELECT COUNT(*) FROM order_status_history WHERE order_id = ?", order.id()))
                    .isEqualTo(4);
            assertThat(db.scalar("SELECT string_agg(CAST(seq AS TEXT), ',' ORDER BY seq) FROM order_status_history"
                    + " WHERE order_id = ?", order.id())).isEqualTo("0,1,2,3");
        }

        @Test
        void savingAnUnchangedOrderAppendsNoHistory() {
            User user = Fixtures.newUser("same");
            Order order = Fixtures.newOrder(user.id(), "same", T0);
            db.inTx(() -> {
                db.users.save(user);
                db.orders.save(order);
            });
            db.inTx(() -> db.orders.save(db.orders.findById(order.id()).orElseThrow()));

            assertThat(db.count("SELECT COUNT(*) FROM order_status_history WHERE order_id = ?", order.id()))
                    .isEqualTo(1);
        }

        @Test
        void aFailedOrderKeepsItsFailureCodeAndMessage() {
            User user = Fixtures.newUser("fail");
            Order order = Fixtures.newOrder(user.id(), "fail", T0);
            order.markPaid(new Actor(Actor.Type.API_KEY, "billing"), null, T0.plusSeconds(1));
            order.failProvisioning("PROVIDER_ERROR", "422 size unavailable", Actor.system("w"), T0.plusSeconds(2));
            db.inTx(() -> {
                db.users.save(user);
                db.orders.save(order);
            });

            Order loaded = db.inTx(() -> db.orders.findById(order.id())).orElseThrow();
            assertThat(loaded.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(loaded.failureCode()).isEqualTo("PROVIDER_ERROR");
            assertThat(loaded.failureMessage()).isEqualTo("422 size unavailable");
            assertThat(loaded.history()).extracting(StatusChange::to)
                    .containsExactly(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.FAILED);
            assertThat(loaded.history().get(1).actor()).isEqualTo(new Actor(Actor.Type.API_KEY, "billing"));
        }

        @Test
        void findByUserPagesTheUsersOrdersNewestFirst() {
            User user = Fixtures.newUser("mine");
            User other = Fixtures.newUser("theirs");
            db.inTx(() -> {
                db.users.save(user);
                db.users.save(other);
                for (int i = 0; i < 3; i++) {
                    db.orders.save(Fixtures.newOrder(user.id(), "mine-" + i, T0.plusSeconds(i)));
                }
                db.orders.save(Fixtures.newOrder(other.id(), "theirs", T0.plusSeconds(10)));
            });

            var page = db.inTx(() -> db.orders.findByUser(user.id(), new id.webrana.cloud.domain.shared.PageRequest(0, 2)));
            assertThat(page.total()).isEqualTo(3);
            assertThat(page.items()).extracting(o -> o.hostname().value()).containsExactly("mine-2", "mine-1");
        }
    }

    @Nested
    class Provisioning {

        @Test
        void aTaskComesBackByOrderAndFollowsItsSteps() {
            User user = Fixtures.newUser("task");
            Order order = Fixtures.newOrder(user.id(), "task", T0);
            ProvisioningTask task = ProvisioningTask.forPaidOrder(order.id(), T0, Duration.ofMinutes(10));
            db.inTx(() -> {
                db.users.save(user);
                db.orders.save(order);
                db.tasks.save(task);
            });

            ProvisioningTask loaded = db.inTx(() -> db.tasks.findByOrderId(order.id())).orElseThrow();
            assertThat(loaded.id()).isEqualTo(task.id());
            assertThat(loaded.status()).isEqualTo(ProvisioningTask.Status.PENDING);
            assertThat(loaded.providerServerId()).isNull();
            assertThat(loaded.nextAttemptAt()).isEqualTo(T0);
            assertThat(loaded.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(loaded.createdAt()).isEqualTo(T0);

            db.inTx(() -> {
                ProvisioningTask t = db.tasks.findByOrderId(order.id()).orElseThrow();
                t.retryLater("429 too many requests", T0.plusSeconds(1), Duration.ofSeconds(4));
                db.tasks.save(t);
            });
            ProvisioningTask retried = db.inTx(() -> db.tasks.findByOrderId(order.id())).orElseThrow();
            assertThat(retried.attempts()).isEqualTo(1);
            assertThat(retried.lastError()).isEqualTo("429 too many requests");
            assertThat(retried.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(retried.updatedAt()).isEqualTo(T0.plusSeconds(1));

            db.inTx(() -> {
                ProvisioningTask t = db.tasks.findByOrderId(order.id()).orElseThrow();
                t.serverRequested("987654321", T0.plusSeconds(6), Duration.ofSeconds(2));
                db.tasks.save(t);
            });
            ProvisioningTask waiting = db.inTx(() -> db.tasks.findByOrderId(order.id())).orElseThrow();
            assertThat(waiting.status()).isEqualTo(ProvisioningTask.Status.WAITING_FOR_SERVER);
            assertThat(waiting.providerServerId()).isEqualTo("987654321");
            assertThat(waiting.attempts()).isZero();
            assertThat(waiting.lastError()).isNull();
            assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(8));
            assertThat(waiting.version()).isEqualTo(loaded.version() + 2);
            assertThat(db.inTx(() -> db.tasks.findByOrderId(UUID.randomUUID()))).isEmpty();
        }

        @Test
        void anInstanceComesBackByIdAndByOrder() {
            User user = Fixtures.newUser("inst");
            Order order = Fixtures.newOrder(user.id(), "inst", T0);
            Instance instance = new Instance(UUID.randomUUID(), order.id(), user.id(), "DIGITALOCEAN", "412345678",
                    "inst", "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64", "203.0.113.10", "2001:db8::10",
                    Instance.Status.SUSPENDED, T0.plusSeconds(5), T0.plusSeconds(50), T0.plus(Duration.ofDays(30)),
                    BillingPeriod.YEARLY, Money.rupiah(900_000), true, Instance.Suspension.NON_PAYMENT,
                    T0.plus(Duration.ofDays(33)), null, "renewal not paid", T0.plus(Duration.ofDays(34)),
                    "a".repeat(64), 0);
            db.inTx(() -> {
                db.users.save(user);
                db.orders.save(order);
                db.instances.save(instance);
            });

            for (Instance loaded : List.of(db.inTx(() -> db.instances.findById(instance.id())).orElseThrow(),
                    db.inTx(() -> db.instances.findByOrderId(order.id())).orElseThrow())) {
                assertThat(loaded).usingRecursiveComparison().ignoringFields("version").isEqualTo(instance);
            }
            assertThat(db.inTx(() -> db.instances.findByOrderId(UUID.randomUUID()))).isEmpty();
        }

        @Test
        void aTaskKeepsItsSecretsUntilItEndsAndForgetsThemThen() {
            User user = Fixtures.newUser("secret");
            Order order = Fixtures.newOrder(user.id(), "secret", T0);
            ProvisioningTask task = ProvisioningTask.forPaidOrder(order.id(), T0, Duration.ofMinutes(10),
                    "Root-Pass-1234", "agent-token-5678");
            db.inTx(() -> {
                db.users.save(user);
                db.orders.save(order);
                db.tasks.save(task);
            });

            ProvisioningTask loaded = db.inTx(() -> db.tasks.findByOrderId(order.id())).orElseThrow();
            assertThat(loaded.rootPassword()).isEqualTo("Root-Pass-1234");
            assertThat(loaded.agentToken()).isEqualTo("agent-token-5678");

            db.inTx(() -> {
                ProvisioningTask t = db.tasks.findByOrderId(order.id()).orElseThrow();
                t.succeeded(T0.plusSeconds(60));
                db.tasks.save(t);
            });
            assertThat(db.count("SELECT COUNT(*) FROM provisioning_tasks WHERE order_id = ?"
                    + " AND root_password IS NULL AND agent_token IS NULL", order.id())).isEqualTo(1);
        }
    }
}
