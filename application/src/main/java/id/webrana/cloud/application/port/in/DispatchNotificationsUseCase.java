package id.webrana.cloud.application.port.in;

/** UC (system): deliver the notifications waiting in the outbox. Called by a background worker. */
public interface DispatchNotificationsUseCase {

    /**
     * Claims up to {@code max} due outbox rows, delivers each on its channel and records the outcome.
     *
     * @return how many rows were claimed (0: nothing was due)
     */
    int dispatchDue(int max);
}
