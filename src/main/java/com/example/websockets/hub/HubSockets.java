package com.example.websockets.hub;

import com.example.websockets.app.Json;
import com.example.websockets.broker.Broker.Logged;
import com.example.websockets.production.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.List;

/**
 * Step 5's {@code /hub}: subscribers over a WebSocket. {@code ?topics=orders,lab} picks topics
 * (all without it); {@code ?after=41} catches up from notification 41 on; a subscriber may change
 * its topics with {@code {"type":"subscribe","topics":["orders","lab"]}}.
 */
final class HubSockets {

    private static final String TOPICS = "hub-topics";
    private static final String AFTER = "hub-after";
    private static final String HOW_TO_SUBSCRIBE = "Send {\"type\":\"subscribe\",\"topics\":[...]}";

    private final NotificationHub hub;

    HubSockets(NotificationHub hub) {
        this.hub = hub;
    }

    /**
     * A WebSocket subscriber; equal for the same socket, so the hub finds it again when it
     * closes.
     */
    private record SocketSubscriber(WsContext socket) implements Subscriber {

        @Override
        public void notification(Logged notification) {
            Outbox.send(socket, notification.message());
        }

        @Override
        public void gap(String json) {
            Outbox.send(socket, json);
        }

        @Override
        public void subscribed(String json) {
            Outbox.send(socket, json);
        }
    }

    /** What a subscriber may send: a new list of topics. */
    private record Subscribe(String type, List<String> topics) {
    }

    /** The handshake's topics and id are checked before it becomes a socket: a bad one gets 400. */
    void readSubscription(Context ctx) {
        try {
            ctx.attribute(TOPICS, Topics.parse(ctx.queryParam("topics")));
            ctx.attribute(AFTER, Topics.after(ctx.queryParam("after")));
        } catch (IllegalArgumentException bad) {
            Problem.answer(ctx, HttpStatus.BAD_REQUEST, bad.getMessage());
            ctx.skipRemainingHandlers();
        }
    }

    // What was missed comes first, then "subscribed": from there on, everything new.
    void subscribe(WsContext ctx) {
        hub.subscribe(new SocketSubscriber(ctx), ctx.attribute(TOPICS), ctx.attribute(AFTER));
    }

    void changeTopics(WsMessageContext ctx) {
        try {
            Subscribe message = Json.MAPPER.readValue(ctx.message(), Subscribe.class);
            if (message == null || !"subscribe".equals(message.type())
                    || message.topics() == null) {
                throw new IllegalArgumentException(HOW_TO_SUBSCRIBE);
            }
            hub.change(new SocketSubscriber(ctx), Topics.of(message.topics()));
        } catch (IllegalArgumentException bad) {
            Outbox.send(ctx, Json.write(new HubMessage.Error("bad-subscribe", bad.getMessage())));
        } catch (MismatchedInputException wrongShape) {
            Outbox.send(ctx, Json.write(new HubMessage.Error("bad-subscribe", HOW_TO_SUBSCRIBE)));
        } catch (JsonProcessingException malformed) {
            Outbox.send(ctx, Json.write(
                    new HubMessage.Error("bad-json", "The message is not valid JSON")));
        }
    }

    void unsubscribe(WsContext ctx) {
        hub.unsubscribe(new SocketSubscriber(ctx));
    }
}
