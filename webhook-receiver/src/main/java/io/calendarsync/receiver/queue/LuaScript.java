package io.calendarsync.receiver.queue;

import io.calendarsync.receiver.Futures;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * A server-side script, sent by digest (EVALSHA) so a request costs one small command. Redis forgets scripts when it
 * restarts or fails over; the first NOSCRIPT answer then sends the source once (EVAL), which also caches it again.
 */
final class LuaScript {

  private final String source;
  private final String sha1;

  LuaScript(String source) {
    this.source = source;
    this.sha1 = sha1Hex(source);
  }

  <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> redis, ScriptOutputType type, String[] keys,
      String... args) {
    return redis.<T>evalsha(sha1, type, keys, args).toCompletableFuture().exceptionallyCompose(failure -> {
      Throwable cause = Futures.causeOf(failure);
      return cause instanceof RedisNoScriptException
          ? redis.<T>eval(source, type, keys, args).toCompletableFuture()
          : CompletableFuture.failedFuture(cause);
    });
  }

  private static String sha1Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }
}
