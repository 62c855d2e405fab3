package com.example.websockets.rooms;

import com.example.websockets.rooms.Presence.Claim;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 4: who is online on this instance, by name, with all their tabs. Not thread-safe: the
 * {@link Lobby}'s lock guards it.
 */
final class Online {

    /**
     * Someone online here: their claim on their name, their open tabs, and when they last typed
     * in each room.
     */
    record User(Claim claim, Set<WsContext> tabs, Map<String, Long> lastTyping) {

        String name() {
            return claim.holder().name();
        }

        /** Closes every tab with 1008 and {@code reason}: they can't stay under this name. */
        void close(String reason) {
            tabs.forEach(tab -> tab.closeSession(WsCloseStatus.POLICY_VIOLATION, reason));
        }
    }

    private final Map<String, User> byName = new HashMap<>(); // by Names.key
    private final Map<WsContext, User> byTab = new HashMap<>();

    /** Adds a tab of the person that {@code claim} names; true if they weren't online here yet. */
    boolean add(WsContext tab, Claim claim) {
        User user = byName.get(Names.key(claim.holder().name()));
        boolean arriving = user == null;
        if (arriving) {
            user = new User(claim, new LinkedHashSet<>(), new ConcurrentHashMap<>());
            byName.put(Names.key(claim.holder().name()), user);
        }
        user.tabs().add(tab);
        byTab.put(tab, user);
        return arriving;
    }

    /** Removes a tab; its user if that was their last tab here, else null. */
    User remove(WsContext tab) {
        User user = byTab.remove(tab);
        if (user == null) {
            return null;
        }
        user.tabs().remove(tab);
        if (!user.tabs().isEmpty()) {
            return null;
        }
        byName.remove(Names.key(user.name()));
        return user;
    }

    User of(WsContext tab) {
        return byTab.get(tab);
    }

    User named(String name) {
        return byName.get(Names.key(name));
    }

    Set<WsContext> tabsOf(String name) {
        User user = byName.get(Names.key(name));
        return user == null ? Set.of() : Set.copyOf(user.tabs());
    }

    Collection<User> users() {
        return List.copyOf(byName.values());
    }
}
