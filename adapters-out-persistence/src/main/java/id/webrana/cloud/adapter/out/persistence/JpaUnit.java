package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.CouponEntity;
import id.webrana.cloud.adapter.out.persistence.entity.CouponRedemptionEntity;
import id.webrana.cloud.adapter.out.persistence.entity.ImageEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InAppNotificationEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InstanceActionEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InstanceEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InstanceEventEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InvoiceEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InvoiceLineEntity;
import id.webrana.cloud.adapter.out.persistence.entity.LocalMailEntity;
import id.webrana.cloud.adapter.out.persistence.entity.NotificationTemplateEntity;
import id.webrana.cloud.adapter.out.persistence.entity.OneTimeTokenEntity;
import id.webrana.cloud.adapter.out.persistence.entity.OrderEntity;
import id.webrana.cloud.adapter.out.persistence.entity.OrderStatusChangeEntity;
import id.webrana.cloud.adapter.out.persistence.entity.OutboxMessageEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PaymentAttemptEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PaymentCallbackEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PaymentEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PlanEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PromoEntity;
import id.webrana.cloud.adapter.out.persistence.entity.ProvisioningTaskEntity;
import id.webrana.cloud.adapter.out.persistence.entity.RefreshTokenEntity;
import id.webrana.cloud.adapter.out.persistence.entity.ServerCredentialEntity;
import id.webrana.cloud.adapter.out.persistence.entity.UserEntity;
import id.webrana.cloud.adapter.out.persistence.entity.UserAuditEventEntity;
import id.webrana.cloud.adapter.out.persistence.entity.WalletEntryEntity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import org.eclipse.persistence.jpa.PersistenceProvider;

import javax.sql.DataSource;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the application's persistence unit in code from a {@link DataSource}: the same path in
 * the server (the container's non-transactional {@code jdbc/webrana} pool) and in tests (a plain
 * PostgreSQL data source). Resource-local transactions, no shared cache (several servers share
 * one database, so a cache would serve stale rows), no DDL (Liquibase owns the schema).
 *
 * <p>The persistence unit is deliberately not declared in a {@code persistence.xml}: the
 * container would otherwise bootstrap it a second time.
 */
public final class JpaUnit {

    static final List<Class<?>> ENTITIES = List.of(UserEntity.class, RefreshTokenEntity.class,
            OneTimeTokenEntity.class, ImageEntity.class, PlanEntity.class, PromoEntity.class, CouponEntity.class,
            CouponRedemptionEntity.class, OrderEntity.class, OrderStatusChangeEntity.class,
            ProvisioningTaskEntity.class, InstanceEntity.class, OutboxMessageEntity.class, InvoiceEntity.class,
            InvoiceLineEntity.class, PaymentAttemptEntity.class, PaymentEntity.class, WalletEntryEntity.class,
            PaymentCallbackEntity.class, NotificationTemplateEntity.class, InAppNotificationEntity.class,
            LocalMailEntity.class, InstanceActionEntity.class, InstanceEventEntity.class,
            ServerCredentialEntity.class, UserAuditEventEntity.class);

    /** Numbers the units this class loader creates, so that each gets a session of its own. */
    private static final AtomicInteger UNITS = new AtomicInteger();

    private JpaUnit() {
    }

    /**
     * A new persistence unit on {@code dataSource}. Each call deploys its own EclipseLink session (named
     * {@code webrana-<n>}): EclipseLink otherwise keys sessions by the unit's name and root URL, and a second unit
     * created in the same class loader, on another data source, would silently share the first one's session and
     * database (the persistence tests create one per throw-away database).
     */
    public static EntityManagerFactory create(DataSource dataSource) {
        Properties props = new Properties();
        props.put("eclipselink.session-name", "webrana-" + UNITS.incrementAndGet());
        props.put("eclipselink.weaving", "false");
        props.put("eclipselink.cache.shared.default", "false");
        props.put("eclipselink.logging.level", "WARNING");
        props.put("eclipselink.logging.logger", "JavaLogger");
        props.put("eclipselink.target-database", "PostgreSQL");
        props.put("eclipselink.jdbc.uppercase-columns", "false");
        props.put("eclipselink.ddl-generation", "none");
        props.put(EclipseLinkMappingRepairs.PROPERTY, EclipseLinkMappingRepairs.class.getName());
        return new PersistenceProvider().createContainerEntityManagerFactory(new UnitInfo(dataSource, props), props);
    }

    private record UnitInfo(DataSource dataSource, Properties properties) implements PersistenceUnitInfo {
        @Override public String getPersistenceUnitName() { return "webrana"; }
        @Override public String getPersistenceProviderClassName() { return PersistenceProvider.class.getName(); }
        @Override public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
        @Override public DataSource getJtaDataSource() { return null; }
        @Override public DataSource getNonJtaDataSource() { return dataSource; }
        @Override public List<String> getMappingFileNames() { return List.of(); }
        @Override public List<URL> getJarFileUrls() { return List.of(); }
        @Override public URL getPersistenceUnitRootUrl() {
            return JpaUnit.class.getProtectionDomain().getCodeSource().getLocation();
        }
        @Override public List<String> getManagedClassNames() { return ENTITIES.stream().map(Class::getName).toList(); }
        @Override public boolean excludeUnlistedClasses() { return true; }
        @Override public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.NONE; }
        @Override public ValidationMode getValidationMode() { return ValidationMode.NONE; }
        @Override public Properties getProperties() { return properties; }
        @Override public String getPersistenceXMLSchemaVersion() { return "3.0"; }
        @Override public ClassLoader getClassLoader() { return JpaUnit.class.getClassLoader(); }
        @Override public void addTransformer(ClassTransformer transformer) { }
        @Override public ClassLoader getNewTempClassLoader() { return JpaUnit.class.getClassLoader(); }
    }
}
