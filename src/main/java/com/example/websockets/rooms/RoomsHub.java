package com.example.websockets.rooms;

import com.example.websockets.rooms.ClientMessage.Join;
import com.example.websockets.rooms.ClientMessage.Leave;
import com.example.websockets.rooms.ClientMessage.Say;
import com.example.websockets.rooms.ClientMessage.Typing;
import com.example.websockets.rooms.ClientMessage.Whisper;
import com.example.websockets.rooms.Presence.Moved;
import com.example.websockets.rooms.Protocol.BadMessage;
import com.example.websockets.rooms.Room.Member;
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
import java.util.UUID;

/**
 * Step 4's state on this instance: who is online here (by name, with all their tabs), the rooms
 * their tabs are in, and what each message does. Messages, typing, private messages and presence
 * go through the {@link Relay} to every instance, this one included, and come back to
 * {@link #said}, {@link #event} and {@link #news}. One lock guards it all; the relay's broker is
 * only called outside it (it may be Redis, across the network), except to publish, which never waits.
 */
final class RoomsHub implements Relay.Listener {

    static final int MAX_TEXT = 2000;
    static final int MAX_ROOMS = 1000;
    private static final long TYPING_EVERY_NANOS = 1_000_000_000L;

    /** This instance, as the others know it. */
    final String instance = UUID.randomUUID().toString();
    private final Relay relay;
    private final Presence presence;
    private final Map<String, Room> rooms = new LinkedHashMap<>();       // by Names.key, only rooms with someone here
    private final Map<String, User> online = new HashMap<>();            // by Names.key
    private final Map<WsContext, User> users = new HashMap<>();
    // While the server stops, everyone leaves at once: no "left" notices to sockets that are closing.
    private boolean stopping;

    /** Someone online here: their name as they chose it, their sign-in, and their open tabs. */
    private static final class User {
        final SessionCookie.Holder holder;
        final Set<WsContext> tabs = new LinkedHashSet<>();
        final Map<String, Long> lastTyping = new HashMap<>();

        User(SessionCookie.Holder holder) {
            this.holder = holder;
        }

        String name() {
            return holder.name();
        }
    }

    /** One row of {@code GET /api/rooms}. */
    record RoomInfo(String name, int present) {
    }

    RoomsHub(Relay relay, Presence presence) {
        this.relay = relay;
        this.presence = presence;
        relay.listen(this);
    }

    /** Asks the other instances who they have. */
    synchronized void start() {
        presence.heard(instance);
        relay.tell(new PresenceNews.Hello(instance));
    }

    /** Tells the others everyone here, which also tells them this instance is alive. */
    synchronized void beat() {
        presence.heard(instance);
        relay.tell(presence.everyone(instance));
    }

    /** Forgets the other instances that have been silent for longer than the timeout: their users leave. */
    synchronized void expire() {
        presence.expire(instance).forEach(this::tell);
    }

    /** Says goodbye, so the other instances let this one's users leave at once. */
    synchronized void stop() {
        stopping = true;
        relay.tell(new PresenceNews.Bye(instance));
    }

    /** True when {@code name} is online, on any instance, under another sign-in than {@code id}. */
    synchronized boolean isTakenByAnother(String name, String id) {
        return presence.holder(name).filter(holder -> !holder.id().equals(id)).isPresent();
    }

