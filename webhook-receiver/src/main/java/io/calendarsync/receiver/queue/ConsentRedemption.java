package io.calendarsync.receiver.queue;

import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.OAuthCodeGrant;
import io.calendarsync.api.redis.OAuthCodeGrantCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Uses a consent state's nonce once and hands the (encrypted) code to the operator on
 * {@link RedisKeys#OAUTH_CODES_STREAM}.
 *
 * <p>One atomic script with the semantics of GETDEL-then-XADD: the nonce key must exist (else the state was used
 * already, or expired) and name the state's provider (else it is foreign); any presentation of an existing nonce
 * consumes it. The one difference is deliberate: the key is deleted after the XADD succeeded, so a failed XADD leaves
 * the nonce in place and the person can simply reload the page, instead of having to start consent again.
 */
public final class ConsentRedemption {

  /** KEYS: nonce key, code stream. ARGV: expected provider key, approximate max length, then field/value pairs. */
  private static final LuaScript REDEEM = new LuaScript("""
      local owner = redis.call('GET', KEYS[1])
      if not owner then
        return 'replayed'
      end
      if owner ~= ARGV[1] then
        redis.call('DEL', KEYS[1])
        return 'foreign'
      end
      redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
      redis.call('DEL', KEYS[1])
      return 'redeemed'
      """);

  private final RedisConnection redis;

  public ConsentRedemption(RedisConnection redis) {
    this.redis = redis;
  }

  /** What became of a presented state. */
  public enum Outcome {
    /** The code is on the stream; the nonce is used up. */
    REDEEMED,
    /** No nonce key: already used, or expired. Nothing stored. */
    REPLAYED,
    /** The nonce belongs to another provider. Nothing stored; the nonce is used up. */
    FOREIGN
  }

  public CompletableFuture<Outcome> redeem(ConsentState.Claims claims, OAuthCodeGrant grant) {
    List<String> args = new ArrayList<>();
    args.add(claims.providerKey());
    args.add(Long.toString(RedisKeys.OAUTH_CODES_MAX_LENGTH));
    OAuthCodeGrantCodec.encode(grant).forEach((field, value) -> {
      args.add(field);
      args.add(value);
    });
    return redis.<String>call(commands -> REDEEM.run(commands, ScriptOutputType.VALUE,
            new String[] {claims.nonceKey(), RedisKeys.OAUTH_CODES_STREAM}, args.toArray(String[]::new)))
        .thenApply(outcome -> Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)));
  }
}
