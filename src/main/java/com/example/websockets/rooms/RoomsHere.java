package com.example.websockets.rooms;

import com.example.websockets.rooms.Presence.Moved;
import io.javalin.websocket.WsContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 4: the rooms that someone is in on this instance, by name. There are at most
 * {@link #MAX_ROOMS}, and one person can't take them all: a tab may be in
 * {@link #MAX_ROOMS_PER_TAB}, a person, in all their tabs on this instance, in
 * {@link #MAX_ROOMS_PER_USER}. Not thread-safe: the {@link Lobby}'s lock guards it.
 */
final class RoomsHere {

    static final int MAX_ROOMS = 1000;
    static final int MAX_ROOMS_PER_TAB = 10;
    static final int MAX_ROOMS_PER_USER = 20;

    private final Map<String, Room> byKey = new LinkedHashMap<>(); // by Names.key

    Room get(String name) {
        return byKey.get(Names.key(name));
    }

    /** The room {@code tab} may enter, made if new; or refused if one of the limits says no. */
    Room toEnter(String name, WsContext tab, Set<WsContext> tabsOfItsUser) {
        Room room = get(name);
        if (room != null && room.contains(tab)) {
            return room; // in it already: joining again is catching up, not one more room
        }
        long ofTab = byKey.values().stream().filter(each -> each.contains(tab)).count();
        long ofUser = byKey.values().stream()
                .filter(each -> tabsOfItsUser.stream().anyMatch(each::contains)).count();
        boolean newToUser = room == null || tabsOfItsUser.stream().noneMatch(room::contains);
        if (ofTab >= MAX_ROOMS_PER_TAB || newToUser && ofUser >= MAX_ROOMS_PER_USER) {
            throw new Protocol.BadMessage("too-many-rooms-for-you", "You are in " + ofUser
                    + " rooms (at most " + MAX_ROOMS_PER_USER + ", and " + MAX_ROOMS_PER_TAB
                    + " in one tab): leave one first");
        }
        if (room == null) {
            // Its history is the broker's; here it holds only this instance's tabs, and past the
            // limit a new one is refused rather than memory grown without bound.
            if (byKey.size() >= MAX_ROOMS) {
                throw new Protocol.BadMessage("too-many-rooms",
                        "There are " + MAX_ROOMS + " rooms in use: join one of them");
            }
            room = new Room(name);
            byKey.put(Names.key(name), room);
        }
        return room;
    }

    /** The room {@code tab} is in, by name; a room it isn't in is the sender's error. */
    Room of(WsContext tab, String name) {
        Room room = get(name);
        if (room == null || !room.contains(tab)) {
            throw new Protocol.BadMessage("not-in-room",
                    "You are not in the room " + name + ": join it first");
        }
        return room;
    }

    List<Room> with(WsContext tab) {
        return byKey.values().stream().filter(room -> room.contains(tab)).toList();
    }

    Collection<Room> all() {
        return List.copyOf(byKey.values());
    }

    void forgetIfEmpty(Room room) {
        if (room.isEmpty()) {
            byKey.remove(Names.key(room.name));
        }
    }

    /** Tells the tabs here in the room that someone came or left, except that person's own tabs. */
    void tell(Moved moved) {
        Room room = byKey.get(moved.room());
        if (room != null) {
            String event = moved.came() ? "came" : "left";
            room.tell(new ServerMessage.Presence(room.name, moved.name(), event), moved.name());
        }
    }
}
