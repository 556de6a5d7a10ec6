package id.webrana.cloud.bootstrap;

import id.webrana.cloud.adapter.out.notify.SmtpEmailSender;
import id.webrana.cloud.application.notification.FanOutNotifier;
import id.webrana.cloud.application.notification.LocalMailboxEmailSender;
import id.webrana.cloud.application.port.in.DispatchNotificationsUseCase;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase;
import id.webrana.cloud.application.port.in.NotificationsUseCase;
import id.webrana.cloud.application.port.out.EmailSender;
import id.webrana.cloud.application.port.out.InAppNotificationRepository;
import id.webrana.cloud.application.port.out.LocalMailbox;
import id.webrana.cloud.application.port.out.NotificationOutbox;
import id.webrana.cloud.application.port.out.NotificationPreferencesRepository;
import id.webrana.cloud.application.port.out.NotificationTemplateRepository;
import id.webrana.cloud.application.port.out.TelegramBot;
import id.webrana.cloud.application.service.NotificationDispatcher;
import id.webrana.cloud.application.service.NotificationService;
import id.webrana.cloud.application.service.NotificationSettings;
import id.webrana.cloud.application.port.in.AdminBillingUseCase;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.PaymentCallbackUseCase;
import id.webrana.cloud.application.port.in.ReconcilePaymentsUseCase;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer;
import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.application.port.out.PaymentAttemptRepository;
import id.webrana.cloud.application.port.out.PaymentCallbackLog;
import id.webrana.cloud.application.port.out.PaymentGateway;
import id.webrana.cloud.application.port.out.PaymentRepository;
import id.webrana.cloud.application.port.out.WalletRepository;
import id.webrana.cloud.application.service.BillingService;
import id.webrana.cloud.application.service.BillingSettings;
import id.webrana.cloud.application.port.in.AdminUsersUseCase;
import id.webrana.cloud.application.port.in.AuthenticationUseCase;
import id.webrana.cloud.application.port.in.BrowseCatalogUseCase;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase;
import id.webrana.cloud.application.port.in.EnsureAdminUseCase;
import id.webrana.cloud.application.port.in.ExpireUnpaidOrdersUseCase;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase;
import id.webrana.cloud.application.port.in.PasswordRecoveryUseCase;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase;
import id.webrana.cloud.application.port.in.ProvisionServersUseCase;
import id.webrana.cloud.application.port.in.QuotePriceUseCase;
import id.webrana.cloud.application.port.in.RegisterUserUseCase;
import id.webrana.cloud.application.port.in.ViewOrdersUseCase;
import id.webrana.cloud.application.port.out.AccessTokenIssuer;
import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CouponRepository;
import id.webrana.cloud.application.port.out.ImageRepository;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.OneTimeTokenRepository;
import id.webrana.cloud.application.port.out.OrderRepository;
import id.webrana.cloud.application.port.out.PasswordHasher;
import id.webrana.cloud.application.port.out.PlanRepository;
import id.webrana.cloud.application.port.out.PromoRepository;
import id.webrana.cloud.application.port.out.ProvisioningTaskRepository;
import id.webrana.cloud.application.port.out.ProvisioningWakeUp;
import id.webrana.cloud.application.port.out.RefreshTokenRepository;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.application.service.AccountService;
import id.webrana.cloud.application.service.AccountSettings;
import id.webrana.cloud.application.service.CatalogService;
import id.webrana.cloud.application.service.OrderService;
import id.webrana.cloud.application.service.OrderSettings;
import id.webrana.cloud.application.service.ProvisioningService;
import id.webrana.cloud.application.service.ProvisioningSettings;
import id.webrana.cloud.domain.provisioning.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * The composition root: builds the pure-Java application services from the adapters' port
 * implementations and offers each use case as one application-scoped bean. Inbound adapters
 * inject the {@code port.in} interfaces only.
 */
@ApplicationScoped
public class UseCaseProducers {

