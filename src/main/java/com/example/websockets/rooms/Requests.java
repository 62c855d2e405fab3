package com.example.websockets.rooms;

import com.example.websockets.rooms.ClientMessage.Join;
import com.example.websockets.rooms.ClientMessage.Leave;
import com.example.websockets.rooms.ClientMessage.Say;
import com.example.websockets.rooms.ClientMessage.Typing;
import com.example.websockets.rooms.ClientMessage.Whisper;
import com.example.websockets.rooms.Protocol.BadMessage;
import com.example.websockets.rooms.Room.Member;
import com.example.websockets.rooms.ServerMessage.Said;
import com.example.websockets.broker.Broker;
import io.javalin.websocket.WsContext;
import java.time.Instant;
import java.util.List;

/**
 * Step 4: what a client asks over its socket, checked and done. A request that can't be done is
 * a {@link BadMessage}, answered with an error to that tab only.
 */
final class Requests {

    static final int MAX_TEXT = 2000;
    private static final long TYPING_EVERY_NANOS = 1_000_000_000L;

    private final Lobby lobby;
    private final Relay relay;

    Requests(Lobby lobby, Relay relay) {
        this.lobby = lobby;
        this.relay = relay;
        lobby.whenLostTrack(member -> catchUp(member.tab(), member.room(), member));
    }

    // tag::receive[]
    void handle(WsContext tab, ClientMessage message) {
        if (lobby.user(tab) == null) {
            return; // refused a moment ago, and closing
        }
        if (message instanceof Join join) {
            join(tab, roomName(join.room()), join.after() == null ? 0 : join.after());
        } else if (message instanceof Say say) {
            say(tab, say);
        } else if (message instanceof Leave leave) {
            lobby.leave(tab, roomName(leave.room()));
        } else if (message instanceof Typing typing) {
            typing(tab, lobby.memberRoom(tab, roomName(typing.room())));
        } else if (message instanceof Whisper whisper) {
            whisper(tab, whisper);
        }
    }
    // end::receive[]

    // tag::join[]
    private void join(WsContext tab, String room, long after) {
        catchUp(tab, room, lobby.enter(tab, room, after));
    }

    // The history is read outside the lobby's lock (the broker may be across the network); what
    // arrives meanwhile waits in the member, and goes out after it, each once.
    private void catchUp(WsContext tab, String room, Member member) {
        relay.history(room, lobby.lastSent(member)).whenComplete((missed, unreadable) -> {
            Relay.History history = unreadable == null ? missed
                    : new Relay.History(List.of(), true);
            if (!lobby.joined(tab, room, member, history)) {
                catchUp(tab, room, member); // the broker lost track while this was read
            }
        });
    }
    // end::join[]

    // Numbered and kept by the broker, then back in said() on every instance. The answer to a
    // failure says what happened: not sent, or not known (a retry with the same key is safe).
    private void say(WsContext tab, Say say) {
        Said unnumbered = new Said(lobby.memberRoom(tab, roomName(say.room())).name, 0,
                lobby.user(tab).name(), text(say.text()), Instant.now().toString());
        String key = say.key() == null ? null
                : lobby.user(tab).claim().holder().id() + ":" + key(say.key());
        relay.say(unnumbered, key).whenComplete((id, failure) -> {
            Throwable cause = Broker.cause(failure);
            if (cause instanceof Broker.Unavailable) {
                Lobby.send(tab, new ServerMessage.Error("unavailable",
                        "Not sent: messages can't be sent just now."
                                + " Try again in a few seconds", say.key()));
            } else if (cause != null) {
                Lobby.send(tab, new ServerMessage.Error("unknown",
                        "Not known whether it was sent: send it again"
                                + " with the same key, and the room gets it once", say.key()));
            }
        });
    }

    // At most once a second per user and room, however many tabs they type in.
    private void typing(WsContext tab, Room room) {
        Online.User user = lobby.user(tab);
        long now = System.nanoTime();
        Long last = user.lastTyping().get(Names.key(room.name));
        if (last != null && now - last < TYPING_EVERY_NANOS) {
            return;
        }
        user.lastTyping().put(Names.key(room.name), now);
        relay.send(new ServerMessage.Typing(room.name, user.name()));
    }

    private void whisper(WsContext tab, Whisper whisper) {
        if (whisper.to() == null) {
            throw new BadMessage("bad-field", "to is required");
        }
        SessionCookie.Holder to = lobby.holder(whisper.to());
        relay.send(new ServerMessage.Private(lobby.user(tab).name(), to.name(),
                text(whisper.text()), Instant.now().toString()));
    }

    private static String roomName(String raw) {
        try {
            return Names.check("room", raw);
        } catch (IllegalArgumentException bad) {
            throw new BadMessage(raw == null ? "bad-field" : "bad-room-name", bad.getMessage());
        }
    }

    private static String key(String key) {
        if (key.isEmpty() || key.length() > 100) {
            throw new BadMessage("bad-field", "key must be 1 to 100 characters");
        }
        return key;
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            throw new BadMessage("bad-field", "text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadMessage("too-long", "text is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }
}
