package com.example.websockets.rooms;

import com.example.websockets.rooms.ClientMessage.Join;
import com.example.websockets.rooms.ClientMessage.Leave;
import com.example.websockets.rooms.ClientMessage.Say;
import com.example.websockets.rooms.ClientMessage.Typing;
import com.example.websockets.rooms.ClientMessage.Whisper;
import com.example.websockets.rooms.Protocol.BadMessage;
import com.example.websockets.rooms.ServerMessage.Presence;
import com.example.websockets.rooms.ServerMessage.Said;
import com.example.websockets.rules.Outbox;
import io.javalin.websocket.WsContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 4's state: who is online (by name, with all their tabs), the rooms and their histories,
 * and what each message does to them. One lock guards it all, so a message is numbered, kept and
 * sent in one step, and a client joining at that moment gets it exactly once. Sends only queue,
 * so the lock is held for microseconds.
 */
final class RoomsHub {

    static final int MAX_TEXT = 2000;
    static final int MAX_ROOMS = 1000;
    private static final long TYPING_EVERY_NANOS = 1_000_000_000L;

    private final int historyKept;
    private final Map<String, Room> rooms = new LinkedHashMap<>();       // by Names.key
    private final Map<String, User> online = new HashMap<>();            // by Names.key
    private final Map<WsContext, User> users = new HashMap<>();
    // While the server stops, everyone leaves at once: no "left" notices to sockets that are closing.
    private boolean stopping;

    /** Someone online: their name as they chose it, their sign-in id, and their open tabs. */
    private static final class User {
        final String name;
        final String id;
        final Set<WsContext> tabs = new LinkedHashSet<>();
        final Map<String, Long> lastTyping = new HashMap<>();

        User(String name, String id) {
            this.name = name;
            this.id = id;
        }
    }

    /** One row of {@code GET /api/rooms}. */
    record RoomInfo(String name, int present) {
    }

    RoomsHub(int historyKept) {
        this.historyKept = historyKept;
    }

    /** True when {@code name} is online under another sign-in than {@code id}. */
    synchronized boolean isTakenByAnother(String name, String id) {
        User user = online.get(Names.key(name));
        return user != null && !user.id.equals(id);
    }

    synchronized void connect(WsContext tab, SessionCookie.Holder holder) {
        User user = online.computeIfAbsent(Names.key(holder.name()), key -> new User(holder.name(), holder.id()));
        user.tabs.add(tab);
        users.put(tab, user);
    }

    synchronized void stop() {
        stopping = true;
    }

    synchronized void disconnect(WsContext tab) {
        User user = users.remove(tab);
        if (user == null || stopping) {
            return; // a close after an error: already gone; or everyone is leaving
        }
        for (Room room : new ArrayList<>(rooms.values())) {
            if (room.contains(tab)) {
                exit(room, tab, user);
            }
        }
        user.tabs.remove(tab);
        if (user.tabs.isEmpty()) {
            online.remove(Names.key(user.name));
        }
    }

    synchronized List<RoomInfo> rooms() {
        return rooms.values().stream().filter(room -> !room.isEmpty())
                .map(room -> new RoomInfo(room.name, room.present().size())).toList();
    }

    // tag::receive[]
    /** Acts on one message from {@code tab}; a bad one is answered with an error to that tab only. */
    synchronized void receive(WsContext tab, ClientMessage message) {
        User user = users.get(tab);
        if (message instanceof Join join) {
            join(tab, user, join);
        } else if (message instanceof Leave leave) {
            exit(memberRoom(tab, leave.room()), tab, user);
        } else if (message instanceof Say say) {
            Said said = memberRoom(tab, say.room()).record(user.name, text(say.text()));
            sendToRoom(rooms.get(Names.key(said.room())), said, null);
        } else if (message instanceof Typing typing) {
            typing(tab, user, memberRoom(tab, typing.room()));
        } else if (message instanceof Whisper whisper) {
            whisper(user, whisper);
        }
    }
    // end::receive[]

    // tag::join[]
    private void join(WsContext tab, User user, Join join) {
        String name = roomName(join.room());
        Room room = rooms.get(Names.key(name));
        if (room == null) {
            room = newRoom(name);
            rooms.put(Names.key(name), room);
        }
        boolean arriving = room.enter(tab, user.name);
        // What it missed since join.after, or the recent history; said here, under the same lock
        // as every new message, so none can fall between the two or come twice.
        send(tab, new ServerMessage.Joined(room.name, room.present(), room.since(join.after()), room.lostSince(join.after())));
        if (arriving) {
            sendToRoom(room, new Presence(room.name, user.name, "came"), user);
        }
    }
    // end::join[]

    // An empty room keeps its history, so a client that drops and comes back misses nothing;
    // it is only forgotten when room is needed for new ones.
    private Room newRoom(String name) {
        if (rooms.size() >= MAX_ROOMS) {
            rooms.values().removeIf(Room::isEmpty);
        }
        if (rooms.size() >= MAX_ROOMS) {
            throw new BadMessage("too-many-rooms", "There are " + MAX_ROOMS + " rooms in use: join one of them");
        }
        return new Room(name, historyKept);
    }

    private void exit(Room room, WsContext tab, User user) {
        if (room.exit(tab)) {
            sendToRoom(room, new Presence(room.name, user.name, "left"), user);
        }
    }

    private void typing(WsContext tab, User user, Room room) {
        long now = System.nanoTime();
        Long last = user.lastTyping.get(room.name);
        if (last != null && now - last < TYPING_EVERY_NANOS) {
            return; // at most once a second per user and room
        }
        user.lastTyping.put(room.name, now);
        sendToRoom(room, new ServerMessage.Typing(room.name, user.name), user);
    }

    private void whisper(User from, Whisper whisper) {
        if (whisper.to() == null) {
            throw new BadMessage("bad-field", "to is required");
        }
        User to = online.get(Names.key(whisper.to()));
        if (to == null) {
            throw new BadMessage("no-such-user", "Nobody called " + whisper.to() + " is online");
        }
        ServerMessage.Private message = new ServerMessage.Private(from.name, to.name, text(whisper.text()),
                Instant.now().toString());
        Set<WsContext> tabs = new LinkedHashSet<>(to.tabs);
        tabs.addAll(from.tabs);
        String json = Protocol.write(message);
        tabs.forEach(tab -> Outbox.send(tab, json));
    }

    /** The room {@code tab} is in, by name; a bad or foreign room is the sender's error. */
    private Room memberRoom(WsContext tab, String roomName) {
        Room room = rooms.get(Names.key(roomName(roomName)));
        if (room == null || !room.contains(tab)) {
            throw new BadMessage("not-in-room", "You are not in the room " + roomName + ": join it first");
        }
        return room;
    }

    private static String roomName(String raw) {
        try {
            return Names.check("room", raw);
        } catch (IllegalArgumentException bad) {
            throw new BadMessage(raw == null ? "bad-field" : "bad-room-name", bad.getMessage());
        }
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

    /** Sends to every tab in the room, except those of {@code except} when given. */
    private static void sendToRoom(Room room, ServerMessage message, User except) {
        String json = Protocol.write(message);
        for (WsContext tab : room.connections()) {
            if (except == null || !except.tabs.contains(tab)) {
                Outbox.send(tab, json);
            }
        }
    }

    static void send(WsContext tab, ServerMessage message) {
        Outbox.send(tab, Protocol.write(message));
    }
}
