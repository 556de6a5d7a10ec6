package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.Notifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The outbox: notifications are recorded in the caller's transaction, so one whose transaction
 * rolled back is gone, as with the real transactional outbox.
 */
public final class RecordingNotifier implements Notifier, TransactionalResource {

    private List<Notification> sent = new ArrayList<>();

    @Override
    public void notify(Notification notification) {
        sent.add(notification);
    }

    public List<Notification> sent() {
        return List.copyOf(sent);
    }

    public List<Notification> sent(String template) {
        return sent.stream().filter(n -> n.template().equals(template)).toList();
    }

    /** The only notification of this template, failing if there is none or more than one. */
    public Notification only(String template) {
        List<Notification> found = sent(template);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + template + " notification but found " + found);
        }
        return found.get(0);
    }

    @Override
    public Object snapshot() {
        return List.copyOf(sent);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        sent = new ArrayList<>((List<Notification>) snapshot);
    }
}
