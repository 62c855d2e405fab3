package com.example.websockets.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.AppInstance;
import com.example.websockets.testing.Browser;
import com.example.websockets.testing.RedisServer;
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
    private Map<String, String> env;
    private Browser alice;
    private Browser bob;
    private Browser carol;
    private AppInstance onA;
    private AppInstance onB;

    private AppInstance start(int port) {
        return AppInstance.start(env, port, "rooms");
    }

    @AfterEach
    void stopAll() {
        Browser.closeAll(alice, bob, carol);
        for (AppInstance instance : new AppInstance[] {onA, onB}) {
            if (instance != null) {
                instance.close();
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
        browser.awaitAsserted(() -> assertTrue(browser.messages().contains(line),
                browser.messages().toString()));
    }

    @Test
    void two_windows_on_two_instances_chat_in_one_room_and_its_history_outlives_a_restart() {
        redis = RedisServer.startFresh();
        env = Map.of("REDIS_URL", redis.url(),
                "SESSION_SECRET", "the same on every instance, 32 bytes or more");
        alice = Browser.open();
        bob = Browser.open();
        onA = start(0);
        onB = start(0);
        int portOfB = onB.port();

        signInAndJoin(alice, onA.port(), "Alice");
        signInAndJoin(bob, portOfB, "Bob");
        alice.awaitText("present", "Alice, Bob");
        bob.awaitText("present", "Alice, Bob");
        say(alice, "hello from A");
        say(bob, "hello from B");
        awaitShown(bob, "Alice: hello from A");
        awaitShown(alice, "Bob: hello from B");

        onB.close();
        alice.awaitText("present", "Alice"); // B said goodbye
        say(alice, "while B restarts");
        awaitShown(alice, "Alice: while B restarts");
        onB = start(portOfB);

        // Bob's page reconnects by itself and picks up what it missed, once.
        awaitShown(bob, "Alice: while B restarts");
        alice.awaitText("present", "Alice, Bob");
        assertEquals(1, Collections.frequency(bob.messages(), "Alice: hello from A"),
                bob.messages().toString());

        // A newcomer on the restarted instance gets the room's history, from Redis.
        carol = Browser.open();
        signInAndJoin(carol, portOfB, "Carol");
        carol.awaitAsserted(() -> assertEquals(
                List.of("Alice: hello from A", "Bob: hello from B", "Alice: while B restarts"),
                carol.messages().stream().filter(line -> line.contains(": ")).toList()));
    }
}