    @Inject UserRepository users;
    @Inject RefreshTokenRepository refreshTokens;
    @Inject OneTimeTokenRepository oneTimeTokens;
    @Inject PlanRepository plans;
    @Inject ImageRepository images;
    @Inject PromoRepository promos;
    @Inject CouponRepository coupons;
    @Inject OrderRepository orders;
    @Inject ProvisioningTaskRepository tasks;
    @Inject InstanceRepository instances;
    /** The transactional outbox; services get it wrapped in a {@link FanOutNotifier} (one row per channel). */
    @Inject Notifier outboxNotifier;
    @Inject NotificationOutbox notificationOutbox;
    @Inject NotificationTemplateRepository notificationTemplates;
    @Inject InAppNotificationRepository inAppNotifications;
    @Inject LocalMailbox localMailbox;
    @Inject NotificationPreferencesRepository notificationPreferences;
    @Inject TelegramBot telegramBot;
    @Inject SmtpEmailSender smtpEmailSender;
    @Inject @ConfigProperty(name = "NOTIFY_OPERATORS_TELEGRAM_CHAT_ID")
    java.util.Optional<String> operatorsTelegramChat;
    @Inject @ConfigProperty(name = "NOTIFY_OPERATORS_EMAIL")
    java.util.Optional<String> operatorsEmail;
    @Inject TransactionRunner tx;
    @Inject PasswordHasher hasher;
    @Inject AccessTokenIssuer tokenIssuer;
    @Inject CloudProvider cloudProvider;
    @Inject ProvisioningWakeUp wakeUp;
    @Inject InvoiceRepository invoices;
    @Inject PaymentAttemptRepository paymentAttempts;
    @Inject PaymentRepository payments;
    @Inject WalletRepository wallets;
    @Inject PaymentCallbackLog callbackLog;
    @Inject PaymentGateway paymentGateway;
    @Inject InvoiceDocumentRenderer invoiceRenderer;
    @Inject id.webrana.cloud.application.port.out.InstanceActionRepository instanceActions;
    @Inject id.webrana.cloud.application.port.out.InstanceEventRepository instanceEvents;
    @Inject id.webrana.cloud.application.port.out.ServerCredentialRepository serverCredentials;
    @Inject id.webrana.cloud.application.port.out.ServerPasswordHasher serverPasswordHasher;
    @Inject id.webrana.cloud.application.port.out.UserAuditLog userAudit;
    @Inject id.webrana.cloud.application.port.out.AnalyticsQueries analyticsQueries;

    /** Lifecycle: renewal invoice lead, grace and retention in hours; reminders are fixed at 7d/3d/1d/8h. */
    @Inject @ConfigProperty(name = "LIFECYCLE_INVOICE_LEAD_HOURS", defaultValue = "168")
    long invoiceLeadHours;
    @Inject @ConfigProperty(name = "LIFECYCLE_GRACE_HOURS", defaultValue = "72")
    long graceHours;
    @Inject @ConfigProperty(name = "LIFECYCLE_RETENTION_HOURS", defaultValue = "168")
    long retentionHours;
    @Inject @ConfigProperty(name = "LIFECYCLE_SNAPSHOT_BEFORE_TERMINATE", defaultValue = "false")
    boolean snapshotBeforeTerminate;
    @Inject @ConfigProperty(name = "INSTANCE_ACTIONS_PER_HOUR", defaultValue = "10")
    int actionsPerHour;
    @Inject @ConfigProperty(name = "INSTANCE_STATUS_CACHE_SECONDS", defaultValue = "10")
    long statusCacheSeconds;
    @Inject @ConfigProperty(name = "PASSWORD_RESET_TIMEOUT_MINUTES", defaultValue = "15")
    long passwordResetTimeoutMinutes;
    /** The URL servers' agents call; defaults to PUBLIC_BASE_URL (must be reachable from the servers). */
    @Inject @ConfigProperty(name = "AGENT_BASE_URL")
    java.util.Optional<String> agentBaseUrl;

