package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.TelegramBot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A Telegram bot that records the messages it sends, answers scripted failures ({@link #failNext}) and hands out
 * queued updates ({@link #receive}) like {@code getUpdates}: those at or after the offset. Thread-safe.
 */
public final class FakeTelegramBot implements TelegramBot {

    /** A message the bot sent. */
    public record Sent(String chatId, String html) {
    }

    private final boolean configured;
    private final String username;
    private final List<Sent> sent = new ArrayList<>();
    private final Deque<DeliveryException> failures = new ArrayDeque<>();
    private final List<Update> updates = new ArrayList<>();
    private long nextUpdateId = 100;
    private int sendAttempts;
    private final List<String> attemptedChats = new ArrayList<>();
    private final List<Long> offsetsAsked = new ArrayList<>();
    private final Deque<DeliveryException> updateFailures = new ArrayDeque<>();

    private FakeTelegramBot(boolean configured, String username) {
        this.configured = configured;
        this.username = username;
    }

    public static FakeTelegramBot configured(String username) {
        return new FakeTelegramBot(true, username);
    }

    public static FakeTelegramBot notConfigured() {
        return new FakeTelegramBot(false, null);
    }

    @Override
    public boolean isConfigured() {
        return configured;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public synchronized void sendMessage(String chatId, String htmlText) throws DeliveryException {
        if (!configured) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "no bot token");
        }
        sendAttempts++;
        attemptedChats.add(chatId);
        DeliveryException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        sent.add(new Sent(chatId, htmlText));
    }

    @Override
    public synchronized List<Update> updates(long offset, int timeoutSeconds) throws DeliveryException {
        offsetsAsked.add(offset);
        DeliveryException failure = updateFailures.poll();
        if (failure != null) {
            throw failure;
        }
        return updates.stream().filter(u -> u.updateId() >= offset).toList();
    }

    /** A user writes {@code text} to the bot in their private chat {@code chatId}. */
    public synchronized FakeTelegramBot receive(String chatId, String text) {
        return receive(chatId, Update.PRIVATE, text);
    }

    /** A user writes {@code text} to the bot in chat {@code chatId} of type {@code chatType} (group, ...). */
    public synchronized FakeTelegramBot receive(String chatId, String chatType, String text) {
        updates.add(new Update(nextUpdateId++, chatId, chatType, text, "Budi"));
        return this;
    }

    /** How many times {@code sendMessage} was called, failed calls included. */
    public synchronized int sendAttempts() {
        return sendAttempts;
    }

    /** The chat of every {@code sendMessage} call, in order, failed calls included. */
    public synchronized List<String> attemptedChats() {
        return List.copyOf(attemptedChats);
    }

    public synchronized FakeTelegramBot failNext(DeliveryException... next) {
        failures.addAll(List.of(next));
        return this;
    }

    /** The next {@code getUpdates} calls fail with these. */
    public synchronized FakeTelegramBot failUpdatesNext(DeliveryException... next) {
        updateFailures.addAll(List.of(next));
        return this;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Sent> sentTo(String chatId) {
        return sent.stream().filter(s -> s.chatId().equals(chatId)).toList();
    }

    public synchronized List<Long> offsetsAsked() {
        return List.copyOf(offsetsAsked);
    }
}
