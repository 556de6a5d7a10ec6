package id.webrana.cloud.bootstrap;

import id.webrana.cloud.application.port.in.EnsureAdminUseCase;
import id.webrana.cloud.application.port.in.ExpireUnpaidOrdersUseCase;
import id.webrana.cloud.application.port.in.ProvisionServersUseCase;
import id.webrana.cloud.application.port.out.ProvisioningWakeUp;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background work of one server: provisioning workers and the order-expiry sweep, on threads
 * from the container's managed thread factory.
 *
 * <p>Provisioning is event-driven: {@link #taskDue()} (called after a payment commits) wakes a
 * worker at once. Workers also look for due tasks every {@code PROVISIONING_IDLE_POLL_MILLIS}
 * (default 1 s), which covers retries that come due, tasks left by a crashed process, and
 * payments confirmed on another server. All claims go through {@code FOR UPDATE SKIP LOCKED},
 * so any number of workers on any number of servers never run one task twice.
 */
@ApplicationScoped
public class BackgroundWorkers implements ProvisioningWakeUp {

    private static final Logger LOG = Logger.getLogger(BackgroundWorkers.class.getName());

    @Inject ApplicationStartup startup;
    @Inject Instance<ProvisionServersUseCase> provisioning;
    @Inject Instance<ExpireUnpaidOrdersUseCase> expiry;
    @Inject Instance<id.webrana.cloud.application.port.in.ReconcilePaymentsUseCase> reconciliation;
    @Inject Instance<id.webrana.cloud.application.port.in.DispatchNotificationsUseCase> notificationDispatch;
    @Inject Instance<id.webrana.cloud.application.port.in.NotificationsUseCase> notificationsUseCase;
    @Inject Instance<id.webrana.cloud.application.port.out.TelegramBot> telegram;
    @Inject Instance<id.webrana.cloud.application.port.in.RunLifecycleUseCase> lifecycle;
    /** How often the lifecycle scheduler looks for due steps and follows running actions. */
    @Inject @ConfigProperty(name = "LIFECYCLE_POLL_MILLIS", defaultValue = "2000")
    long lifecyclePollMillis;
    /** How long the notification dispatcher sleeps when nothing was due. */
    @Inject @ConfigProperty(name = "NOTIFY_POLL_MILLIS", defaultValue = "1000")
    long notifyPollMillis;
    /** Telegram allows one getUpdates poller per bot: turn it off on all but one server of a cluster. */
    @Inject @ConfigProperty(name = "TELEGRAM_POLLING_ENABLED", defaultValue = "true")
    boolean telegramPolling;
    /** How often the billing sweep runs: lost-callback checks and expiry of unpaid top-ups. */
    @Inject @ConfigProperty(name = "PAYMENT_RECONCILE_SWEEP_SECONDS", defaultValue = "30")
    long reconcileSweepSeconds;
    /** How often unpaid orders past their deadline are expired. */
    @Inject @ConfigProperty(name = "ORDER_EXPIRY_SWEEP_SECONDS", defaultValue = "30")
    long expirySweepSeconds;
    @Inject Instance<EnsureAdminUseCase> ensureAdmin;

    @Inject @ConfigProperty(name = "PROVISIONING_WORKERS", defaultValue = "2")
    int workerCount;
    @Inject @ConfigProperty(name = "PROVISIONING_IDLE_POLL_MILLIS", defaultValue = "1000")
    long idlePollMillis;
    @Inject @ConfigProperty(name = "BACKGROUND_WORKERS_ENABLED", defaultValue = "true")
    boolean enabled;
    @Inject @ConfigProperty(name = "ADMIN_EMAIL")
    Optional<String> adminEmail;
    @Inject @ConfigProperty(name = "ADMIN_PASSWORD")
    Optional<String> adminPassword;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition due = lock.newCondition();
    private int pendingSignals;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private boolean started;

    synchronized void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (started) {
            return;
        }
        started = true;
        startup.ensureStarted(); // the schema first
        createFirstAdmin();
        if (!enabled) {
            LOG.info("Background workers disabled (BACKGROUND_WORKERS_ENABLED=false)");
            return;
        }
        running = true;
        ThreadFactory factory = threadFactory();
        for (int i = 0; i < Math.max(1, workerCount); i++) {
            Thread t = factory.newThread(this::provisioningLoop);
            t.setName("webrana-provisioning-" + i);
            threads.add(t);
            t.start();
        }
        Thread sweeper = factory.newThread(this::expiryLoop);
        sweeper.setName("webrana-order-expiry");
        threads.add(sweeper);
        Thread billing = factory.newThread(this::billingLoop);
        billing.setName("webrana-payment-reconciliation");
        threads.add(billing);
        billing.start();
        Thread dispatcher = factory.newThread(this::notificationLoop);
        dispatcher.setName("webrana-notification-dispatcher");
        threads.add(dispatcher);
        dispatcher.start();
        if (telegramPolling && telegram.get().isConfigured()) {
            Thread poller = factory.newThread(this::telegramLoop);
            poller.setName("webrana-telegram-updates");
            threads.add(poller);
            poller.start();
        }
        Thread lifecycleThread = factory.newThread(this::lifecycleLoop);
        lifecycleThread.setName("webrana-lifecycle");
        threads.add(lifecycleThread);
        lifecycleThread.start();
        sweeper.start();
        LOG.info(() -> "Started " + workerCount + " provisioning worker(s) and the order-expiry sweep");
    }

    private void createFirstAdmin() {
        String email = adminEmail.orElse("").trim();
        String password = adminPassword.orElse("");
        boolean demo = email.isBlank() || password.isBlank();
        if (demo) {
            email = "admin@webrana.local";
            password = "Admin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        }
        try {
            boolean created = ensureAdmin.get().ensureAdmin(email, password.toCharArray(), "WeBrana Admin");
            if (created && demo) {
                String shown = email + " / " + password;
                LOG.warning(() -> "No ADMIN_EMAIL/ADMIN_PASSWORD set: created the demo admin " + shown
                        + " (shown once; set ADMIN_EMAIL and ADMIN_PASSWORD in production)");
            } else if (created) {
                String shown = email;
                LOG.info(() -> "Created the first admin " + shown);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not create the first admin", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static ThreadFactory threadFactory() {
        try {
            return (ManagedThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (Exception e) {
            LOG.warning("No managed thread factory (" + e + "); using plain daemon threads");
            return r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            };
        }
    }

    @Override
    public void taskDue() {
        lock.lock();
        try {
            pendingSignals++;
            due.signal();
        } finally {
            lock.unlock();
        }
    }

    private void provisioningLoop() {
        while (running) {
            int processed = 0;
            try {
                processed = provisioning.get().processDueTasks(20);
            } catch (Throwable e) { // a worker must outlive any failure of one pass (an Error too)
                LOG.log(Level.WARNING, "Provisioning worker pass failed; continuing", e);
            }
            if (processed == 0) {
                awaitSignal(idlePollMillis);
            }
        }
    }

    private void awaitSignal(long millis) {
        lock.lock();
        try {
            if (pendingSignals == 0 && running) {
                due.await(millis, TimeUnit.MILLISECONDS);
            }
            pendingSignals = Math.max(0, pendingSignals - 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void expiryLoop() {
        while (running) {
            try {
                int expired = expiry.get().expireOverdueOrders(100);
                if (expired > 0) {
                    LOG.info(() -> "Expired " + expired + " unpaid order(s)");
                }
                Thread.sleep(Math.max(1, expirySweepSeconds) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "Order expiry sweep failed; continuing", e);
                try {
                    Thread.sleep(Math.max(1, expirySweepSeconds) * 1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void notificationLoop() {
        while (running) {
            int claimed = 0;
            try {
                claimed = notificationDispatch.get().dispatchDue(20);
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "Notification dispatch pass failed; continuing", e);
            }
            if (claimed == 0) {
                try {
                    Thread.sleep(Math.max(50, notifyPollMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void telegramLoop() {
        while (running) {
            try {
                long started = System.nanoTime();
                int handled = notificationsUseCase.get().pollTelegramUpdates(); // long polls up to TELEGRAM_POLL_SECONDS
                if (handled == 0 && System.nanoTime() - started < 1_000_000_000L) {
                    // nothing and at once: Telegram refused (409 another poller, 401, circuit open) — don't spin
                    Thread.sleep(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "Telegram update poll failed; retrying in 5 s", e);
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Renewals, reminders, suspensions, terminations, and running actions. Every server runs this loop;
     * instances are claimed with SKIP LOCKED and steps are keyed, so no step happens twice.
     */
    private void lifecycleLoop() {
        while (running) {
            try {
                lifecycle.get().runDueLifecycleSteps(50);
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "Lifecycle pass failed; continuing", e);
            }
            try { // on its own: a failing lifecycle pass must not stop running actions from being followed
                lifecycle.get().followRunningActions(50);
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "Following running actions failed; continuing", e);
            }
            try {
                Thread.sleep(Math.max(100, lifecyclePollMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void billingLoop() {
        while (running) {
            try {
                int checked = reconciliation.get().reconcileOpenTransactions(50);
                int expired = reconciliation.get().expireOverdueInvoices(100);
                if (checked > 0 || expired > 0) {
                    LOG.info(() -> "Payment reconciliation: " + checked + " transaction(s) settled from the gateway, "
                            + expired + " invoice(s) expired");
                }
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "Payment reconciliation sweep failed; continuing", e);
            }
            try {
                Thread.sleep(Math.max(1, reconcileSweepSeconds) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        lock.lock();
        try {
            due.signalAll();
        } finally {
            lock.unlock();
        }
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
