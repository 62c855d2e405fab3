package com.example.websockets.rooms;

import com.example.websockets.app.Json;
import com.example.websockets.broker.Broker.Logged;
import com.example.websockets.production.Outbox;
import com.example.websockets.rooms.Presence.Moved;
import com.example.websockets.rooms.Room.Member;
import com.example.websockets.rooms.ServerMessage.Said;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 4's state on this instance: who is online here (by name, with all their tabs) and the
 * rooms their tabs are in. Messages, typing, private messages and presence go through the
 * {@link Relay} to every instance, this one included, and come back to {@link #said},
 * {@link #event} and {@link #news}. One lock guards it all; the relay's broker is only called
 * outside it (it may be Redis, across the network), except to publish, which never waits.
 */
final class Lobby implements Relay.Listener {

    static final int MAX_ROOMS = 1000;

    /** This instance, as the others know it. */
    final String instance = UUID.randomUUID().toString();
    private final Relay relay;
    private final Presence presence;
    private final Map<String, Room> rooms = new LinkedHashMap<>(); // by Names.key, only rooms with someone here
    private final Map<String, User> online = new HashMap<>();      // by Names.key
    private final Map<WsContext, User> users = new HashMap<>();
    // While the server stops, everyone leaves at once: no "left" notices to sockets that are closing.
    private boolean stopping;

    /** Someone online here: their sign-in, their open tabs, and when they last typed in each room. */
    record User(SessionCookie.Holder holder, Set<WsContext> tabs, Map<String, Long> lastTyping) {

        String name() {
            return holder.name();
        }
    }

    Lobby(Relay relay, Presence presence) {
        this.relay = relay;
        this.presence = presence;
        relay.listen(this);
    }

    /** True when {@code name} is online, on any instance, under another sign-in than {@code id}. */
    synchronized boolean isTakenByAnother(String name, String id) {
        return presence.holder(name).filter(holder -> !holder.id().equals(id)).isPresent();
    }

    synchronized void connect(WsContext tab, SessionCookie.Holder holder) {
        User user = online.computeIfAbsent(Names.key(holder.name()), key -> {
            presence.online(instance, holder);
            relay.tell(new PresenceNews.Online(instance, holder));
            return new User(holder, new LinkedHashSet<>(), new ConcurrentHashMap<>());
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

    synchronized List<Presence.RoomInfo> rooms() {
        return presence.rooms();
    }

    synchronized User user(WsContext tab) {
        return users.get(tab);
    }

    // tag::enter[]
    /** Puts {@code tab} in the room, catching up from {@code after}; the history follows in {@link #joined}. */
    synchronized Member enter(WsContext tab, String name, long after) {
        Room room = rooms.get(Names.key(name));
        if (room == null) {
            room = newRoom(name);
        }
        User user = users.get(tab);
        if (room.enter(tab, user.name(), after)) {
            presence.came(instance, room.name, user.name()).ifPresent(this::tell);
            relay.tell(new PresenceNews.Came(instance, room.name, user.name()));
        }
        return room.member(tab);
    }

    /** The history was read outside the lock: it goes out in "joined", then what came meanwhile, each once. */
    synchronized void joined(WsContext tab, String name, Member member, Relay.History missed) {
        Room room = rooms.get(Names.key(name));
        if (room == null || room.member(tab) != member) {
            return; // left, or closed, meanwhile
        }
        List<Said> history = missed.messages().stream().map(room::own).toList();
        send(tab, new ServerMessage.Joined(room.name, presence.present(room.name), history, missed.gap()));
        history.forEach(said -> member.catchUp().sentUpTo(said.id()));
        member.catchUp().caughtUp(List.of());
    }
    // end::enter[]

    synchronized void leave(WsContext tab, String roomName) {
        exit(memberRoom(tab, roomName), tab, users.get(tab));
    }

    /** The room {@code tab} is in, by name; a room it isn't in is the sender's error. */
    synchronized Room memberRoom(WsContext tab, String roomName) {
        Room room = rooms.get(Names.key(roomName));
        if (room == null || !room.contains(tab)) {
            throw new Protocol.BadMessage("not-in-room", "You are not in the room " + roomName + ": join it first");
        }
        return room;
    }

    /** Who is signed in as {@code name} on any instance. */
    synchronized SessionCookie.Holder holder(String name) {
        return presence.holder(name).orElseThrow(() ->
                new Protocol.BadMessage("no-such-user", "Nobody called " + name + " is online"));
    }

    // tag::said[]
    /** A message of a room, numbered, from any instance: to every tab in that room here. */
    @Override
    public synchronized void said(Said said) {
        Room room = rooms.get(Names.key(said.room()));
        if (room == null) {
            return;
        }
        Said here = room.own(said);
        Logged json = new Logged(here.id(), Json.write(here)); // written once, for every tab
        room.members().values().forEach(member -> member.catchUp().live(json));
    }
    // end::said[]

    @Override
    public synchronized void event(ServerMessage event) {
        if (event instanceof ServerMessage.Typing typing) {
            Room room = rooms.get(Names.key(typing.room()));
            if (room != null) {
                room.tell(new ServerMessage.Typing(room.name, typing.name()), typing.name());
            }
        } else if (event instanceof ServerMessage.Private whisper) {
            Set<WsContext> tabs = new LinkedHashSet<>(tabsOf(whisper.to()));
            tabs.addAll(tabsOf(whisper.from()));
            String json = Json.write(whisper);
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
        if (news instanceof PresenceNews.Hello) {
            relay.tell(presence.everyone(instance)); // a newcomer asks who everyone has
        }
        presence.apply(news).forEach(this::tell);
    }
    // end::news[]

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

    // A room here holds only this instance's tabs; its history is the broker's. With too many in
    // use, a new one is refused rather than memory grown without bound.
    private Room newRoom(String name) {
        if (rooms.size() >= MAX_ROOMS) {
            throw new Protocol.BadMessage("too-many-rooms", "There are " + MAX_ROOMS + " rooms in use: join one of them");
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
            String event = moved.came() ? "came" : "left";
            room.tell(new ServerMessage.Presence(room.name, moved.name(), event), moved.name());
        }
    }

    private Set<WsContext> tabsOf(String name) {
        User user = online.get(Names.key(name));
        return user == null ? Set.of() : user.tabs;
    }

    static void send(WsContext tab, ServerMessage message) {
        Outbox.send(tab, Json.write(message));
    }
}
