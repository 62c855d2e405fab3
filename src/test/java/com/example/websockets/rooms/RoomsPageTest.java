package com.example.websockets.rooms;

import com.example.websockets.testing.RoomsUser;
import com.example.websockets.testing.Steps;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.RoomsUser.Tab;
import com.example.websockets.testing.Browser;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/** The rooms page at {@code /rooms}, in real headless Chromium windows. */
@Timeout(90)
class RoomsPageTest {

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

    private static Javalin app() {
        return WebSocketsApp.create(Map.of(), List.of(Steps.rooms(Map.of())));
    }

    private static void signInAndJoin(Browser browser, int port, String name, String room) {
        browser.load(port, "/rooms");
        browser.typeAndEnter("name", name);
        browser.awaitText("status", "open");
        browser.typeAndEnter("roomName", room);
        browser.awaitText("current", room);
    }

    @Test
    void two_users_chat_in_a_room_see_each_other_typing_and_whisper_and_markup_stays_text() {
        String markup = "<img src=x onerror=alert(1)>";
        JavalinTest.test(app(), (server, http) -> {
            signInAndJoin(alice, server.port(), "Alice", "general");
            signInAndJoin(bob, server.port(), "Bob", "general");
            alice.awaitText("present", "Alice, Bob");
            bob.awaitText("present", "Alice, Bob");

            bob.find("text").sendKeys("typing...");
            alice.awaitText("typing", "Bob is typing...");
            bob.find("text").clear();
            bob.typeAndEnter("text", markup);
            alice.awaitAsserted(() -> assertTrue(alice.messages().contains("Bob: " + markup),
                    alice.messages().toString()));
            assertTrue(alice.driver.findElements(By.cssSelector("#messages img")).isEmpty(),
                    "no image element");
            assertThrows(NoAlertPresentException.class, () -> alice.driver.switchTo().alert(),
                    "no alert ran");

            alice.find("to").sendKeys("Bob");
            alice.typeAndEnter("whisper", "psst");
            bob.awaitAsserted(() -> assertTrue(
                    bob.messages().contains("(private) Alice to Bob: psst"),
                    bob.messages().toString()));
        });
    }

    @Test
    void a_server_restarted_with_a_new_key_gets_the_page_to_ask_for_a_sign_in_again() {
        Javalin first = app().start(0);
        int port = first.port();
        signInAndJoin(alice, port, "Alice", "general");
        first.stop();
        // Without SESSION_SECRET every start makes a new key: the old cookie's handshake gets 401.
        Javalin second = app().start(port);
        try {
            alice.awaitText("problem", "Your sign-in has ended: please sign in again.");
            alice.awaitAsserted(() -> assertTrue(alice.find("signIn").isDisplayed(),
                    "the sign-in form is back"));
            alice.typeAndEnter("name", "Alice");
            alice.awaitText("status", "open");
        } finally {
            second.stop();
        }
    }

    @Test
    void after_its_socket_drops_a_page_shows_each_message_sent_meanwhile_exactly_once() {
        JavalinTest.test(app(), (server, http) -> {
            signInAndJoin(alice, server.port(), "Alice", "general");
            Tab carol = RoomsUser.signIn(server.port(), "Carol").open();
            carol.enter("general");
            carol.say("general", "before the drop");
            carol.next("message");
            alice.awaitAsserted(
                    () -> assertTrue(alice.messages().contains("Carol: before the drop")));

            alice.driver.executeScript("window.roomsSocket.close();");
            assertEquals("left", carol.next("presence").get("event").asText(),
                    "the server saw Alice go");
            List<String> meanwhile = List.of("while you were away 1", "while you were away 2",
                    "while you were away 3");
            meanwhile.forEach(text -> carol.say("general", text));

            alice.awaitText("status", "open"); // reconnected by itself
            carol.say("general", "live again");
            alice.awaitAsserted(() -> assertTrue(alice.messages().contains("Carol: live again")));
            List<String> shown = alice.messages();
            for (String text : List.of("before the drop", "while you were away 1",
                    "while you were away 2", "while you were away 3", "live again")) {
                assertEquals(1, Collections.frequency(shown, "Carol: " + text),
                        text + " in " + shown);
            }
            List<String> carols =
                    shown.stream().filter(line -> line.startsWith("Carol: ")).toList();
            assertEquals(List.of("Carol: before the drop", "Carol: while you were away 1",
                    "Carol: while you were away 2", "Carol: while you were away 3",
                    "Carol: live again"), carols, "in order");
        });
    }
}