    /** Tax rate in basis points (1100 = PPN 11 %); 0, the default, prints no tax line. */
    @Inject @ConfigProperty(name = "INVOICE_TAX_BASIS_POINTS", defaultValue = "0")
    int taxBasisPoints;
    @Inject @ConfigProperty(name = "INVOICE_TAX_LABEL", defaultValue = "PPN")
    String taxLabel;
    /** Top-up promotion: percent of a paid top-up credited as BONUS, for top-ups of at least the minimum. */
    @Inject @ConfigProperty(name = "WALLET_DEPOSIT_BONUS_PERCENT", defaultValue = "0")
    int depositBonusPercent;
    @Inject @ConfigProperty(name = "WALLET_DEPOSIT_BONUS_MINIMUM", defaultValue = "0")
    long depositBonusMinimum;
    @Inject @ConfigProperty(name = "PAYMENT_RECONCILE_AFTER_SECONDS", defaultValue = "60")
    long reconcileAfterSeconds;
    @Inject @ConfigProperty(name = "PAYMENT_RECONCILE_EVERY_SECONDS", defaultValue = "120")
    long reconcileEverySeconds;

    @Inject @ConfigProperty(name = "PUBLIC_BASE_URL", defaultValue = "http://localhost:9080")
    String publicBaseUrl;
    @Inject @ConfigProperty(name = "PAYMENT_WINDOW_MINUTES", defaultValue = "1440")
    long paymentWindowMinutes;
    @Inject @ConfigProperty(name = "DIGITALOCEAN_DEFAULT_REGION", defaultValue = "sgp1")
    String defaultRegion;
    @Inject @ConfigProperty(name = "PROVISIONING_TIMEOUT_SECONDS", defaultValue = "600")
    long provisioningTimeoutSeconds;
    @Inject @ConfigProperty(name = "PROVISIONING_POLL_MILLIS", defaultValue = "2000")
    long pollMillis;
    @Inject @ConfigProperty(name = "PROVISIONING_RETRY_INITIAL_MILLIS", defaultValue = "2000")
    long retryInitialMillis;
    @Inject @ConfigProperty(name = "PROVISIONING_RETRY_MAX_MILLIS", defaultValue = "60000")
    long retryMaxMillis;

    private final Clock clock = Clock.systemUTC();
    private volatile AccountService accountService;
    private volatile CatalogService catalogService;
    private volatile OrderService orderService;
    private volatile ProvisioningService provisioningService;
    private volatile BillingService billingService;
    private volatile Notifier notifier;
    private volatile NotificationService notificationService;
    private volatile NotificationDispatcher notificationDispatcher;
    private volatile id.webrana.cloud.application.service.Renewals renewals;
    private volatile id.webrana.cloud.application.service.LifecycleService lifecycleService;
    private volatile id.webrana.cloud.application.service.InstanceService instanceService;

    /** Every event fans out to its channels (email, Telegram, in-app) as separate outbox rows. */
    private synchronized Notifier notifier() {
        if (notifier == null) {
            notifier = new FanOutNotifier(outboxNotifier, users, notificationPreferences);
        }
        return notifier;
    }

    private NotificationSettings notificationSettings() {
        return NotificationSettings.defaults().withOperators(operatorsTelegramChat.map(String::trim)
                .filter(v -> !v.isEmpty()).orElse(null), operatorsEmail.map(String::trim).filter(v -> !v.isEmpty())
                .orElse(null));
    }

    /** SMTP when SMTP_HOST is set; otherwise the local mailbox admins read in the UI. */
    private EmailSender emailSender() {
        return smtpEmailSender.isConfigured() ? smtpEmailSender : new LocalMailboxEmailSender(localMailbox, tx, clock);
    }

    private synchronized NotificationService notifications() {
        if (notificationService == null) {
            notificationService = new NotificationService(inAppNotifications, notificationPreferences,
                    notificationTemplates, notificationOutbox, localMailbox, users, notifier(), telegramBot, tx, clock,
                    notificationSettings());
        }
        return notificationService;
    }

