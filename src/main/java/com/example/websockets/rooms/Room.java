package com.example.websockets.rooms;

import com.example.websockets.rooms.ServerMessage.Said;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room of step 4 on this instance: which connections are in it, whose they are, and the last
 * message each was sent. Its history is kept by the broker, shared by every instance. Not
 * thread-safe: {@link RoomsHub} guards every room.
 */
final class Room {

    final String name;
    private final Map<WsContext, Member> members = new LinkedHashMap<>();

    /** A connection in the room: its user, the last id it was sent, and what came while it caught up. */
    static final class Member {
        final String user;
        long lastSent;
        List<Said> waiting = new ArrayList<>(); // null once caught up

        Member(String user) {
            this.user = user;
        }

        boolean caughtUp() {
            return waiting == null;
        }
    }

    Room(String name) {
        this.name = name;
    }

    /** Adds a connection, catching up; true if its user wasn't here yet, in any tab. */
    boolean enter(WsContext connection, String user) {
        boolean arriving = members.values().stream().noneMatch(member -> member.user.equals(user));
        members.put(connection, new Member(user));
        return arriving;
    }

    /** Removes a connection; true if that was its user's last tab here. */
    boolean exit(WsContext connection) {
        Member gone = members.remove(connection);
        return gone != null && members.values().stream().noneMatch(member -> member.user.equals(gone.user));
    }

    Member member(WsContext connection) {
        return members.get(connection);
    }

    boolean contains(WsContext connection) {
        return members.containsKey(connection);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** A copy: a send that fails closes its connection at once, and the close takes it out of the room. */
    Map<WsContext, Member> members() {
        return new LinkedHashMap<>(members);
    }
}
