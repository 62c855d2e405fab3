package com.example.websockets.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.rooms.Presence.Moved;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Step 4's presence across instances: a person is in a room while any instance says so. */
class PresenceTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final Presence presence = new Presence(30_000, now::get);

    @Test
    void a_person_comes_once_and_leaves_once_whatever_instances_they_are_on() {
        assertEquals(Optional.of(new Moved("general", "Alice", true)),
                presence.came("a", "General", "Alice"));
        assertEquals(Optional.empty(), presence.came("b", "general", "Alice"),
                "already there, through a");
        assertEquals(List.of("Alice"), presence.present("GENERAL"));
        assertEquals(Optional.empty(), presence.left("a", "General", "Alice"),
                "still there, through b");
        assertEquals(Optional.of(new Moved("general", "Alice", false)),
                presence.left("b", "general", "Alice"));
        assertEquals(List.of(), presence.present("general"));
        assertEquals(List.of(), presence.rooms());
    }

    @Test
    void an_instance_silent_for_longer_than_the_timeout_is_forgotten_with_its_users() {
        presence.heard("self");
        presence.came("self", "general", "Bob");
        presence.heard("crashed");
        presence.online("crashed",
                new Presence.Claim(new SessionCookie.Holder("Alice", "id-a"), 1));
        presence.came("crashed", "general", "Alice");
        now.addAndGet(30_000);
        assertEquals(List.of(), presence.expire("self"), "not yet: exactly the timeout");
        now.addAndGet(1);
        assertEquals(List.of(new Moved("general", "Alice", false)), presence.expire("self"));
        assertEquals(List.of("Bob"), presence.present("general"),
                "this instance is never forgotten");
        assertTrue(presence.holder("alice").isEmpty(), "her name is free again");
    }

    @Test
    void what_an_instance_says_it_has_replaces_what_it_had_and_only_real_changes_are_moves() {
        presence.came("b", "general", "Alice");
        presence.came("b", "general", "Carol");
        List<Moved> moves = presence.replace("b", new PresenceNews.Everyone("b",
                List.of(new Presence.Claim(new SessionCookie.Holder("Alice", "id-a"), 1)),
                Map.of("general", List.of("Alice", "Dave"))));
        assertEquals(List.of(new Moved("general", "Carol", false),
                new Moved("general", "Dave", true)), moves);
        assertEquals(List.of("Alice", "Dave"), presence.present("general"));
        assertEquals("id-a", presence.holder("ALICE").orElseThrow().id());
        assertEquals(List.of(new Presence.RoomInfo("general", 2)), presence.rooms());
    }

    @Test
    void an_instance_that_says_goodbye_takes_its_users_along_unless_another_has_them() {
        presence.came("a", "general", "Alice");
        presence.came("b", "general", "Alice");
        presence.came("b", "general", "Bob");
        assertEquals(List.of(new Moved("general", "Bob", false)), presence.forget("b"));
        assertEquals(List.of("Alice"), presence.present("general"));
    }

    @Test
    void of_two_people_who_took_one_name_on_two_instances_the_earlier_keeps_it() {
        Presence.Claim early = new Presence.Claim(new SessionCookie.Holder("Bob", "id-1"), 100);
        Presence.Claim late = new Presence.Claim(new SessionCookie.Holder("bob", "id-2"), 200);
        presence.online("a", early);
        presence.online("b", late);
        assertTrue(presence.outranked("b", late), "b's Bob sees a's, which came first");
        assertFalse(presence.outranked("a", early), "so a's Bob keeps the name");
    }
}
