package id.webrana.cloud.application.port.out;

/**
 * Tells the provisioning worker that a task became due, so it starts at once instead of at its
 * next periodic look. Called after the task's transaction committed; losing a signal only delays
 * the task until that periodic look.
 */
public interface ProvisioningWakeUp {
    void taskDue();
}
