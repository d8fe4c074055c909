package io.calendarsync.receiver.support;

import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.ChannelRegistrationCodec;
import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.receiver.WebhookReceiver;
import io.calendarsync.receiver.config.ReceiverConfig;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real receiver on loopback in front of a real Redis (embedded redis-server), plus what tests need around it: a
 * Redis client to play the operator (register channels, read the streams), an HTTP client to play the vendors, and
 * the Prometheus scrape to read metrics. Nothing of the receiver is replaced.
 */
public final class ReceiverHarness implements AutoCloseable {

  /** The installation's encryption key, shared by the receiver and the "operator" side of the tests. */
  public static final String KEY_BASE64 = randomKey();
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  public final EmbeddedRedisServer redisServer;
  public final MutableClock clock = MutableClock.fixed(START);
  public final EncryptionKey encryptionKey = EncryptionKey.fromBase64(KEY_BASE64);
  private final RedisClient redisClient;
  private final WebhookReceiver receiver;
  private StatefulRedisConnection<String, String> redisConnection;

  private ReceiverHarness(EmbeddedRedisServer redisServer, ReceiverConfig config) throws Exception {
    this.redisServer = redisServer;
    this.redisClient = RedisClient.create(redisServer.uri());
    this.receiver = WebhookReceiver.start(config, clock);
  }

  /**
   * Generous, so a first request that connects and loads the scripts on a busy CI machine is not refused; tests of
   * the timeout itself pass {@link ReceiverConfig#DEFAULT_REDIS_TIMEOUT}.
   */
  private static final Duration TEST_REDIS_TIMEOUT = Duration.ofSeconds(10);

  /** A new Redis and a receiver in front of it. */
  public static ReceiverHarness start() throws Exception {
    return start(TEST_REDIS_TIMEOUT, null);
  }

  /** A new Redis and a receiver in front of it that knows its public URL (as behind an Ingress). */
  public static ReceiverHarness startBehind(URI publicUrl) throws Exception {
    return start(TEST_REDIS_TIMEOUT, publicUrl);
  }

  public static ReceiverHarness start(Duration redisTimeout, URI publicUrl) throws Exception {
    EmbeddedRedisServer redis = EmbeddedRedisServer.start();
    return new ReceiverHarness(redis, config(redis, redisTimeout, publicUrl));
  }

  /** A receiver for an existing (possibly stopped) Redis. */
  public static ReceiverHarness startAgainst(EmbeddedRedisServer redis) throws Exception {
    return new ReceiverHarness(redis, config(redis, TEST_REDIS_TIMEOUT, null));
  }

  private static ReceiverConfig config(EmbeddedRedisServer redis, Duration redisTimeout, URI publicUrl) {
    return new ReceiverConfig(redis.uri(), EncryptionKey.fromBase64(KEY_BASE64), 0, 0, publicUrl, redisTimeout);
  }

  /**
   * Redis as the operator (and the tests) see it; connects on first use, so a test can start the receiver while Redis
   * is down. Reconnects by itself after a Redis restart.
   */
  public synchronized RedisCommands<String, String> redis() {
    if (redisConnection == null) {
      redisConnection = redisClient.connect();
    }
    return redisConnection.sync();
  }

  /** A client of its own, for tests that need Redis busy or a connection of their own. */
  public RedisClient newRedisClient() {
    return RedisClient.create(redisServer.uri());
  }

  /** Empties Redis between tests. */
  public void reset() {
    redis().flushall();
  }

  public void register(ChannelRegistration registration) {
    redis().hset(registration.key(), ChannelRegistrationCodec.encode(registration));
  }

  public ChannelRegistration registerGoogleChannel(String channelId, String provider, String token, String resourceId) {
    ChannelRegistration registration = ChannelRegistration.withToken(VendorName.GOOGLE, channelId, provider, token,
        resourceId, START.plus(Duration.ofDays(7)));
    register(registration);
    return registration;
  }

  public ChannelRegistration registerGraphSubscription(String subscriptionId, String provider, String clientState) {
    ChannelRegistration registration = ChannelRegistration.withToken(VendorName.MICROSOFT, subscriptionId, provider,
        clientState, null, START.plus(Duration.ofDays(3)));
    register(registration);
    return registration;
  }

  /** The fields of every entry of the notification stream, oldest first. */
  public List<Map<String, String>> notifications() {
    return entries(RedisKeys.NOTIFICATIONS_STREAM);
  }

  /** The fields of every entry of the OAuth code stream, oldest first. */
  public List<Map<String, String>> oauthCodes() {
    return entries(RedisKeys.OAUTH_CODES_STREAM);
  }

  private List<Map<String, String>> entries(String stream) {
    return redis().xrange(stream, Range.create("-", "+")).stream().map(StreamMessage::getBody).toList();
  }

  public URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + receiver.port() + pathAndQuery);
  }

  public URI managementUrl(String path) {
    return URI.create("http://127.0.0.1:" + receiver.managementPort() + path);
  }

  public int port() {
    return receiver.port();
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(url(pathAndQuery)).GET().build());
  }

  public HttpResponse<String> getManagement(String path) {
    return send(HttpRequest.newBuilder(managementUrl(path)).GET().build());
  }

  /** A push as Google sends it: a POST with headers and no body. */
  public HttpResponse<String> postGoogle(Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url("/webhooks/google")).POST(HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return send(request.build());
  }

  /** What the operator does when it publishes a consent URL: issue a signed state and store its nonce. */
  public ConsentState.Issued issueConsent(String provider, VendorName vendor) {
    ConsentState.Issued issued = new ConsentState(encryptionKey, clock).issue(provider, vendor);
    redis().setex(issued.claims().nonceKey(), RedisKeys.CONSENT_STATE_TTL.toSeconds(), provider);
    return issued;
  }

  /** The redirect of a vendor's consent screen back to the receiver. */
  public HttpResponse<String> oauthCallback(String vendor, String code, String state) {
    return get("/oauth/callback/" + vendor + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
        + "&scope=https://www.googleapis.com/auth/calendar&state=" + state);
  }

  /** POSTs JSON, as Graph does. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /**
   * The value of one Prometheus sample, such as
   * {@code metric("calendarsync_receiver_notifications_rejected_total", "vendor", "google", "reason", "token_mismatch")};
   * 0 when the series does not exist yet.
   */
  public double metric(String name, String... labels) {
    Map<String, String> wanted = new HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{(.*)} (\\S+)$", Pattern.MULTILINE);
    Matcher matcher = sample.matcher(getManagement("/metrics").body());
    while (matcher.find()) {
      Map<String, String> seriesLabels = new HashMap<>();
      Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(matcher.group(1));
      while (label.find()) {
        seriesLabels.put(label.group(1), label.group(2));
      }
      if (seriesLabels.entrySet().containsAll(wanted.entrySet())) {
        return Double.parseDouble(matcher.group(2));
      }
    }
    return 0;
  }

  @Override
  public void close() throws Exception {
    try {
      receiver.close();
    } finally {
      redisClient.shutdown();
      redisServer.close();
    }
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