    private synchronized NotificationDispatcher dispatcher() {
        if (notificationDispatcher == null) {
            notificationDispatcher = new NotificationDispatcher(notificationOutbox, notificationTemplates,
                    notificationPreferences, users, inAppNotifications, localMailbox, emailSender(), telegramBot, tx,
                    clock, notificationSettings());
        }
        return notificationDispatcher;
    }

    private synchronized AccountService accounts() {
        if (accountService == null) {
            accountService = new AccountService(users, refreshTokens, oneTimeTokens, hasher, tokenIssuer, notifier(), tx,
                    clock, AccountSettings.defaults(publicBaseUrl));
        }
        return accountService;
    }

    private synchronized CatalogService catalog() {
        if (catalogService == null) {
            catalogService = new CatalogService(plans, images, promos, coupons, tx, clock);
        }
        return catalogService;
    }

    private synchronized OrderService orderService() {
        if (orderService == null) {
            orderService = new OrderService(catalog(), orders, tasks, instances, users, coupons, notifier(), wakeUp, tx,
                    clock, new OrderSettings(Duration.ofMinutes(paymentWindowMinutes), defaultRegion,
                    Duration.ofSeconds(provisioningTimeoutSeconds)), invoices, billingSettings());
        }
        return orderService;
    }

    private BillingSettings billingSettings() {
        return BillingSettings.defaults(publicBaseUrl).withTax(taxBasisPoints, taxLabel)
                .withReconciliation(Duration.ofSeconds(reconcileAfterSeconds), Duration.ofSeconds(reconcileEverySeconds))
                .withDepositBonus(depositBonusPercent, depositBonusMinimum);
    }

    private synchronized BillingService billing() {
        if (billingService == null) {
            billingService = new BillingService(invoices, paymentAttempts, payments, wallets, callbackLog, orders,
                    users, orderService(), paymentGateway, invoiceRenderer, notifier(), wakeUp, tx, clock,
                    billingSettings(), renewals());
        }
        return billingService;
    }

    private synchronized ProvisioningService provisioning() {
        if (provisioningService == null) {
            provisioningService = new ProvisioningService(tasks, orders, instances, users, cloudProvider, notifier(), tx,
                    clock, new ProvisioningSettings(Duration.ofMillis(pollMillis),
                    new Backoff(Duration.ofMillis(retryInitialMillis), Duration.ofMillis(retryMaxMillis)),
                    agentBaseUrl.map(String::trim).filter(v -> !v.isEmpty()).orElse(publicBaseUrl)),
                    instanceEvents, serverCredentials, serverPasswordHasher);
        }
        return provisioningService;
    }

    private id.webrana.cloud.application.service.LifecycleSettings lifecycleSettings() {
        var defaults = id.webrana.cloud.domain.provisioning.LifecyclePolicy.defaults();
        var policy = new id.webrana.cloud.domain.provisioning.LifecyclePolicy(Duration.ofHours(invoiceLeadHours),
                defaults.reminders(), Duration.ofHours(graceHours), Duration.ofHours(retentionHours));
        var d = id.webrana.cloud.application.service.LifecycleSettings.defaults();
        return new id.webrana.cloud.application.service.LifecycleSettings(policy, Duration.ofSeconds(statusCacheSeconds),
                actionsPerHour, Duration.ofHours(1), Duration.ofMinutes(passwordResetTimeoutMinutes), d.actionTimeout(),
                snapshotBeforeTerminate);
    }

    private synchronized id.webrana.cloud.application.service.Renewals renewals() {
        if (renewals == null) {
            renewals = new id.webrana.cloud.application.service.Renewals(instances, instanceEvents, invoices, wallets,
                    payments, users, notifier(), lifecycleSettings(), billingSettings());
        }
        return renewals;
    }

    private synchronized id.webrana.cloud.application.service.LifecycleService lifecycle() {
        if (lifecycleService == null) {
            lifecycleService = new id.webrana.cloud.application.service.LifecycleService(instances, instanceEvents,
                    instanceActions, serverCredentials, invoices, wallets, renewals(), cloudProvider, notifier(), tx,
                    clock, lifecycleSettings());
        }
        return lifecycleService;
    }

