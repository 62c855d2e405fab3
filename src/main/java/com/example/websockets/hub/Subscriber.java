package com.example.websockets.hub;

import com.example.websockets.broker.Broker.Logged;

/**
 * Step 5: anything the hub delivers to, a WebSocket or a Server-Sent Events stream. Both calls come
 * under the hub's lock, so they must only queue the text, never wait for a slow reader.
 */
interface Subscriber {

    /** A notification, as its id and its JSON. */
    void notification(Logged notification);

    /** Some notifications after the subscriber's last one are no longer kept. */
    void gap(String json);

    /** What was missed is out: from here on, everything new on these topics. */
    void subscribed(String json);
}
