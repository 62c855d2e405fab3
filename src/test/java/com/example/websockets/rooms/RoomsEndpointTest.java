package com.example.websockets.rooms;

import com.example.websockets.testing.RoomsUser;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.RoomsUser.Tab;
import com.example.websockets.broker.Broker;
import com.example.websockets.app.Variables;
import com.example.websockets.testing.HeldBroker;
import com.example.websockets.testing.Steps;
import com.example.websockets.testing.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RoomsEndpointTest {

    private static Javalin app(Map<String, String> env) {
        return WebSocketsApp.create(env, List.of(Steps.rooms(env)));
    }

    private static Javalin app() {
        return app(Map.of());
    }

    @Test
    void a_session_secret_too_short_to_sign_with_stops_the_start_and_says_why() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> app(Map.of("SESSION_SECRET", "hunter2")));
        assertTrue(refused.getMessage().startsWith("SESSION_SECRET must be at least 32 bytes"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"), "a secret is never printed");
    }

    @Test
    void two_signed_in_users_chat_in_a_room() {
        JavalinTest.test(app(), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            alice.join("general");
            JsonNode joined = alice.next("joined");
            assertEquals("[\"Alice\"]", joined.get("present").toString());
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            bob.join("general");
            assertEquals("[\"Alice\",\"Bob\"]", bob.next("joined").get("present").toString());
            assertEquals("{\"type\":\"presence\",\"room\":\"general\",\"name\":\"Bob\","
                    + "\"event\":\"came\"}",
                    alice.next().toString());

            bob.say("general", "hi Alice");
            for (Tab tab : List.of(alice, bob)) {
                JsonNode said = tab.next("message");
                assertEquals("general", said.get("room").asText());
                assertTrue(said.get("id").asLong() > 0, "numbered: " + said);
                assertEquals("Bob", said.get("sender").asText());
                assertEquals("hi Alice", said.get("text").asText());
                assertFalse(said.get("time").asText().isEmpty());
            }
        });
    }

    @Test
    void signing_in_gives_a_signed_http_only_strict_cookie_and_the_socket_needs_it() {
        JavalinTest.test(app(), (server, http) -> {
            HttpResponse<String> answer =
                    RoomsUser.postSession(server.port(), "{\"name\": \"Alice\"}", null);
            assertEquals(200, answer.statusCode());
            assertEquals("{\"name\":\"Alice\"}", answer.body());
            String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);

            assertEquals(401, TestSocket.refusedHandshake(server.port(), "/rooms", Map.of()));
            String value = cookie.substring(0, cookie.indexOf(';'));
            String forged = value.replace("QWxpY2U", "TWFsbG9yeQ"); // "Alice" -> "Mallory",
                                                                    // same signature
            assertEquals(401, TestSocket.refusedHandshake(server.port(), "/rooms",
                    Map.of("Cookie", forged)));
            TestSocket.connect(server.port(), "/rooms", Map.of("Cookie", value), true).close();
        });
    }

    @Test
    void a_page_can_ask_whether_its_sign_in_still_holds() {
        JavalinTest.test(app(), (server, http) -> {
            RoomsUser alice = RoomsUser.signIn(server.port(), "Alice");
            assertEquals(200, http.get("/api/session",
                    request -> request.header("Cookie", alice.cookie)).code());
            assertEquals("{\"name\":\"Alice\"}",
                    http.get("/api/session", request -> request.header("Cookie", alice.cookie))
                            .body().string());
            assertEquals(401, http.get("/api/session").code());
            String forged = alice.cookie.replace("QWxpY2U", "TWFsbG9yeQ");
            assertEquals(401, http.get("/api/session",
                    request -> request.header("Cookie", forged)).code());
        });
    }

    @Test
    void a_bad_name_gets_400_with_the_reason_and_non_json_gets_415() {
        JavalinTest.test(app(), (server, http) -> {
            Map<String, String> bad = Map.of(
                    "{\"name\": \"\"}", "name is required",
                    "{}", "name is required",
                    "{\"name\": \" Alice\"}", "name may not start or end with a space",
                    "{\"name\": \"" + "a".repeat(33) + "\"}", "name is longer than 32 characters",
                    "{\"name\": \"<b>Alice</b>\"}",
                    "name may only hold letters, digits, spaces and _-.",
                    "not json", "Send JSON such as {\"name\": \"Alice\"}");
            bad.forEach((body, reason) -> {
                HttpResponse<String> answer = RoomsUser.postSession(server.port(), body, null);
                assertEquals(400, answer.statusCode(), body);
                assertEquals("{\"error\":" + RoomsUser.quote(reason) + "}", answer.body(), body);
            });
            // What a form on another site could send: refused, so it can't sign anyone in.
            assertEquals(415, RoomsUser.postSession(server.port(), "name=Alice", null,
                    "application/x-www-form-urlencoded").statusCode());
            // NFC: "e" and a combining accent become one "é".
            assertEquals("{\"name\":\"Ren\u00e9\"}", RoomsUser.postSession(server.port(),
                    "{\"name\": \"Rene\u0301\"}", null).body());
        });
    }

    @Test
    void a_name_online_is_taken_for_anyone_else_but_not_for_its_owner() {
        JavalinTest.test(app(), (server, http) -> {
            RoomsUser alice = RoomsUser.signIn(server.port(), "Alice");
            Tab tab = alice.open();
            tab.enter("general");
            HttpResponse<String> clash =
                    RoomsUser.postSession(server.port(), "{\"name\": \"ALICE\"}", null);
            assertEquals(409, clash.statusCode());
            assertEquals("{\"error\":\"Someone online is already called ALICE\"}", clash.body());
            assertEquals(200, RoomsUser.postSession(server.port(), "{\"name\": \"Alice\"}",
                    alice.cookie).statusCode());
            alice.open().socket().close(); // and a second tab of hers is welcome
        });
    }

    @Test
    void two_sign_ins_for_one_free_name_connecting_at_once_never_both_get_in() throws Exception {
        JavalinTest.test(app(), (server, http) -> {
            for (int round = 0; round < 20; round++) {
                String name = "Bob" + round;
                List<RoomsUser> bobs = List.of(RoomsUser.signIn(server.port(), name),
                        RoomsUser.signIn(server.port(), name));
                List<CompletableFuture<TestSocket>> tabs = bobs.stream()
                        .map(bob -> CompletableFuture.supplyAsync(() -> TestSocket.connect(
                                server.port(), "/rooms", Map.of("Cookie", bob.cookie), true))
                                .exceptionally(refused -> null))
                        .toList(); // 409: the other was in first
                List<TestSocket> sockets = tabs.stream().map(CompletableFuture::join)
                        .filter(Objects::nonNull).toList();
                // The one that lost may get past the handshake and be closed right after it.
                await().atMost(Duration.ofSeconds(10)).until(() -> sockets.stream()
                        .filter(socket -> socket.pollClose(Duration.ZERO) == null).count() <= 1);
                List<TestSocket> open = new ArrayList<>();
                for (TestSocket socket : sockets) {
                    TestSocket.Close closed = socket.pollClose(Duration.ZERO);
                    if (closed == null) {
                        open.add(socket);
                    } else {
                        assertEquals(1008, closed.code(), "the one that lost is told why");
                    }
                }
                assertEquals(1, open.size(), "exactly one " + name + " is in");
                new Tab(open.get(0)).enter("hall"); // and really in
                open.forEach(TestSocket::close);
            }
        });
    }

    @Test
    void one_person_cannot_take_every_room() {
        JavalinTest.test(app(), (server, http) -> {
            RoomsUser mallory = RoomsUser.signIn(server.port(), "Mallory");
            Tab first = mallory.open();
            for (int i = 0; i < RoomsHere.MAX_ROOMS_PER_TAB; i++) {
                first.enter("room " + i);
            }
            first.join("one too many");
            assertEquals("too-many-rooms-for-you", first.next("error").get("code").asText());
            first.enter("room 0"); // back in a room it is in: no new one
            Tab second = mallory.open();
            for (int i = RoomsHere.MAX_ROOMS_PER_TAB; i < RoomsHere.MAX_ROOMS_PER_USER; i++) {
                second.enter("room " + i);
            }
            second.join("one too many for the person");
            assertEquals("too-many-rooms-for-you", second.next("error").get("code").asText());
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            assertEquals("one too many", bob.enter("one too many").get("room").asText(),
                    "others still can");
        });
    }

    @Test
    void one_connection_is_in_several_rooms_and_ids_grow_in_each() {
        JavalinTest.test(app(), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            alice.enter("general");
            alice.enter("random");
            bob.enter("general");
            alice.next("presence");

            alice.say("random", "only for random");
            long inRandom = alice.next("message").get("id").asLong();
            alice.say("general", "for everyone here");
            alice.say("general", "again");
            JsonNode first = bob.next("message");
            assertEquals("general", first.get("room").asText(), "Bob isn't in random: " + first);
            long second = bob.next("message").get("id").asLong();
            assertTrue(inRandom < first.get("id").asLong() && first.get("id").asLong() < second,
                    first + " then " + second);
            assertEquals("[{\"name\":\"general\",\"present\":2},"
                    + "{\"name\":\"random\",\"present\":1}]",
                    http.get("/api/rooms").body().string());
        });
    }

    @Test
    void presence_is_told_once_per_person_even_with_two_tabs() {
        JavalinTest.test(app(), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            alice.enter("general");
            RoomsUser bob = RoomsUser.signIn(server.port(), "Bob");
            Tab bob1 = bob.open();
            Tab bob2 = bob.open();
            bob1.enter("general");
            bob2.enter("general");
            bob1.socket().close();
            bob2.say("general", "marker");
            assertEquals("came", alice.next("presence").get("event").asText());
            assertEquals("marker", alice.next("message").get("text").asText(),
                    "one arrival, no departure yet");
            bob2.socket().abort();
            assertEquals("left", alice.next("presence").get("event").asText());
        });
    }

    @Test
    void typing_goes_to_the_others_at_most_once_a_second() {
        JavalinTest.test(app(), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            for (Tab tab : List.of(alice, bob)) {
                tab.enter("general");
            }
            alice.next("presence");
            IntStream.range(0, 5).forEach(
                    i -> bob.send("{\"type\": \"typing\", \"room\": \"general\"}"));
            bob.say("general", "marker");
            assertEquals("{\"type\":\"typing\",\"room\":\"general\",\"name\":\"Bob\"}",
                    alice.next().toString());
            assertEquals("marker", alice.next("message").get("text").asText(),
                    "four more were dropped");
            assertEquals("marker", bob.next("message").get("text").asText(),
                    "Bob isn't told he types");
        });
    }

    @Test
    void leaving_a_room_forgets_when_its_user_last_typed_there() {
        JavalinTest.test(app(), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            alice.enter("general");
            bob.enter("general");
            alice.next("presence");
            bob.send("{\"type\": \"typing\", \"room\": \"general\"}");
            assertEquals("Bob", alice.next("typing").get("name").asText());
            bob.send("{\"type\": \"leave\", \"room\": \"general\"}");
            alice.next("presence");
            bob.enter("general");
            alice.next("presence");
            // Within the second: remembered, this one would be dropped (and the map kept growing
            // with every room a user ever typed in).
            bob.send("{\"type\": \"typing\", \"room\": \"general\"}");
            bob.say("general", "marker");
            assertEquals("typing", alice.next().get("type").asText(), "typing after coming back");
        });
    }

    @Test
    void a_private_message_reaches_every_tab_of_the_named_user_and_the_sender_only() {
        JavalinTest.test(app(), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            RoomsUser bob = RoomsUser.signIn(server.port(), "Bob");
            List<Tab> bobsTabs = List.of(bob.open(), bob.open());
            Tab carol = RoomsUser.signIn(server.port(), "Carol").open();
            for (Tab tab : List.of(alice, carol)) {
                tab.enter("general");
            }
            alice.next("presence");
            alice.send("{\"type\": \"private\", \"to\": \"bob\", \"text\": \"just for you\"}");
            for (Tab tab : List.of(alice, bobsTabs.get(0), bobsTabs.get(1))) {
                JsonNode message = tab.next("private");
                assertEquals(List.of("Alice", "Bob", "just for you"),
                        List.of(message.get("from").asText(), message.get("to").asText(),
                                message.get("text").asText()));
            }
            carol.say("general", "marker");
            assertEquals("marker", carol.next("message").get("text").asText(),
                    "Carol saw nothing before her own");
        });
    }

    @Test
    void a_newcomer_gets_the_recent_history() {
        JavalinTest.test(app(Map.of("ROOM_HISTORY", "3")), (server, http) -> {
            aliceAloneSaysFiveMessages(server.port());
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            bob.join("general");
            JsonNode joined = bob.next("joined");
            assertEquals(List.of("m3", "m4", "m5"), texts(joined.get("history")));
        });
    }

    @Test
    void a_client_that_drops_and_resumes_gets_what_it_missed_once_and_in_order() {
        JavalinTest.test(app(), (server, http) -> {
            RoomsUser alice = RoomsUser.signIn(server.port(), "Alice");
            Tab first = alice.open();
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            first.enter("general");
            bob.enter("general");
            first.next("presence");
            bob.say("general", "before");
            bob.next("message");
            long lastSeen = first.next("message").get("id").asLong();

            first.socket().abort(); // a phone in a tunnel
            assertEquals("left", bob.next("presence").get("event").asText());
            List.of("while away 1", "while away 2", "while away 3").forEach(text -> {
                bob.say("general", text);
                bob.next("message");
            });

            Tab again = alice.open();
            again.send("{\"type\": \"join\", \"room\": \"general\", \"after\": " + lastSeen + "}");
            JsonNode joined = again.next("joined");
            assertEquals(List.of("while away 1", "while away 2", "while away 3"),
                    texts(joined.get("history")));
            assertFalse(joined.get("gap").asBoolean());
            bob.say("general", "live again");
            assertEquals("live again", again.next("message").get("text").asText(), "nothing twice");
            assertEquals("came", bob.next("presence").get("event").asText(), "Alice is back");
        });
    }

    @Test
    void a_client_whose_missed_messages_are_gone_is_told_so_and_gets_what_is_left() {
        JavalinTest.test(app(Map.of("ROOM_HISTORY", "2")), (server, http) -> {
            aliceAloneSaysFiveMessages(server.port());
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            bob.send("{\"type\": \"join\", \"room\": \"general\", \"after\": 1}");
            JsonNode joined = bob.next("joined");
            assertTrue(joined.get("gap").asBoolean());
            assertEquals(List.of("m4", "m5"), texts(joined.get("history")));
        });
    }

    @Test
    void bad_input_is_answered_with_an_error_to_that_client_only_and_its_connection_stays() {
        JavalinTest.test(app(), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            for (Tab tab : List.of(alice, bob)) {
                tab.enter("general");
            }
            alice.next("presence");
            Map<String, String> codes = new java.util.LinkedHashMap<>();
            codes.put("not json", "bad-json");
            codes.put("{\"type\": \"dance\"}", "unknown-type");
            codes.put("{\"room\": \"general\"}", "bad-field");
            codes.put("{\"type\": \"join\"}", "bad-field");
            codes.put("{\"type\": \"join\", \"room\": \"general\", \"after\": \"yesterday\"}",
                    "bad-field");
            codes.put("{\"type\": \"join\", \"room\": \"no/slashes\"}", "bad-room-name");
            codes.put("{\"type\": \"message\", \"room\": \"general\"}", "bad-field");
            codes.put("{\"type\": \"message\", \"room\": \"general\", \"text\": \""
                    + "x".repeat(2001) + "\"}", "too-long");
            codes.put("{\"type\": \"message\", \"room\": \"elsewhere\", \"text\": \"hi\"}",
                    "not-in-room");
            codes.put("{\"type\": \"private\", \"to\": \"Nobody\", \"text\": \"hi\"}",
                    "no-such-user");
            List<String> answered = new ArrayList<>();
            codes.forEach((sent, code) -> {
                bob.send(sent);
                JsonNode error = bob.next("error");
                answered.add(error.get("code").asText());
                assertFalse(error.get("reason").asText().isEmpty(), sent);
            });
            assertEquals(new ArrayList<>(codes.values()), answered);
            bob.say("general", "still here");
            assertEquals("still here", alice.next("message").get("text").asText(),
                    "Alice heard none of it");
            assertEquals("still here", bob.next("message").get("text").asText());
        });
    }

    @Test
    void what_another_instance_says_that_this_one_cannot_read_is_skipped_and_the_rooms_go_on() {
        Broker broker = Broker.local();
        RoomsEndpoint rooms = new RoomsEndpoint(RoomsSettings.from(Variables.of(Map.of())), broker);
        JavalinTest.test(WebSocketsApp.create(Map.of(), List.of(rooms)), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            alice.enter("general");
            broker.publish("rooms:presence", "{\"type\": \"from a newer version\"}");
            broker.publish("rooms:events", "not json");
            broker.append(new Broker.Entry("rooms", List.of("general"), 100, "not a message",
                    null));
            alice.say("general", "still fine");
            assertEquals("still fine", alice.next("message").get("text").asText());
        });
    }

    @Test
    void a_tab_that_closes_while_the_rooms_catch_up_again_leaves_the_others_catching_up() {
        HeldBroker broker = new HeldBroker();
        RoomsEndpoint rooms = new RoomsEndpoint(RoomsSettings.from(Variables.of(Map.of())), broker);
        JavalinTest.test(WebSocketsApp.create(Map.of(), List.of(rooms)), (server, http) -> {
            Tab alice = RoomsUser.signIn(server.port(), "Alice").open();
            alice.enter("general");
            Tab bob = RoomsUser.signIn(server.port(), "Bob").open();
            bob.enter("general");
            alice.next("presence");
            broker.holdReads();
            CompletableFuture<Void> lost =
                    CompletableFuture.runAsync(() -> broker.loseTrack("rooms"));
            broker.awaitAHeldRead(); // Alice's catch-up reads; Bob's is next
            bob.socket().close();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    http.get("/api/rooms").body().string().contains("\"present\":1"));
            broker.letGo();
            lost.get(10, TimeUnit.SECONDS); // fails if catching up Bob, who left, threw
            assertEquals(List.of("Alice"), names(alice.next("joined").get("present")),
                    "who is here now, as a tab that catches up learns it");
            alice.say("general", "still here");
            assertEquals("still here", alice.next("message").get("text").asText());
        });
    }

    /** Alice, alone in "general", says m1 to m5. */
    private static void aliceAloneSaysFiveMessages(int port) {
        Tab alice = RoomsUser.signIn(port, "Alice").open();
        alice.enter("general");
        for (int n = 1; n <= 5; n++) {
            alice.say("general", "m" + n);
            alice.next("message");
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> texts.add(message.get("text").asText()));
        return texts;
    }
}
