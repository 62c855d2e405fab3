package com.example.websockets.rooms;

import com.example.websockets.rooms.ServerMessage.Said;
import io.javalin.websocket.WsContext;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room of step 4: which connections are in it (and whose they are), and its recent messages,
 * numbered from 1. Not thread-safe: {@link RoomsHub} guards every room.
 */
final class Room {

    final String name;
    private final int kept;
    private final Map<WsContext, String> members = new LinkedHashMap<>();
    private final Deque<Said> history = new ArrayDeque<>();
    private long lastId;

    Room(String name, int kept) {
        this.name = name;
        this.kept = kept;
    }

    /** Adds a connection; true if its user wasn't here yet, in any tab. */
    boolean enter(WsContext connection, String user) {
        boolean arriving = !members.containsValue(user);
        members.put(connection, user);
        return arriving;
    }

    /** Removes a connection; true if that was its user's last tab here. */
    boolean exit(WsContext connection) {
        String user = members.remove(connection);
        return user != null && !members.containsValue(user);
    }

    boolean contains(WsContext connection) {
        return members.containsKey(connection);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    List<WsContext> connections() {
        return List.copyOf(members.keySet());
    }

    List<String> present() {
        return members.values().stream().distinct().toList();
    }

    /** Numbers a new message, keeps it in the history, and returns it. */
    Said record(String sender, String text) {
        Said said = new Said(name, ++lastId, sender, text, Instant.now().toString());
        history.addLast(said);
        while (history.size() > kept) {
            history.removeFirst();
        }
        return said;
    }

    /** The kept messages after id {@code after} (all of them when null), oldest first. */
    List<Said> since(Long after) {
        return history.stream().filter(said -> after == null || said.id() > after).toList();
    }

    /** True when some messages after {@code after} are no longer kept. */
    boolean lostSince(Long after) {
        long oldestKept = history.isEmpty() ? lastId + 1 : history.peekFirst().id();
        return after != null && after + 1 < oldestKept && after < lastId;
    }
}
