package id.webrana.cloud.application.port.in;

/** UC (system): move due provisioning tasks one step forward. Called by the background worker. */
public interface ProvisionServersUseCase {

    /** Processes up to {@code maxSteps} due steps; returns how many it processed. */
    int processDueTasks(int maxSteps);
}
