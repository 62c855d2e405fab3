package com.example.websockets.hub;

/**
 * Step 5: anything the hub delivers to, a WebSocket or a Server-Sent Events stream. Both calls come
 * under the hub's lock, so they must only queue the text, never wait for a slow reader.
 */
interface Subscriber {

    void notification(long id, String json);

    /** Some notifications after the subscriber's last one are no longer kept. */
    void gap(String json);
}
