package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.CouponEntity;
import id.webrana.cloud.adapter.out.persistence.entity.CouponRedemptionEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InstanceActionEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InstanceEntity;
import id.webrana.cloud.adapter.out.persistence.entity.ImageEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InAppNotificationEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InvoiceEntity;
import id.webrana.cloud.adapter.out.persistence.entity.InvoiceLineEntity;
import id.webrana.cloud.adapter.out.persistence.entity.OneTimeTokenEntity;
import id.webrana.cloud.adapter.out.persistence.entity.OrderEntity;
import id.webrana.cloud.adapter.out.persistence.entity.OrderStatusChangeEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PaymentAttemptEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PaymentEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PlanEntity;
import id.webrana.cloud.adapter.out.persistence.entity.PromoEntity;
import id.webrana.cloud.adapter.out.persistence.entity.ProvisioningTaskEntity;
import id.webrana.cloud.adapter.out.persistence.entity.RefreshTokenEntity;
import id.webrana.cloud.adapter.out.persistence.entity.ServerCredentialEntity;
import id.webrana.cloud.adapter.out.persistence.entity.UserEntity;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectCollectionMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.mappings.converters.SerializedObjectConverter;
import org.eclipse.persistence.mappings.converters.UUIDConverter;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.Session;

import java.lang.reflect.ParameterizedType;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Repairs of EclipseLink 4.0 (Jakarta Persistence 3.1) mappings that do not fit this schema on
 * PostgreSQL, applied to every session by {@link JpaUnit} (found by the persistence tests, which
 * prove each one in {@code PersistenceUnitAsShippedTest}). Each repair does nothing where
 * EclipseLink already maps the field right (e.g. after a move to Persistence 3.2).
 *
 * <ol>
 *   <li><b>Instant</b>: EclipseLink 4.0 (Jakarta Persistence 3.1) does not know {@link Instant} as a
 *       basic type and maps every {@code Instant} field as a serialized object ({@code bytea}).
 *       Repaired with an {@code Instant <-> java.sql.Timestamp} conversion, what an
 *       {@code AttributeConverter} in the main code would do.</li>
 *   <li><b>Null UUID</b>: EclipseLink 4.0.9 cannot handle a NULL {@code uuid} column
 *       ({@code orders.instance_id} is null until the server runs): it writes a null {@link UUID} with
 *       {@code setNull(VARCHAR)}, which PostgreSQL refuses, and its {@code UUIDConverter} throws a
 *       NullPointerException reading one. Repaired by typing the UUID columns {@code OTHER} and a
 *       null-safe converter. Likewise the UUID elements of {@code PlanEntity.imageIds} are written as
 *       {@code varchar} into the {@code uuid} column {@code plan_images.image_id}: repaired by handing
 *       the UUIDs to the platform as they are.</li>
 *   <li><b>Insert order</b>: without relationship mappings EclipseLink inserts new rows of different
 *       entities in the alphabetical order of the entity class names, e.g. {@code one_time_tokens}
 *       before the {@code users} row they reference. Repaired by declaring the foreign keys as
 *       EclipseLink constraint dependencies.</li>
 * </ol>
 */
