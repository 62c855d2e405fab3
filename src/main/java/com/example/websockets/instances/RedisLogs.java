package com.example.websockets.instances;

import com.example.websockets.broker.Broker;
import com.example.websockets.broker.Broker.Entry;
import com.example.websockets.broker.Broker.Kept;
import com.example.websockets.broker.Broker.Logged;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Step 6: the feeds' ids, logs and marks in Redis, written and read by Lua scripts, without
 * waiting on any thread of the app: every call answers a future, completed by Lettuce's own
 * threads, or failed after its timeout. Keys of a feed F: {@code F:last}, {@code F:since},
 * {@code F:lost}, the stream {@code F:feed}, the logs {@code F:log:<name>} and their marks
 * {@code F:log:<name>:trimmed}, {@code F:logs}, {@code F:dropped}, {@code F:forgotten}, and
 * {@code F:key:<key>} for 15 minutes after each append.
 */
final class RedisLogs {

    static final int FEED_LENGTH = 10_000;
    // A retry comes within seconds or minutes. Kept a day, the keys of 1,000 publishes a second
    // would be 86 million; kept 15 minutes, 900,000 (about 100 MB).
    static final int KEY_SECONDS = 15 * 60;

    private static final RedisScript APPEND =
            new RedisScript("append.lua", ScriptOutputType.INTEGER);
    private static final RedisScript READ = new RedisScript("read.lua", ScriptOutputType.MULTI);
    private static final RedisScript LOST = new RedisScript("lost.lua", ScriptOutputType.INTEGER);

    private final RedisAsyncCommands<String, String> redis;
    private final String url;

    RedisLogs(RedisAsyncCommands<String, String> redis, String url) {
        this.redis = redis;
        this.url = url;
    }

    /**
     * Appends; {@code seen} is the newest id of the feed this instance has seen, for Redis to
     * compare.
     */
    CompletionStage<Long> append(Entry entry, long seen) {
        String feed = entry.feed();
        List<String> keys = new ArrayList<>(List.of(feed + ":last", feed + ":since",
                feed + ":lost", feed + ":feed", feed + ":logs", feed + ":dropped",
                feed + ":forgotten", feed + ":key:" + (entry.key() == null ? "" : entry.key())));
        entry.logs().forEach(log -> keys.add(log(feed, log)));
        CompletableFuture<Long> id = APPEND.run(redis, keys.toArray(String[]::new), entry.message(),
                String.valueOf(entry.keep()), String.valueOf(seen), String.valueOf(FEED_LENGTH),
                String.valueOf(Broker.MAX_LOGS), String.valueOf(Broker.MAX_DROPPED),
                String.valueOf(KEY_SECONDS), entry.key() == null ? "0" : "1");
        return id.exceptionallyCompose(failure ->
                CompletableFuture.failedFuture(appendFailed(failure)));
    }

    /** What {@code logs} keep after {@code after}, read at one moment: each id once, in order. */
    CompletionStage<Kept> read(String feed, List<String> logs, long after) {
        List<String> keys = new ArrayList<>(List.of(feed + ":since", feed + ":last", feed + ":lost",
                feed + ":dropped", feed + ":forgotten", feed + ":feed"));
        logs.forEach(log -> keys.add(log(feed, log)));
        CompletableFuture<List<Object>> answer =
                READ.run(redis, keys.toArray(String[]::new), String.valueOf(after));
        return answer.handle((reply, failure) -> {
            if (failure != null) {
                throw new Broker.Unavailable("Redis at " + url + " can't be read",
                        Broker.cause(failure));
            }
            return kept(reply);
        });
    }

    /**
     * Redis has forgotten ids up to {@code id} that a follower saw: readers from before it are
     * told.
     */
    void lost(String feed, long id) {
        LOST.run(redis, new String[] {feed + ":lost"}, String.valueOf(id));
    }

    static String log(String feed, String log) {
        return feed + ":log:" + log;
    }

    // {gap, {{{"<id>-0", {"m", message}}, ...}, ...}}: one list of entries per log.
    @SuppressWarnings("unchecked")
    private static Kept kept(List<Object> reply) {
        Map<Long, Logged> byId = new TreeMap<>();
        for (Object log : (List<Object>) reply.get(1)) {
            for (Object entry : (List<Object>) log) {
                List<Object> parts = (List<Object>) entry;
                List<Object> fields = (List<Object>) parts.get(1);
                long id = id((String) parts.get(0));
                byId.put(id, new Logged(id, (String) fields.get(1)));
            }
        }
        return new Kept(new ArrayList<>(byId.values()), ((Long) reply.get(0)) == 1);
    }

    static long id(String streamId) {
        return Long.parseLong(streamId.substring(0, streamId.indexOf('-')));
    }

    // Not sent (disconnected, or too many waiting): nothing stored. Sent and no answer: who knows.
    private RuntimeException appendFailed(Throwable failure) {
        Throwable cause = Broker.cause(failure);
        boolean notSent = cause instanceof RedisConnectionException
                || String.valueOf(cause.getMessage()).contains("rejected")
                || String.valueOf(cause.getMessage()).contains("queue size exceeded");
        if (notSent) {
            return new Broker.Unavailable(
                    "Redis at " + url + " can't be reached: nothing was stored", cause);
        }
        String why = cause instanceof RedisCommandTimeoutException ? "did not answer in time"
                : "dropped the call";
        return new Broker.Uncertain(
                "Redis at " + url + " " + why + ": the message may have been stored", cause);
    }
}
