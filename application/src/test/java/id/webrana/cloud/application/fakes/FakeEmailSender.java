package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.EmailSender;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * An SMTP server that records what it accepts. Failures can be scripted ({@link #failNext}); a hook runs while a
 * message is being sent ({@link #whileSending}), which lets a test act in the middle of a send. Thread-safe.
 */
public final class FakeEmailSender implements EmailSender {

    private final List<EmailMessage> sent = new ArrayList<>();
    private final Deque<DeliveryException> failures = new ArrayDeque<>();
    private volatile Consumer<EmailMessage> whileSending = m -> { };
    private int attempts;

    @Override
    public void send(EmailMessage message) throws DeliveryException {
        DeliveryException failure;
        synchronized (this) {
            attempts++;
            failure = failures.poll();
        }
        whileSending.accept(message);
        if (failure != null) {
            throw failure;
        }
        synchronized (this) {
            sent.add(message);
        }
    }

    /** The next sends fail with these, in order; later sends succeed. */
    public synchronized FakeEmailSender failNext(DeliveryException... next) {
        failures.addAll(List.of(next));
        return this;
    }

    public void whileSending(Consumer<EmailMessage> hook) {
        whileSending = hook;
    }

    public synchronized List<EmailMessage> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<EmailMessage> sentTo(String to) {
        return sent.stream().filter(m -> m.to().equals(to)).toList();
    }

    public synchronized int attempts() {
        return attempts;
    }
}