public final class EclipseLinkMappingRepairs implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(EclipseLinkMappingRepairs.class.getName());

    static final String PROPERTY = "eclipselink.session.customizer";

    /** What each repair changed at the last deployment, for the log and for tests. */
    static volatile List<String> lastRepairs = List.of();

    /**
     * child entity -> the entities its foreign keys point to (0001-core-schema.sql, 0003-billing.sql,
     * 0004-notifications.sql, 0006-instance-lifecycle.sql;
     * {@code wallet_entries} points to {@code wallets}, which has no entity and is written at once).
     */
    private static final Map<Class<?>, List<Class<?>>> FOREIGN_KEYS = Map.ofEntries(
            Map.entry(RefreshTokenEntity.class, List.of(UserEntity.class)),
            Map.entry(OneTimeTokenEntity.class, List.of(UserEntity.class)),
            Map.entry(PlanEntity.class, List.of(ImageEntity.class)),
            Map.entry(PromoEntity.class, List.of(PlanEntity.class)),
            Map.entry(CouponRedemptionEntity.class, List.of(CouponEntity.class, UserEntity.class)),
            Map.entry(OrderEntity.class, List.of(UserEntity.class)),
            Map.entry(OrderStatusChangeEntity.class, List.of(OrderEntity.class)),
            Map.entry(ProvisioningTaskEntity.class, List.of(OrderEntity.class)),
            Map.entry(InstanceEntity.class, List.of(OrderEntity.class, UserEntity.class)),
            Map.entry(InvoiceEntity.class, List.of(UserEntity.class)),
            Map.entry(InvoiceLineEntity.class, List.of(InvoiceEntity.class)),
            Map.entry(PaymentAttemptEntity.class, List.of(InvoiceEntity.class)),
            Map.entry(PaymentEntity.class, List.of(InvoiceEntity.class, UserEntity.class)),
            Map.entry(InAppNotificationEntity.class, List.of(UserEntity.class)),
            Map.entry(InstanceActionEntity.class, List.of(InstanceEntity.class)),
            Map.entry(ServerCredentialEntity.class, List.of(InstanceEntity.class, InstanceActionEntity.class)));

    public EclipseLinkMappingRepairs() {
        // instantiated by EclipseLink
    }

    /** Applies every repair; called by EclipseLink when the session is built. */
    @Override
    public void customize(Session session) {
        repair(session, true, true, true);
    }

    private static void repair(Session session, boolean instants, boolean uuids, boolean insertOrder) {
        List<String> done = new ArrayList<>();
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            String entity = descriptor.getJavaClass().getSimpleName();
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (uuids && mapping instanceof DirectCollectionMapping collection
                        && collection.getValueConverter() instanceof UUIDConverter
                        && elementType(descriptor.getJavaClass(), mapping.getAttributeName()) == UUID.class) {
                    collection.setValueConverter(new UuidAsIs());
                    done.add("UUID elements " + entity + "." + mapping.getAttributeName());
                }
                if (!(mapping instanceof AbstractDirectMapping direct)) {
                    continue;
                }
                Class<?> type = fieldType(descriptor.getJavaClass(), mapping.getAttributeName());
                if (instants && type == Instant.class && direct.getConverter() instanceof SerializedObjectConverter) {
                    direct.setConverter(new InstantToTimestamp());
                    done.add("Instant " + entity + "." + mapping.getAttributeName());
                }
                if (uuids && type == UUID.class && direct.getConverter() instanceof UUIDConverter
                        && !(direct.getConverter() instanceof NullSafeUuidConverter)) {
                    direct.setConverter(new NullSafeUuidConverter());
                    if (direct.getField().getSqlType() == DatabaseField.NULL_SQL_TYPE) {
                        direct.getField().setSqlType(Types.OTHER);
                    }
                    done.add("UUID " + entity + "." + mapping.getAttributeName());
                }
            }
            if (insertOrder) {
                for (Class<?> parent : FOREIGN_KEYS.getOrDefault(descriptor.getJavaClass(), List.of())) {
                    if (!descriptor.getConstraintDependencies().contains(parent)) {
                        descriptor.addConstraintDependency(parent);
                        done.add("insert " + entity + " after " + parent.getSimpleName());
                    }
                }
            }
        }
        lastRepairs = List.copyOf(done);
        if (!done.isEmpty()) {
            LOG.fine(() -> "EclipseLink mapping repairs (" + done.size() + "): " + done);
        }
    }

    private static Class<?> elementType(Class<?> type, String name) {
        try {
            if (type.getDeclaredField(name).getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
        } catch (NoSuchFieldException e) {
            // not a field of this class
        }
        return null;
    }

    private static Class<?> fieldType(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name).getType();
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    /** EclipseLink's UUID converter, but reading a NULL column as null instead of throwing a NullPointerException. */
    static final class NullSafeUuidConverter extends UUIDConverter {
        @Override
        public Object convertDataValueToObjectValue(Object dataValue, Session session) {
            return dataValue == null ? null : super.convertDataValueToObjectValue(dataValue, session);
        }
    }

    /** Hands the UUID to the platform as it is (PostgreSQLPlatform binds a UUID as {@code OTHER}). */
    static final class UuidAsIs implements Converter {
        @Override
        public Object convertObjectValueToDataValue(Object objectValue, Session session) {
            return objectValue;
        }

        @Override
        public Object convertDataValueToObjectValue(Object dataValue, Session session) {
            return dataValue == null || dataValue instanceof UUID ? dataValue : UUID.fromString(dataValue.toString());
        }

        @Override
        public boolean isMutable() {
            return false;
        }

        @Override
        public void initialize(DatabaseMapping mapping, Session session) {
        }
    }

    /** What an {@code AttributeConverter<Instant, Timestamp>} would do. */
    static final class InstantToTimestamp implements Converter {
        @Override
        public Object convertObjectValueToDataValue(Object objectValue, Session session) {
            return objectValue == null ? null : Timestamp.from((Instant) objectValue);
        }

        @Override
        public Object convertDataValueToObjectValue(Object dataValue, Session session) {
            if (dataValue == null) {
                return null;
            }
            if (dataValue instanceof Timestamp t) {
                return t.toInstant();
            }
            if (dataValue instanceof OffsetDateTime o) {
                return o.toInstant();
            }
            if (dataValue instanceof java.util.Date d) {
                return d.toInstant();
            }
            throw new IllegalArgumentException("cannot read an Instant from " + dataValue.getClass());
        }

        @Override
        public boolean isMutable() {
            return false;
        }

        @Override
        public void initialize(DatabaseMapping mapping, Session session) {
            ((AbstractDirectMapping) mapping).setFieldClassification(Timestamp.class);
        }
    }
}
