package com.example.websockets.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.rules.Broker;
import com.example.websockets.rules.Settings;
import com.example.websockets.testing.Browser;
import com.example.websockets.testing.RedisServer;
import io.javalin.Javalin;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Step 6's "done when", in real Chromium windows: two people on two instances chat in one room,
 * see each other in it, and the room's history is still there after one instance restarts.
 */
@Timeout(120)
class RoomsPagesAcrossInstancesTest {

    private RedisServer redis;
    private Settings settings;
    private Browser alice;
    private Browser bob;
    private Browser carol;
    private Instance onA;
    private Instance onB;

    /** One instance: the app and the broker it shares the rooms through. */
    private record Instance(Javalin app, Broker broker) {
        void stop() {
            app.stop();
            broker.close();
        }
    }

    private Instance start(int port) {
        Broker broker = Broker.from(settings);
        return new Instance(WebSocketsApp.create(settings, List.of(new RoomsEndpoint(settings, broker))).start(port), broker);
    }

    @AfterEach
    void stopAll() {
        Browser.closeAll(alice, bob, carol);
        for (Instance instance : new Instance[] {onA, onB}) {
            if (instance != null) {
                instance.stop();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static void signInAndJoin(Browser browser, int port, String name) {
        browser.load(port, "/rooms");
        browser.typeAndEnter("name", name);
        browser.awaitText("status", "open");
        browser.typeAndEnter("roomName", "general");
        browser.awaitText("current", "general");
    }

    private static void say(Browser browser, String text) {
        browser.typeAndEnter("text", text);
    }

    private static void awaitShown(Browser browser, String line) {
        browser.awaitAsserted(() -> assertTrue(browser.messages().contains(line), browser.messages().toString()));
    }

    @Test
    void two_windows_on_two_instances_chat_in_one_room_and_its_history_outlives_a_restart() {
        redis = RedisServer.startFresh();
        settings = Settings.from(Map.of("REDIS_URL", redis.url(), "SESSION_SECRET", "the same on every instance"));
        alice = Browser.open();
        bob = Browser.open();
        onA = start(0);
        onB = start(0);
        int portOfB = onB.app().port();

        signInAndJoin(alice, onA.app().port(), "Alice");
        signInAndJoin(bob, portOfB, "Bob");
        alice.awaitText("present", "Alice, Bob");
        bob.awaitText("present", "Alice, Bob");
        say(alice, "hello from A");
        say(bob, "hello from B");
        awaitShown(bob, "Alice: hello from A");
        awaitShown(alice, "Bob: hello from B");

        onB.stop();
        alice.awaitText("present", "Alice"); // B said goodbye
        say(alice, "while B restarts");
        awaitShown(alice, "Alice: while B restarts");
        onB = start(portOfB);

        // Bob's page reconnects by itself and picks up what it missed, once.
        awaitShown(bob, "Alice: while B restarts");
        alice.awaitText("present", "Alice, Bob");
        assertEquals(1, Collections.frequency(bob.messages(), "Alice: hello from A"), bob.messages().toString());

        // A newcomer on the restarted instance gets the room's history, from Redis.
        carol = Browser.open();
        signInAndJoin(carol, portOfB, "Carol");
        carol.awaitAsserted(() -> assertEquals(List.of("Alice: hello from A", "Bob: hello from B", "Alice: while B restarts"),
                carol.messages().stream().filter(line -> line.contains(": ")).toList()));
    }
}
