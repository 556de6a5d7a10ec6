package id.webrana.cloud.application.port.in;

/** UC: the background scheduler drives renewals, reminders, suspensions, terminations and running actions. */
public interface RunLifecycleUseCase {

    /**
     * Claims instances with a lifecycle step due ({@code FOR UPDATE SKIP LOCKED}) and performs their due
     * steps, each recorded under its per-period key so that it is done once however many schedulers run.
     *
     * @return how many instances were handled
     */
    int runDueLifecycleSteps(int maxInstances);

    /** Asks the provider how running actions stand and records the ones that ended. */
    int followRunningActions(int maxActions);
}
