package com.example.websockets.instances;

import com.example.websockets.broker.Broker;
import com.example.websockets.chat.ConnectionManager;

/**
 * Step 6: the chapter's {@link ConnectionManager}, across instances. A broadcast goes to the
 * broker, and every instance, this one included, sends what the broker brings to its own
 * clients: so all of them see one conversation, in one order.
 */
public final class SharedConnectionManager extends ConnectionManager {

    private static final String CHANNEL = "chat";
    private final Broker broker;

    // tag::shared-chat[]
    public SharedConnectionManager(Broker broker) {
        this.broker = broker;
        broker.subscribe(CHANNEL, super::broadcast); // to the clients of this instance
    }

    @Override
    public void broadcast(String message) {
        broker.publish(CHANNEL, message); // to every instance, this one included
    }
    // end::shared-chat[]
}
