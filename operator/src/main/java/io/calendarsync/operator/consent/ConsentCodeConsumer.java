package io.calendarsync.operator.consent;

import io.calendarsync.api.crypto.DecryptionException;
import io.calendarsync.api.crypto.SecretBox;
import io.calendarsync.api.redis.OAuthCodeGrant;
import io.calendarsync.api.redis.OAuthCodeGrantCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.operator.events.EventRecorder;
import io.calendarsync.operator.notify.ConsumerGroups;
import io.calendarsync.operator.oauth.TokenEndpointClient;
import io.calendarsync.operator.oauth.TokenGrant;
import io.calendarsync.operator.oauth.TokenSecrets;
import io.calendarsync.operator.oauth.TokenStoreException;
import io.calendarsync.operator.provider.CredentialsReader;
import io.calendarsync.operator.runtime.LeaderService;
import io.calendarsync.operator.status.Reason;
import io.calendarsync.operator.store.ProviderKey;
import io.calendarsync.operator.sync.StoredGrant;
import io.calendarsync.operator.vendor.VendorException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Completes consents on the leader: reads the authorization codes the receiver put on {@code calsync:oauth:codes}
 * (consumer group {@value RedisKeys#OAUTH_CODES_GROUP}), decrypts each, exchanges it at the vendor's token endpoint
 * with the provider's client credentials and the redirect URI it was delivered to, keeps the refresh token in the
 * provider's token Secret and wakes the provider. An entry is acknowledged (and deleted) only once handled: a
 * transient failure leaves it pending, and pending entries are read again first, also by the next leader.
 */
public final class ConsentCodeConsumer implements LeaderService {

  private static final Logger LOG = LoggerFactory.getLogger(ConsentCodeConsumer.class);
  /** One consumer name for every replica: only the leader reads, and a new leader takes over the pending entries. */
  static final String CONSUMER = "operator";
  /** Authorization codes live about ten minutes at both vendors; an older one is not worth trying. */
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  private static final Duration BLOCK = Duration.ofSeconds(1);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Duration MAX_RETRY = Duration.ofMinutes(1);

  private final RedisClient redisClient;
  private final SecretBox box;
  private final KubernetesClient client;
  private final TokenEndpointClient tokenEndpoint;
  private final TokenSecrets secrets;
  private final EventRecorder events;
  private final Consumer<String> wake;
  private final Clock clock;
  private final CredentialsReader credentialsReader = new CredentialsReader();
  private final Map<String, Retry> retries = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running;
  private StatefulRedisConnection<String, String> connection;
  private Thread worker;

  /**
   * A pending entry not handled yet: when to try again ({@link System#nanoTime()}), and the grant if the code was
   * already exchanged.
   */
  private record Retry(int attempts, long notBefore, Optional<StoredGrant> exchanged) {}

  private enum Outcome { HANDLED, RETRY }

  public ConsentCodeConsumer(RedisClient redisClient, SecretBox box, KubernetesClient client,
      TokenEndpointClient tokenEndpoint, TokenSecrets secrets, EventRecorder events, Consumer<String> wake,
      Clock clock) {
    this.redisClient = redisClient;
    this.box = box;
    this.client = client;
    this.tokenEndpoint = tokenEndpoint;
    this.secrets = secrets;
    this.events = events;
    this.wake = wake;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    running = true;
    worker = new Thread(this::run, "consent-codes");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public synchronized void close() {
    running = false;
    stopped.countDown();
    if (worker != null) {
      try {
        worker.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (connection != null) {
      connection.close();
    }
  }

  private void run() {
    boolean groupReady = false;
    while (running) {
      try {
        if (connection == null) {
          connection = redisClient.connect();
        }
        RedisCommands<String, String> redis = connection.sync();
        if (!groupReady) {
          ConsumerGroups.ensure(redis, RedisKeys.OAUTH_CODES_STREAM, RedisKeys.OAUTH_CODES_GROUP);
          groupReady = true;
        }
        // Own pending entries first (failed earlier, or left by the previous leader), then new ones.
        read(redis, XReadArgs.Builder.count(16), XReadArgs.StreamOffset.from(RedisKeys.OAUTH_CODES_STREAM, "0"));
        read(redis, XReadArgs.Builder.count(16).block(BLOCK),
            XReadArgs.StreamOffset.lastConsumed(RedisKeys.OAUTH_CODES_STREAM));
      } catch (RedisException e) {
        if (running) {
          LOG.warn("cannot read OAuth codes from Redis: {}; retrying", e.getMessage());
          pause(Duration.ofSeconds(1));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void read(RedisCommands<String, String> redis, XReadArgs args, XReadArgs.StreamOffset<String> offset) {
    List<StreamMessage<String, String>> messages = redis.xreadgroup(
        io.lettuce.core.Consumer.from(RedisKeys.OAUTH_CODES_GROUP, CONSUMER), args, offset);
    for (StreamMessage<String, String> message : messages) {
      if (!running) {
        return;
      }
      Retry retry = retries.get(message.getId());
      if (retry != null && System.nanoTime() - retry.notBefore() < 0) {
        continue;
      }
      Outcome outcome;
      try {
        outcome = handle(message.getId(), message.getBody(), retry);
      } catch (RuntimeException e) {
        // Keeps the consumer alive; the entry stays pending and is tried again.
        LOG.error("handling OAuth code entry {} failed", message.getId(), e);
        outcome = later(message.getId(), retry, "(entry " + message.getId() + ")", e.getClass().getSimpleName(),
            retry == null ? Optional.empty() : retry.exchanged());
      }
      if (outcome == Outcome.HANDLED) {
        redis.xack(RedisKeys.OAUTH_CODES_STREAM, RedisKeys.OAUTH_CODES_GROUP, message.getId());
        redis.xdel(RedisKeys.OAUTH_CODES_STREAM, message.getId());
        retries.remove(message.getId());
      }
    }
  }

  private Outcome handle(String id, Map<String, String> body, Retry retry) {
    OAuthCodeGrant grant;
    try {
      grant = OAuthCodeGrantCodec.decode(body);
    } catch (IllegalArgumentException e) {
      LOG.error("dropping OAuth code entry {}: {}", id, e.getMessage());
      return Outcome.HANDLED;
    }
    String providerKey = grant.providerKey();
    if (clock.instant().isAfter(grant.receivedAt().plus(CODE_LIFETIME))) {
      LOG.warn("dropping the OAuth code for {} (entry {}): it expired before it could be exchanged", providerKey, id);
      return Outcome.HANDLED;
    }
    CalendarProvider provider;
    try {
      Optional<ProviderKey> key = ProviderKey.tryParse(providerKey);
      provider = key.isEmpty() ? null : client.resources(CalendarProvider.class)
          .inNamespace(key.get().namespace()).withName(key.get().name()).get();
    } catch (KubernetesClientException e) {
      return later(id, retry, providerKey, "cannot read the provider: " + e.getMessage(), Optional.empty());
    }
    if (provider == null || provider.getSpec() == null || VendorName.of(provider.getSpec().getVendor()) != grant.vendor()) {
      LOG.warn("dropping the OAuth code for {} (entry {}): no such {} provider", providerKey, id,
          grant.vendor().wireName());
      return Outcome.HANDLED;
    }
    Optional<StoredGrant> exchanged = retry == null ? Optional.empty() : retry.exchanged();
    if (exchanged.isEmpty()) {
      String code;
      try {
        code = grant.openCode(box);
      } catch (DecryptionException e) {
        LOG.error("dropping the OAuth code for {} (entry {}): it does not decrypt with this operator's"
            + " CALENDAR_OAUTH_ENCRYPTION_KEY (a receiver with another key, or an altered entry)", providerKey, id);
        return Outcome.HANDLED;
      }
      CredentialsReader.Outcome credentials;
      try {
        credentials = credentialsReader.read(provider, name -> Optional.ofNullable(
            client.secrets().inNamespace(provider.getMetadata().getNamespace()).withName(name).get()));
      } catch (KubernetesClientException e) {
        return later(id, retry, providerKey, "cannot read the credentials Secret: " + e.getMessage(), Optional.empty());
      }
      if (credentials.problem() != null) {
        return refused(provider, id, credentials.problem().message());
      }
      TokenGrant tokens;
      try {
        tokens = tokenEndpoint.exchange(provider.getSpec().getVendor(), credentials.credentials(), code,
            grant.redirectUri());
      } catch (VendorException e) {
        return switch (e.kind()) {
          case AUTHORIZATION_REVOKED, INVALID_CLIENT -> refused(provider, id, e.getMessage());
          default -> later(id, retry, providerKey, e.getMessage(), Optional.empty());
        };
      }
      if (tokens.refreshToken().isEmpty()) {
        return refused(provider, id, "the vendor granted no refresh token (no offline access)");
      }
      exchanged = Optional.of(new StoredGrant(tokens.refreshToken().get(),
          TokenSecrets.derivationOf(credentials.credentials().refreshToken()), clock.instant(), StoredGrant.CONSENT));
    }
    try {
      secrets.save(provider, exchanged.get());
    } catch (TokenStoreException e) {
      // The code is spent: keep the exchanged grant for the next attempt instead of exchanging again.
      return later(id, retry, providerKey, e.getMessage(), exchanged);
    }
    LOG.info("consent completed for {}", providerKey);
    events.normal(provider, Reason.AUTHORIZATION_GRANTED, "Access was granted through the consent link");
    wake.accept(providerKey);
    return Outcome.HANDLED;
  }

  private Outcome refused(CalendarProvider provider, String id, String why) {
    String key = provider.getMetadata().getNamespace() + "/" + provider.getMetadata().getName();
    LOG.warn("consent for {} (entry {}) could not be completed: {}", key, id, why);
    events.warning(provider, Reason.CONSENT_FAILED, "The consent could not be completed: " + why
        + "; open the new link in status.authorizationUrl");
    return Outcome.HANDLED;
  }

  private Outcome later(String id, Retry retry, String providerKey, String why, Optional<StoredGrant> exchanged) {
    int attempts = retry == null ? 1 : retry.attempts() + 1;
    Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
    retries.put(id, new Retry(attempts,
        System.nanoTime() + (delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay).toNanos(), exchanged));
    LOG.warn("consent for {} (entry {}) not completed yet, attempt {}: {}", providerKey, id, attempts, why);
    return Outcome.RETRY;
  }

  private void pause(Duration duration) {
    try {
      stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
