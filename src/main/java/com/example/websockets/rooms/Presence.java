package com.example.websockets.rooms;

import com.example.websockets.rooms.PresenceNews.Everyone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Step 4's presence, across every instance of the app: who is signed in and who is in which
 * room, as each instance last told it. A person is in a room while any instance says so; the
 * users of an instance leave when it says goodbye, or when it has not been heard from for the
 * timeout (it crashed, or can't reach the others). Not thread-safe: the {@link Lobby} guards it.
 */
final class Presence {

    /**
     * Someone came to or left a room, as everyone in it sees it: {@code room} is the room's
     * key.
     */
    record Moved(String room, String name, boolean came) {
    }

    /** One row of {@code GET /api/rooms}. */
    record RoomInfo(String name, int present) {
    }

    /**
     * Someone signed in as a name, since a time (milliseconds of the epoch). Two people who took
     * one name on two instances at the same moment: the earlier claim keeps it (then the smaller
     * id).
     */
    record Claim(SessionCookie.Holder holder, long since) {

        boolean before(Claim other) {
            return since != other.since ? since < other.since
                    : holder.id().compareTo(other.holder.id()) < 0;
        }
    }

    /** What one instance has: signed-in users and room members, each by {@link Names#key}. */
    private static final class Instance {
        long heardAt;
        final Map<String, Claim> online = new LinkedHashMap<>();
        final Map<String, Map<String, String>> rooms =
                new LinkedHashMap<>(); // room key -> user key -> name
        final Map<String, String> roomNames = new HashMap<>(); // room key -> name
    }

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final long timeoutMillis;
    private final LongSupplier millis;

    /**
     * {@code millis} is a clock for durations: a monotonic one, so that a change of the wall
     * clock forgets nobody.
     */
    Presence(long timeoutMillis, LongSupplier millis) {
        this.timeoutMillis = timeoutMillis;
        this.millis = millis;
    }

    /** Applies what another instance says, and answers who moved because of it. */
    List<Moved> apply(PresenceNews news) {
        heard(news.from());
        if (news instanceof PresenceNews.Online online) {
            online(online.from(), online.claim());
        } else if (news instanceof PresenceNews.Offline offline) {
            offline(offline.from(), offline.name());
        } else if (news instanceof PresenceNews.Came came) {
            return came(came.from(), came.room(), came.name()).stream().toList();
        } else if (news instanceof PresenceNews.Left left) {
            return left(left.from(), left.room(), left.name()).stream().toList();
        } else if (news instanceof Everyone everyone) {
            return replace(everyone.from(), everyone);
        } else if (news instanceof PresenceNews.Bye bye) {
            return forget(bye.from());
        }
        return List.of();
    }

    void heard(String instance) {
        instance(instance).heardAt = millis.getAsLong();
    }

    void online(String instance, Claim claim) {
        instance(instance).online.put(Names.key(claim.holder().name()), claim);
    }

    void offline(String instance, String name) {
        instance(instance).online.remove(Names.key(name));
    }

    /**
     * {@code name} entered {@code room} on {@code instance}; a move if nobody saw them there
     * yet.
     */
    Optional<Moved> came(String instance, String room, String name) {
        boolean wasThere = isIn(Names.key(room), Names.key(name));
        Instance at = instance(instance);
        at.roomNames.putIfAbsent(Names.key(room), room);
        at.rooms.computeIfAbsent(Names.key(room), key -> new LinkedHashMap<>())
                .put(Names.key(name), name);
        return wasThere ? Optional.empty() : Optional.of(new Moved(Names.key(room), name, true));
    }

    /** {@code name} left {@code room} on {@code instance}; a move if they are now in it nowhere. */
    Optional<Moved> left(String instance, String room, String name) {
        Instance at = instances.get(instance);
        Map<String, String> members = at == null ? null : at.rooms.get(Names.key(room));
        if (members == null || members.remove(Names.key(name)) == null) {
            return Optional.empty();
        }
        if (members.isEmpty()) {
            at.rooms.remove(Names.key(room));
            at.roomNames.remove(Names.key(room));
        }
        return isIn(Names.key(room), Names.key(name)) ? Optional.empty()
                : Optional.of(new Moved(Names.key(room), name, false));
    }

    /**
     * Replaces what {@code instance} has with what it says it has, and answers who moved because
     * of it.
     */
    List<Moved> replace(String instance, Everyone everyone) {
        List<Moved> moves = new ArrayList<>(forget(instance));
        heard(instance);
        everyone.online().forEach(claim -> online(instance, claim));
        everyone.rooms().forEach((room, names) ->
                names.forEach(name -> came(instance, room, name).ifPresent(moves::add)));
        return cancelled(moves);
    }

    /**
     * Drops everything {@code instance} had: its users leave, unless another instance has them
     * too.
     */
    List<Moved> forget(String instance) {
        Instance gone = instances.remove(instance);
        List<Moved> moves = new ArrayList<>();
        if (gone != null) {
            gone.rooms.forEach((room, members) -> members.values().forEach(name -> {
                if (!isIn(room, Names.key(name))) {
                    moves.add(new Moved(room, name, false));
                }
            }));
        }
        return moves;
    }

    /**
     * Forgets every instance other than {@code self} that has been silent for longer than the
     * timeout.
     */
    List<Moved> expire(String self) {
        long now = millis.getAsLong();
        List<String> silent = instances.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(self)
                        && now - entry.getValue().heardAt > timeoutMillis)
                .map(Map.Entry::getKey).toList();
        List<Moved> moves = new ArrayList<>();
        silent.forEach(instance -> moves.addAll(forget(instance)));
        return moves;
    }

    /** Everyone in the room, on any instance, each once, in alphabetical order. */
    List<String> present(String room) {
        Map<String, String> names = new TreeMap<>();
        instances.values().forEach(at ->
                names.putAll(at.rooms.getOrDefault(Names.key(room), Map.of())));
        return List.copyOf(names.values());
    }

    /** Who is signed in as {@code name} on any instance. */
    Optional<SessionCookie.Holder> holder(String name) {
        return instances.values().stream().map(at -> at.online.get(Names.key(name)))
                .filter(claim -> claim != null).map(Claim::holder).findFirst();
    }

    /**
     * True when another instance than {@code self} has someone else under {@code claim}'s name,
     * who claimed it first.
     */
    boolean outranked(String self, Claim claim) {
        return instances.entrySet().stream().filter(at -> !at.getKey().equals(self))
                .map(at -> at.getValue().online.get(Names.key(claim.holder().name())))
                .anyMatch(other -> other != null && !other.holder().id().equals(claim.holder().id())
                        && other.before(claim));
    }

    /** Every room someone is in, on any instance, with how many people are in it. */
    List<RoomInfo> rooms() {
        Map<String, String> roomNames = new LinkedHashMap<>();
        instances.values().forEach(at -> at.roomNames.forEach(roomNames::putIfAbsent));
        return roomNames.entrySet().stream()
                .map(room -> new RoomInfo(room.getValue(), present(room.getKey()).size())).toList();
    }

    /** What {@code instance} has, as it tells the others. */
    Everyone everyone(String instance) {
        Instance at = instance(instance);
        Map<String, List<String>> rooms = new LinkedHashMap<>();
        at.rooms.forEach((room, members) ->
                rooms.put(at.roomNames.get(room), List.copyOf(members.values())));
        return new Everyone(instance, List.copyOf(at.online.values()), rooms);
    }

    private boolean isIn(String roomKey, String userKey) {
        return instances.values().stream()
                .anyMatch(at -> at.rooms.getOrDefault(roomKey, Map.of()).containsKey(userKey));
    }

    private Instance instance(String instance) {
        return instances.computeIfAbsent(instance, name -> {
            Instance fresh = new Instance();
            fresh.heardAt = millis.getAsLong();
            return fresh;
        });
    }

    // A replacement first lets everyone of the old view leave, then come again: whoever is in both
    // didn't move at all.
    private static List<Moved> cancelled(List<Moved> moves) {
        Set<Moved> result = new LinkedHashSet<>(moves);
        for (Moved move : moves) {
            if (move.came()) {
                Moved leaving = new Moved(move.room(), move.name(), false);
                if (result.remove(leaving)) {
                    result.remove(move);
                }
            }
        }
        return List.copyOf(result);
    }
}
