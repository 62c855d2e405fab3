package com.example.websockets.chat;

import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.chapter.Screenshots;
import com.example.websockets.testing.OpenSockets;
import com.example.websockets.testing.Browser;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/** The chat page at {@code /chat}: two headless Chromium windows chatting through the real app. */
@Timeout(90)
class ChatPageTest {

    private Browser alice;
    private Browser bob;

    @BeforeEach
    void openBrowsers() {
        alice = Browser.open();
        bob = Browser.open();
    }

    @AfterEach
    void closeBrowsers() {
        Browser.closeAll(alice, bob);
    }

    private static Javalin chatApp() {
        return WebSocketsApp.create(Map.of(), List.of(new ChatEndpoint()));
    }

    @Test
    void two_pages_chat_and_a_page_that_closes_is_announced_to_the_other() throws IOException {
        JavalinTest.test(chatApp(), (server, http) -> {
            alice.connect(server.port(), "/chat");
            bob.connect(server.port(), "/chat");
            OpenSockets.await(server.port(), "/chat", 2); // both joined before anyone speaks
            alice.typeAndEnter("Hi Bob!");
            bob.awaitMessages(List.of("User says: Hi Bob!"));
            bob.typeAndEnter("Hi Alice! Enter sends, and the box keeps the focus.");
            List<String> conversation = List.of("User says: Hi Bob!",
                    "User says: Hi Alice! Enter sends, and the box keeps the focus.");
            alice.awaitMessages(conversation);
            bob.awaitMessages(conversation);
            assertEquals(bob.find("msgInput"), bob.driver.switchTo().activeElement(),
                    "the input keeps the focus");
            assertEquals("", bob.find("msgInput").getAttribute("value"));
            Screenshots.sideBySide("chat-two-tabs.png", alice.screenshot(), bob.screenshot());

            alice.close(); // closing the window closes its socket
            bob.awaitMessages(List.of("User says: Hi Bob!",
                    "User says: Hi Alice! Enter sends, and the box keeps the focus.",
                    "A user has left the chat"));
        });
    }

    @Test
    void markup_in_a_message_is_shown_as_text_and_never_run() {
        String attack = "<img src=x onerror=alert(1)>";
        JavalinTest.test(chatApp(), (server, http) -> {
            alice.connect(server.port(), "/chat");
            bob.connect(server.port(), "/chat");
            OpenSockets.await(server.port(), "/chat", 2); // both joined before anyone speaks
            alice.typeAndEnter(attack);
            for (Browser browser : List.of(alice, bob)) {
                browser.awaitMessages(List.of("User says: " + attack));
                assertTrue(browser.driver.findElements(By.cssSelector("#messages img")).isEmpty(),
                        "no image element");
                assertThrows(NoAlertPresentException.class,
                        () -> browser.driver.switchTo().alert(), "no alert ran");
            }
        });
    }

    @Test
    void the_page_reconnects_after_the_server_restarts_and_chat_works_again() throws IOException {
        int port = freePort();
        Javalin first = chatApp().start(port);
        alice.connect(port, "/chat");
        first.stop();
        alice.awaitAsserted(() -> assertTrue(alice.text("status").contains("reconnecting"),
                alice.text("status")));

        Javalin second = chatApp().start(port);
        try {
            alice.awaitText("status", "open");
            alice.typeAndEnter("back again");
            alice.awaitMessages(List.of("User says: back again"));
        } finally {
            second.stop();
        }
    }

    @Test
    void reconnect_delays_grow_to_ten_seconds_and_are_spread_at_random() {
        JavalinTest.test(chatApp(), (server, http) -> {
            alice.load(server.port(), "/chat");
            for (int attempt = 1; attempt <= 8; attempt++) {
                double ceiling = Math.min(500 * Math.pow(2, attempt - 1), 10_000);
                @SuppressWarnings("unchecked")
                List<Number> delays = (List<Number>) alice.driver.executeScript(
                        "return Array.from({length: 50}, () => retryDelay(arguments[0]));",
                        attempt);
                for (Number delay : delays) {
                    double ms = delay.doubleValue();
                    assertTrue(ms >= ceiling / 2 && ms <= ceiling,
                            "attempt " + attempt + ": " + ms + " ms");
                }
                // Tabs dropped together must not come back together: 50 draws are not all alike.
                assertTrue(delays.stream().map(Number::doubleValue).distinct().count() > 40,
                        "attempt " + attempt + ": " + delays);
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
