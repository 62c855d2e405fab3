package com.example.websockets.rooms;

import com.example.websockets.app.Json;
import com.example.websockets.broker.CatchUp;
import com.example.websockets.production.Outbox;
import io.javalin.websocket.WsContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One room of step 4 on this instance: which connections are in it, whose they are, and how far
 * each has been sent the room's messages. Its history is kept by the broker, shared by every
 * instance. Not thread-safe: the {@link Lobby}'s lock guards every room.
 */
final class Room {

    final String name;
    private final Map<WsContext, Member> members = new LinkedHashMap<>();

    /** A tab in a room: its user, the room's name, and its way from history to what is new. */
    record Member(WsContext tab, String user, String room, CatchUp catchUp) {
    }

    Room(String name) {
        this.name = name;
    }

    /**
     * Adds a connection, catching up from {@code after}; true if its user wasn't here yet, in any
     * tab.
     */
    boolean enter(WsContext connection, String user, long after) {
        boolean arriving = members.values().stream().noneMatch(member -> member.user.equals(user));
        members.put(connection, new Member(connection, user, name,
                CatchUp.after(after, said -> Outbox.send(connection, said.message()))));
        return arriving;
    }

    /** Removes a connection; true if that was its user's last tab here. */
    boolean exit(WsContext connection) {
        Member gone = members.remove(connection);
        return gone != null
                && members.values().stream().noneMatch(member -> member.user.equals(gone.user));
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

    /**
     * The message as this instance names the room: another may have been first to spell it
     * differently.
     */
    ServerMessage.Said own(ServerMessage.Said said) {
        return new ServerMessage.Said(name, said.id(), said.sender(), said.text(), said.time());
    }

    /** Sends to every caught-up tab in the room, except those of the user called {@code except}. */
    void tell(ServerMessage message, String except) {
        String json = Json.write(message);
        members().forEach((tab, member) -> {
            if (member.catchUp().isCaughtUp()
                    && !Names.key(member.user()).equals(Names.key(except))) {
                Outbox.send(tab, json);
            }
        });
    }

    /**
     * A copy: a send that fails closes its connection at once, and the close takes it out of the
     * room.
     */
    Map<WsContext, Member> members() {
        return new LinkedHashMap<>(members);
    }
}
