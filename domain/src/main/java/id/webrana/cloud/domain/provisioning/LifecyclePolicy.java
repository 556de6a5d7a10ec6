package id.webrana.cloud.domain.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When each step of an instance's paid life is due, as a pure function of the instance, the time
 * and the steps already recorded.
 *
 * <p>For the period ending at {@code P = expiresAt}: the renewal invoice at
 * {@code P - min(invoiceLead, period/2)}; reminders at {@code P - 7d, 3d, 1d, 8h} (only those after
 * the period started: a daily server gets the 8-hour one); {@code GRACE_STARTED} at {@code P}; a
 * final warning one day before the grace ends; {@code SUSPEND} at {@code P + grace}. A suspension
 * for non-payment ends in {@code TERMINATE} after {@code retention}, or in {@code UNSUSPEND} as
 * soon as the instance is paid beyond now.
 *
 * <p>Every step has a key made of the step and the period ({@code REMINDER_3D:<P>}), recorded once
 * done; a step whose key is recorded is never due again. <b>Catching up:</b> after a downtime
 * several steps can be due at once. Invoices, suspensions, unsuspensions and terminations are never
 * skipped (in order, so a long-overdue server is suspended before it is terminated, and terminated
 * only {@code retention} after its actual suspension). Notices (reminders and grace warnings) are
 * only worth sending if they are the latest one due: the earlier ones are returned {@link Due#stale()
 * stale}, to be recorded as skipped, not sent.
 */
public record LifecyclePolicy(Duration invoiceLead, List<Reminder> reminders, Duration grace, Duration retention) {

    /** The steps, in the order they fall due within one period. */
    public enum Step {
        RENEWAL_INVOICE, REMINDER, GRACE_STARTED, GRACE_FINAL_WARNING, SUSPEND, UNSUSPEND, TERMINATE;

        boolean isNotice() {
            return this == REMINDER || this == GRACE_STARTED || this == GRACE_FINAL_WARNING;
        }
    }

    /** A reminder {@code before} the expiry, named e.g. {@code 7D} or {@code 8H}. */
    public record Reminder(String name, Duration before) {
        public Reminder {
            Objects.requireNonNull(name);
            if (before == null || before.isNegative() || before.isZero()) {
                throw new IllegalArgumentException("a reminder must come before the expiry");
            }
        }
    }

    /**
     * A step due now.
     *
     * @param key   the idempotency key to record
     * @param label for reminders the reminder's name ({@code 3D}), else null
     * @param at    when it fell due
     * @param stale a notice overtaken by a later one: record it as skipped, do not send it
     */
    public record Due(Step step, String key, String label, Instant at, boolean stale) {
    }

    private static final Duration FINAL_WARNING_BEFORE_SUSPENSION = Duration.ofDays(1);

    public LifecyclePolicy {
        Objects.requireNonNull(invoiceLead);
        reminders = List.copyOf(reminders);
        Objects.requireNonNull(grace);
        Objects.requireNonNull(retention);
        if (grace.isNegative() || retention.isNegative() || invoiceLead.isNegative()) {
            throw new IllegalArgumentException("lifecycle durations must not be negative");
        }
    }

    /** The defaults: invoice 7 days ahead, reminders 7d/3d/1d/8h, 3 days' grace, 7 days' retention. */
    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(Duration.ofDays(7), List.of(new Reminder("7D", Duration.ofDays(7)),
                new Reminder("3D", Duration.ofDays(3)), new Reminder("1D", Duration.ofDays(1)),
                new Reminder("8H", Duration.ofHours(8))), Duration.ofDays(3), Duration.ofDays(7));
    }

    /** The steps due at {@code now} and not recorded yet, oldest first. */
    public List<Due> due(Instance instance, Instant now, Set<String> done) {
        List<Due> due = schedule(instance).stream()
                .filter(s -> !s.at().isAfter(now) && !done.contains(s.key())).toList();
        boolean suspensionDue = due.stream().anyMatch(d -> d.step() == Step.SUSPEND);
        Due latestNotice = due.stream().filter(d -> d.step().isNotice()).reduce((a, b) -> b).orElse(null);
        List<Due> result = new ArrayList<>();
        for (Due d : due) {
            boolean stale = d.step().isNotice() && (suspensionDue || d != latestNotice);
            result.add(stale ? new Due(d.step(), d.key(), d.label(), d.at(), true) : d);
        }
        return result;
    }

    /** When the next step not yet recorded falls due after {@code now}; null when none ever will. */
    public Instant nextCheck(Instance instance, Instant now, Set<String> done) {
        return schedule(instance).stream().filter(s -> s.at().isAfter(now) && !done.contains(s.key()))
                .map(Due::at).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Every step of the instance's current situation with its time, due or not. */
    List<Due> schedule(Instance instance) {
        List<Due> steps = new ArrayList<>();
        Instant p = instance.expiresAt();
        String period = ":" + p;
        switch (instance.status()) {
            case TERMINATED -> { }
            case SUSPENDED -> {
                if (instance.suspension() == Instance.Suspension.NON_PAYMENT) {
                    if (instance.suspendedAt() != null) {
                        steps.add(new Due(Step.UNSUSPEND, "UNSUSPEND:" + instance.suspendedAt(), null,
                                instance.expiresAt().isAfter(instance.suspendedAt()) ? instance.suspendedAt()
                                        : Instant.MAX, false));
                        steps.add(new Due(Step.TERMINATE, "TERMINATE:" + instance.suspendedAt(), null,
                                instance.suspendedAt().plus(retention), false));
                    }
                }
            }
            case ACTIVE -> {
                Instant start = instance.periodStart();
                Duration length = Duration.between(start, p);
                Duration lead = invoiceLead.compareTo(length.dividedBy(2)) < 0 ? invoiceLead : length.dividedBy(2);
                steps.add(new Due(Step.RENEWAL_INVOICE, "RENEWAL_INVOICE" + period, null, p.minus(lead), false));
                for (Reminder r : reminders) {
                    Instant at = p.minus(r.before());
                    if (at.isAfter(start)) {
                        steps.add(new Due(Step.REMINDER, "REMINDER_" + r.name() + period, r.name(), at, false));
                    }
                }
                steps.add(new Due(Step.GRACE_STARTED, "GRACE_STARTED" + period, null, p, false));
                if (grace.compareTo(FINAL_WARNING_BEFORE_SUSPENSION) > 0) {
                    steps.add(new Due(Step.GRACE_FINAL_WARNING, "GRACE_FINAL_WARNING" + period, null,
                            p.plus(grace).minus(FINAL_WARNING_BEFORE_SUSPENSION), false));
                }
                steps.add(new Due(Step.SUSPEND, "SUSPEND" + period, null, p.plus(grace), false));
            }
        }
        steps.sort(Comparator.comparing(Due::at).thenComparing(d -> d.step().ordinal()));
        return steps;
    }

    /** When the instance will be suspended if its renewal stays unpaid. */
    public Instant suspensionAt(Instance instance) {
        return instance.expiresAt().plus(grace);
    }

    /** When a suspended instance will be terminated (null unless suspended for non-payment). */
    public Instant terminationAt(Instance instance) {
        return instance.status() == Instance.Status.SUSPENDED
                && instance.suspension() == Instance.Suspension.NON_PAYMENT && instance.suspendedAt() != null
                ? instance.suspendedAt().plus(retention) : null;
    }
}
