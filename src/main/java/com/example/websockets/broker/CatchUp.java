package com.example.websockets.broker;

import com.example.websockets.broker.Broker.Logged;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Steps 4 and 5: one subscriber's way from what it missed to what is new, each message once and
 * in the order of the ids. What it missed is read from the broker outside any lock, which may
 * take a while (Redis is across the network); what arrives meanwhile waits here and goes out
 * after it. An id at or below the last one sent never goes out again. Not thread-safe: the step
 * that owns it guards it with its lock.
 */
public final class CatchUp {

    private final Consumer<Logged> send;
    private long lastSent;
    private List<Logged> waiting; // null once caught up
    private boolean readAgain;    // the broker lost track while a read was under way

    private CatchUp(long lastSent, List<Logged> waiting, Consumer<Logged> send) {
        this.lastSent = lastSent;
        this.waiting = waiting;
        this.send = send;
    }

    /**
     * A subscriber that saw everything up to {@code after}, and is about to read what came
     * since.
     */
    public static CatchUp after(long after, Consumer<Logged> send) {
        return new CatchUp(after, new ArrayList<>(), send);
    }

    /**
     * A subscriber that wants only what comes after {@code now}, the newest id its step has
     * seen.
     */
    public static CatchUp fromNow(long now, Consumer<Logged> send) {
        return new CatchUp(now, null, send);
    }

    // tag::catch-up[]
    /**
     * A message that arrived live: sent now, or kept until the catch-up is out. True if sent
     * now.
     */
    public boolean live(Logged message) {
        if (waiting != null) {
            waiting.add(message);
            return false;
        }
        return deliver(message);
    }

    /** Sends what was missed, then what arrived meanwhile, each once; answers how many went out. */
    public int caughtUp(List<Logged> missed) {
        List<Logged> all = new ArrayList<>(missed);
        if (readAgain) {
            readAgain = false; // what waits came after a hole: the next read goes first
        } else {
            all.addAll(waiting);
            waiting = null;
        }
        all.sort(Comparator.comparingLong(Logged::id));
        return (int) all.stream().filter(this::deliver).count();
    }

    private boolean deliver(Logged message) {
        if (message.id() <= lastSent) {
            return false; // sent already: in the catch-up, or live
        }
        lastSent = message.id();
        send.accept(message);
        return true;
    }
    // end::catch-up[]

    /**
     * The broker lost track of its feed (step 6): what comes live waits again, until what was
     * missed since {@link #lastSent} has been read. True if the caller should read it now; false
     * if a read is under way, after which {@link #isCaughtUp} stays false and asks for another.
     */
    public boolean catchUpAgain() {
        if (waiting == null) {
            waiting = new ArrayList<>();
            return true;
        }
        readAgain = true;
        return false;
    }

    public long lastSent() {
        return lastSent;
    }

    /**
     * The messages up to {@code id} went out some other way (step 4's history rides in one
     * message).
     */
    public void sentUpTo(long id) {
        lastSent = Math.max(lastSent, id);
    }

    public boolean isCaughtUp() {
        return waiting == null;
    }
}
