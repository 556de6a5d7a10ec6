package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.ProvisioningWakeUp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records wake-up signals, each with whether a transaction was still running when it came (it
 * must not: the worker would look before the task is committed) and what a probe saw then.
 */
public final class RecordingWakeUp implements ProvisioningWakeUp {

    /** One signal: was a transaction running, and what the probe saw at that moment. */
    public record Signal(boolean insideTransaction, Object observed) {
    }

    private final FakeTransactionRunner tx;
    private final List<Signal> signals = new ArrayList<>();
    private Supplier<?> probe = () -> null;

    public RecordingWakeUp(FakeTransactionRunner tx) {
        this.tx = tx;
    }

    /** What to look at when a signal comes, e.g. whether the task is stored. */
    public void observeOnSignal(Supplier<?> probe) {
        this.probe = probe;
    }

    @Override
    public void taskDue() {
        signals.add(new Signal(tx.isActive(), probe.get()));
    }

    public List<Signal> signals() {
        return List.copyOf(signals);
    }
}
