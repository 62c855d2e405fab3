package com.example.websockets.rooms;

import com.example.websockets.app.Json;
import com.example.websockets.broker.Broker.Logged;
import com.example.websockets.production.Outbox;
import com.example.websockets.rooms.Online.User;
import com.example.websockets.rooms.Presence.Claim;
import com.example.websockets.rooms.Room.Member;
import com.example.websockets.rooms.ServerMessage.Said;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4's state on this instance: who is online here ({@link Online}) and the rooms their tabs
 * are in. Messages, typing, private messages and presence go through the {@link Relay} to every
 * instance, this one included, and come back to {@link #said}, {@link #event} and {@link #news}.
 * One lock guards it all; the relay's broker is only called outside it (it may be Redis, across
 * the network), except to publish, which never waits.
 */
final class Lobby implements Relay.Listener {

    private static final Logger log = LoggerFactory.getLogger(Lobby.class);

    /** This instance, as the others know it. */
    private final String instance = UUID.randomUUID().toString();
    private final Relay relay;
    private final Presence presence;
    private final Online online = new Online();
    private final RoomsHere rooms = new RoomsHere();
    private Consumer<Member> catchingUp = member -> { };
    // While the server stops, everyone leaves at once: no "left" notices to sockets that are
    // closing.
    private boolean stopping;

    Lobby(Relay relay, Presence presence) {
        this.relay = relay;
        this.presence = presence;
        relay.listen(this);
    }

    /** True when {@code name} is online, on any instance, under another sign-in than {@code id}. */
    synchronized boolean isTakenByAnother(String name, String id) {
        return presence.holder(name).filter(holder -> !holder.id().equals(id)).isPresent();
    }

    /** Takes a tab in, unless someone else took its name meanwhile (two sign-ins at one moment). */
    synchronized boolean connect(WsContext tab, SessionCookie.Holder holder) {
        if (isTakenByAnother(holder.name(), holder.id())) {
            return false;
        }
        Claim claim = online.named(holder.name()) == null
                ? new Claim(holder, System.currentTimeMillis())
                : online.named(holder.name()).claim();
        if (online.add(tab, claim)) {
            presence.online(instance, claim);
            relay.tell(new PresenceNews.Online(instance, claim));
        }
        return true;
    }

    synchronized void disconnect(WsContext tab) {
        User user = online.of(tab);
        if (user == null || stopping) {
            return; // a close after an error: already gone; or everyone is leaving
        }
        rooms.with(tab).forEach(room -> exit(room, tab, user));
        if (online.remove(tab) != null) {
            presence.offline(instance, user.name());
            relay.tell(new PresenceNews.Offline(instance, user.name()));
        }
    }

    synchronized List<Presence.RoomInfo> rooms() {
        return presence.rooms();
    }

    synchronized long lastSent(Member member) {
        return member.catchUp().lastSent();
    }

    synchronized User user(WsContext tab) {
        return online.of(tab);
    }

    // tag::enter[]
    /**
     * Puts {@code tab} in the room, catching up from {@code after}; the history follows in
     * {@link #joined}.
     */
    synchronized Member enter(WsContext tab, String name, long after) {
        User user = online.of(tab);
        Room room = rooms.toEnter(name, tab, user.tabs());
        if (room.enter(tab, user.name(), after)) {
            presence.came(instance, room.name, user.name()).ifPresent(rooms::tell);
            relay.tell(new PresenceNews.Came(instance, room.name, user.name()));
        }
        return room.member(tab);
    }

    /**
     * What was missed, read outside the lock, goes out in "joined", then what came meanwhile, each
     * once. False when the tab is to read again: the broker lost track while this was read.
     */
    synchronized boolean joined(WsContext tab, String name, Member member, Relay.History missed) {
        Room room = rooms.get(name);
        if (room == null || room.member(tab) != member) {
            return true; // left, or closed, meanwhile
        }
        List<Said> history = missed.messages().stream().map(room::own).toList();
        send(tab, new ServerMessage.Joined(room.name, presence.present(room.name), history,
                missed.gap()));
        history.forEach(said -> member.catchUp().sentUpTo(said.id()));
        member.catchUp().caughtUp(List.of());
        return member.catchUp().isCaughtUp();
    }
    // end::enter[]

    synchronized void leave(WsContext tab, String roomName) {
        exit(rooms.of(tab, roomName), tab, online.of(tab));
    }

    synchronized Room memberRoom(WsContext tab, String roomName) {
        return rooms.of(tab, roomName);
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
        Room room = rooms.get(said.room());
        if (room == null) {
            return;
        }
        Said here = room.own(said);
        Logged json = new Logged(here.id(), Json.write(here)); // written once, for every tab
        room.members().values().forEach(member -> member.catchUp().live(json));
    }
    // end::said[]

    /**
     * Step 6: the broker may have passed messages by: every tab is to read what it missed in each
     * room.
     */
    @Override
    public void lostTrack() {
        List<Member> again = new ArrayList<>(); // as they are now: a tab may leave meanwhile
        synchronized (this) {
            rooms.all().forEach(room -> room.members().values().forEach(member -> {
                if (member.catchUp().catchUpAgain()) {
                    again.add(member);
                }
            }));
        }
        again.forEach(catchingUp); // outside the lock: it reads the broker
    }

    /** Who reads what a tab missed, when the broker lost track: wired by {@link Requests}. */
    synchronized void whenLostTrack(Consumer<Member> reader) {
        this.catchingUp = reader;
    }

    @Override
    public synchronized void event(ServerMessage event) {
        if (event instanceof ServerMessage.Typing typing) {
            Room room = rooms.get(typing.room());
            if (room != null) {
                room.tell(new ServerMessage.Typing(room.name, typing.name()), typing.name());
            }
        } else if (event instanceof ServerMessage.Private whisper) {
            Set<WsContext> tabs = new LinkedHashSet<>(online.tabsOf(whisper.to()));
            tabs.addAll(online.tabsOf(whisper.from()));
            String json = Json.write(whisper);
            tabs.forEach(tab -> Outbox.send(tab, json));
        }
    }

    // tag::news[]
    /** What another instance says of its users (this one's own news is applied already). */
    @Override
    public synchronized void news(PresenceNews news) {
        if (news.from().equals(instance) || stopping) {
            return;
        }
        if (news instanceof PresenceNews.Hello) {
            relay.tell(presence.everyone(instance)); // a newcomer asks who everyone has
        }
        presence.apply(news).forEach(rooms::tell);
        // Two people signed in as one name on two instances at once: the earlier keeps it.
        online.users().stream().filter(user -> presence.outranked(instance, user.claim()))
                .forEach(user -> {
                    log.info("Closing {} tabs: another instance had their name first",
                            user.tabs().size());
                    user.close("Someone else took the name " + user.name()
                            + " first: sign in with another");
                });
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

    /** Forgets the instances silent for longer than the timeout: their users leave. */
    synchronized void expire() {
        presence.expire(instance).forEach(rooms::tell);
    }

    /** Says goodbye, so the other instances let this one's users leave at once. */
    synchronized void stop() {
        stopping = true;
        relay.tell(new PresenceNews.Bye(instance));
    }

    private void exit(Room room, WsContext tab, User user) {
        if (room.exit(tab)) {
            user.lastTyping().remove(Names.key(room.name));
            presence.left(instance, room.name, user.name()).ifPresent(rooms::tell);
            relay.tell(new PresenceNews.Left(instance, room.name, user.name()));
        }
        rooms.forgetIfEmpty(room);
    }

    static void send(WsContext tab, ServerMessage message) {
        Outbox.send(tab, Json.write(message));
    }
}
