package com.example.websockets.instances;

import com.example.websockets.broker.Broker;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Step 6: a Lua script of {@code src/main/resources/redis}, sent once and then run by its hash;
 * a Redis that restarted and forgot it gets the whole script again.
 */
final class RedisScript {

    private final String source;
    private final ScriptOutputType output;
    private volatile String sha;

    RedisScript(String name, ScriptOutputType output) {
        try (InputStream in = RedisScript.class.getResourceAsStream("/redis/" + name)) {
            this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.output = output;
    }

    <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> redis, String[] keys,
            String... args) {
        String loaded = sha;
        if (loaded == null) {
            return this.<T>eval(redis, keys, args);
        }
        return redis.<T>evalsha(loaded, output, keys, args).toCompletableFuture()
                .exceptionallyCompose(failure ->
                        Broker.cause(failure) instanceof RedisNoScriptException
                                ? this.<T>eval(redis, keys, args)
                                : CompletableFuture.failedFuture(failure));
    }

    private <T> CompletableFuture<T> eval(RedisAsyncCommands<String, String> redis, String[] keys,
            String... args) {
        redis.scriptLoad(source).thenAccept(hash -> sha = hash);
        return redis.<T>eval(source, output, keys, args).toCompletableFuture();
    }
}