    synchronized void connect(WsContext tab, SessionCookie.Holder holder) {
        User user = online.computeIfAbsent(Names.key(holder.name()), key -> {
            presence.online(instance, holder);
            relay.tell(new PresenceNews.Online(instance, holder));
            return new User(holder);
        });
        user.tabs.add(tab);
        users.put(tab, user);
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
            online.remove(Names.key(user.name()));
            presence.offline(instance, user.name());
            relay.tell(new PresenceNews.Offline(instance, user.name()));
        }
    }

    synchronized List<RoomInfo> rooms() {
        return presence.rooms();
    }

    // tag::receive[]
    /** Acts on one message from {@code tab}; a bad one is answered with an error to that tab only. */
    void receive(WsContext tab, ClientMessage message) {
        if (message instanceof Join join) {
            join(tab, join);
        } else if (message instanceof Say say) {
            Said unnumbered;
            synchronized (this) {
                unnumbered = new Said(memberRoom(tab, say.room()).name, 0, users.get(tab).name(), text(say.text()),
                        Instant.now().toString());
            }
            try {
                relay.say(unnumbered); // numbered and kept by the broker, and back in said() on every instance
            } catch (IllegalStateException unavailable) {
                throw new BadMessage("unavailable", "Messages can't be sent just now: try again in a few seconds");
            }
        } else {
            synchronized (this) {
                User user = users.get(tab);
                if (message instanceof Leave leave) {
                    exit(memberRoom(tab, leave.room()), tab, user);
                } else if (message instanceof Typing typing) {
                    typing(user, memberRoom(tab, typing.room()));
                } else if (message instanceof Whisper whisper) {
                    whisper(user, whisper);
                }
            }
        }
    }
    // end::receive[]

    // tag::join[]
    private void join(WsContext tab, Join join) {
        String name = roomName(join.room());
        long after = join.after() == null ? 0 : join.after();
        Member member;
        synchronized (this) {
            Room room = rooms.get(Names.key(name));
            if (room == null) {
                room = newRoom(name);
            }
            User user = users.get(tab);
            if (room.enter(tab, user.name())) {
                presence.came(instance, room.name, user.name()).ifPresent(this::tell);
                relay.tell(new PresenceNews.Came(instance, room.name, user.name()));
            }
            member = room.member(tab);
        }
        // The history is read outside the lock (the broker may be across the network); messages
        // that arrive meanwhile wait in the member, and the id check sends none of them twice.
        Relay.History missed;
        try {
            missed = relay.history(name, after);
        } catch (IllegalStateException unavailable) {
            missed = new Relay.History(List.of(), true);
        }
        synchronized (this) {
            Room room = rooms.get(Names.key(name));
            if (room == null || room.member(tab) != member) {
                return; // left, or closed, meanwhile
            }
            List<Said> history = missed.messages().stream().map(said -> inRoom(room, said)).toList();
            send(tab, new ServerMessage.Joined(room.name, presence.present(room.name), history, missed.gap()));
            member.lastSent = Math.max(after, history.isEmpty() ? 0 : history.get(history.size() - 1).id());
            List<Said> waiting = member.waiting;
            member.waiting = null;
            waiting.forEach(said -> deliver(tab, member, said.id(), Protocol.write(said)));
        }
    }
    // end::join[]

    // tag::said[]
    /** A message of a room, numbered, from any instance: to every tab in that room here. */
    @Override
    public synchronized void said(Said said) {
        Room room = rooms.get(Names.key(said.room()));
        if (room == null) {
            return;
        }
        Said here = inRoom(room, said);
        String json = Protocol.write(here);
        room.members().forEach((tab, member) -> {
            if (member.caughtUp()) {
                deliver(tab, member, here.id(), json);
            } else {
                member.waiting.add(here); // sent once its history is out
            }
        });
    }
    // end::said[]

    @Override
    public synchronized void event(ServerMessage event) {
        if (event instanceof ServerMessage.Typing typing) {
            Room room = rooms.get(Names.key(typing.room()));
            if (room != null) {
                sendToRoom(room, new ServerMessage.Typing(room.name, typing.name()), typing.name());
            }
        } else if (event instanceof ServerMessage.Private whisper) {
            Set<WsContext> tabs = new LinkedHashSet<>(tabsOf(whisper.to()));
            tabs.addAll(tabsOf(whisper.from()));
            String json = Protocol.write(whisper);
            tabs.forEach(tab -> Outbox.send(tab, json));
        }
    }

    // tag::news[]
    /** What another instance says about its users; this instance's own news it has applied already. */
    @Override
    public synchronized void news(PresenceNews news) {
        if (news.from().equals(instance) || stopping) {
            return;
        }
        presence.heard(news.from());
        if (news instanceof PresenceNews.Online online) {
            presence.online(online.from(), online.holder());
        } else if (news instanceof PresenceNews.Offline offline) {
            presence.offline(offline.from(), offline.name());
        } else if (news instanceof PresenceNews.Came came) {
            presence.came(came.from(), came.room(), came.name()).ifPresent(this::tell);
        } else if (news instanceof PresenceNews.Left left) {
            presence.left(left.from(), left.room(), left.name()).ifPresent(this::tell);
        } else if (news instanceof PresenceNews.Everyone everyone) {
            presence.replace(everyone.from(), everyone).forEach(this::tell);
        } else if (news instanceof PresenceNews.Hello) {
            relay.tell(presence.everyone(instance));
        } else if (news instanceof PresenceNews.Bye bye) {
            presence.forget(bye.from()).forEach(this::tell);
        }
    }
    // end::news[]

    // A room here holds only this instance's tabs; its history is the broker's. With too many in
    // use, a new one is refused rather than memory grown without bound.
    private Room newRoom(String name) {
        if (rooms.size() >= MAX_ROOMS) {
            throw new BadMessage("too-many-rooms", "There are " + MAX_ROOMS + " rooms in use: join one of them");
        }
        Room room = new Room(name);
        rooms.put(Names.key(name), room);
        return room;
    }

    private void exit(Room room, WsContext tab, User user) {
        if (room.exit(tab)) {
            presence.left(instance, room.name, user.name()).ifPresent(this::tell);
            relay.tell(new PresenceNews.Left(instance, room.name, user.name()));
        }
        if (room.isEmpty()) {
            rooms.remove(Names.key(room.name));
        }
    }

    /** Tells the tabs here in the room that someone came or left, except that person's own tabs. */
    private void tell(Moved moved) {
        Room room = rooms.get(moved.room());
        if (room != null) {
            sendToRoom(room, new ServerMessage.Presence(room.name, moved.name(), moved.came() ? "came" : "left"), moved.name());
        }
    }

    private void typing(User user, Room room) {
        long now = System.nanoTime();
        Long last = user.lastTyping.get(room.name);
        if (last != null && now - last < TYPING_EVERY_NANOS) {
            return; // at most once a second per user and room
        }
        user.lastTyping.put(room.name, now);
        relay.send(new ServerMessage.Typing(room.name, user.name()));
    }

    private void whisper(User from, Whisper whisper) {
        if (whisper.to() == null) {
            throw new BadMessage("bad-field", "to is required");
        }
        SessionCookie.Holder to = presence.holder(whisper.to())
                .orElseThrow(() -> new BadMessage("no-such-user", "Nobody called " + whisper.to() + " is online"));
        relay.send(new ServerMessage.Private(from.name(), to.name(), text(whisper.text()), Instant.now().toString()));
    }

    private Set<WsContext> tabsOf(String name) {
        User user = online.get(Names.key(name));
        return user == null ? Set.of() : user.tabs;
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

    /** The message as this instance names its room: another may have been first to spell it differently. */
    private static Said inRoom(Room room, Said said) {
        return new Said(room.name, said.id(), said.sender(), said.text(), said.time());
    }

    /** Sends unless the tab already has this id. */
    private static void deliver(WsContext tab, Member member, long id, String json) {
        if (id > member.lastSent) {
            member.lastSent = id;
            Outbox.send(tab, json);
        }
    }

    /** Sends to every caught-up tab in the room, except those of the user called {@code except}. */
    private static void sendToRoom(Room room, ServerMessage message, String except) {
        String json = Protocol.write(message);
        room.members().forEach((tab, member) -> {
            if (member.caughtUp() && !Names.key(member.user).equals(Names.key(except))) {
                Outbox.send(tab, json);
            }
        });
    }

    static void send(WsContext tab, ServerMessage message) {
        Outbox.send(tab, Protocol.write(message));
    }
}
