package com.example.websockets.hub;

import com.example.websockets.broker.Broker.Logged;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Step 5: one Server-Sent Events subscriber. Javalin writes an event by blocking until the bytes
 * are out, so the hub never writes here itself: it queues, and a pool thread drains the queue.
 * A reader that falls {@code maxQueued} events behind is cut off, like a slow WebSocket.
 */
final class EventStream implements Subscriber {

    private record Event(String name, String data, String id) {
    }

    private final SseClient client;
    private final Executor writers;
    private final int maxQueued;
    private final Consumer<EventStream> onCutOff;
    private final ArrayDeque<Event> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean cutOff; // once cut off, it takes nothing more while it closes

    EventStream(SseClient client, Executor writers, int maxQueued, Consumer<EventStream> onCutOff) {
        this.client = client;
        this.writers = writers;
        this.maxQueued = maxQueued;
        this.onCutOff = onCutOff;
    }

    @Override
    public void notification(Logged notification) {
        queue(new Event("notification", notification.message(), String.valueOf(notification.id())));
    }

    @Override
    public void gap(String json) {
        queue(new Event("gap", json, null));
    }

    /** Says that what was missed has been sent, and everything new follows. */
    @Override
    public void subscribed(String json) {
        queue(new Event("subscribed", json, null));
    }

    /** A comment line: it keeps proxies from closing a quiet stream, and finds a dead reader. */
    void ping() {
        queue(new Event(null, "ping", null));
    }

    void close() {
        client.close();
    }

    private void queue(Event event) {
        synchronized (queue) {
            if (cutOff) {
                return;
            }
            if (queue.size() >= maxQueued) {
                cutOff = true;
                queue.clear();
                writers.execute(() -> onCutOff.accept(this));
                return;
            }
            queue.addLast(event);
            if (draining) {
                return;
            }
            draining = true;
        }
        writers.execute(this::drain);
    }

    private void drain() {
        while (!client.terminated()) {
            Event event;
            synchronized (queue) {
                event = queue.pollFirst();
                if (event == null) {
                    draining = false;
                    return;
                }
            }
            if (event.name() == null) {
                client.sendComment(event.data());
            } else {
                client.sendEvent(event.name(), event.data(), event.id());
            }
        }
    }
}