    private synchronized id.webrana.cloud.application.service.InstanceService instanceService() {
        if (instanceService == null) {
            instanceService = new id.webrana.cloud.application.service.InstanceService(instances, instanceActions,
                    instanceEvents, serverCredentials, orders, tasks, renewals(), lifecycle(), cloudProvider, wakeUp,
                    tx, clock, lifecycleSettings(), Duration.ofSeconds(provisioningTimeoutSeconds), users);
        }
        return instanceService;
    }

    @Produces @ApplicationScoped RegisterUserUseCase registerUser() { return accounts(); }
    @Produces @ApplicationScoped AuthenticationUseCase authentication() { return accounts(); }
    @Produces @ApplicationScoped PasswordRecoveryUseCase passwordRecovery() { return accounts(); }
    @Produces @ApplicationScoped EnsureAdminUseCase ensureAdmin() { return accounts(); }
    @Produces @ApplicationScoped BrowseCatalogUseCase browseCatalog() { return catalog(); }
    @Produces @ApplicationScoped QuotePriceUseCase quotePrice() { return catalog(); }
    @Produces @ApplicationScoped ManageCatalogUseCase manageCatalog() { return catalog(); }
    @Produces @ApplicationScoped PlaceOrderUseCase placeOrder() { return orderService(); }
    @Produces @ApplicationScoped ViewOrdersUseCase viewOrders() { return orderService(); }
    @Produces @ApplicationScoped AdminOrdersUseCase adminOrders() { return orderService(); }
    @Produces @ApplicationScoped ChangePaymentStatusUseCase changePaymentStatus() { return orderService(); }
    @Produces @ApplicationScoped ExpireUnpaidOrdersUseCase expireUnpaidOrders() { return orderService(); }
    @Produces @ApplicationScoped ProvisionServersUseCase provisionServers() { return provisioning(); }
    @Produces @ApplicationScoped InvoicesUseCase invoicesUseCase() { return billing(); }
    @Produces @ApplicationScoped WalletUseCase wallet() { return billing(); }
    @Produces @ApplicationScoped PaymentCallbackUseCase paymentCallbacks() { return billing(); }
    @Produces @ApplicationScoped ReconcilePaymentsUseCase reconcilePayments() { return billing(); }
    @Produces @ApplicationScoped AdminBillingUseCase adminBilling() { return billing(); }
    @Produces @ApplicationScoped NotificationsUseCase notificationsUseCase() { return notifications(); }
    @Produces @ApplicationScoped NotificationAdminUseCase notificationAdmin() { return notifications(); }
    @Produces @ApplicationScoped DispatchNotificationsUseCase dispatchNotifications() { return dispatcher(); }
    @Produces @ApplicationScoped id.webrana.cloud.application.port.in.InstancesUseCase instances() {
        return instanceService();
    }
    @Produces @ApplicationScoped id.webrana.cloud.application.port.in.AdminInstancesUseCase adminInstances() {
        return instanceService();
    }
    @Produces @ApplicationScoped id.webrana.cloud.application.port.in.ServerAgentUseCase serverAgent() {
        return instanceService();
    }
    @Produces @ApplicationScoped id.webrana.cloud.application.port.in.RunLifecycleUseCase runLifecycle() {
        return lifecycle();
    }
    // --- analytics ---
    @Produces @ApplicationScoped id.webrana.cloud.application.port.in.AnalyticsUseCase analytics() {
        return new id.webrana.cloud.application.service.AnalyticsService(analyticsQueries, tx);
    }
    // --- accounts: profile, sessions, operators' user admin ---
    @Produces @ApplicationScoped AdminUsersUseCase adminUsers() {
        return new id.webrana.cloud.application.service.AdminUsersService(users, orders, instances, wallets,
                refreshTokens, userAudit, tx, clock);
    }
    @Produces @ApplicationScoped id.webrana.cloud.application.port.in.ProfileUseCase profile() {
        return new id.webrana.cloud.application.service.AccountProfileService(users, refreshTokens, oneTimeTokens,
                hasher, userAudit, tx, clock);
    }
}
