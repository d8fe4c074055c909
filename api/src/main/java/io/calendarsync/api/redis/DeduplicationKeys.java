package io.calendarsync.api.redis;

import io.calendarsync.api.crypto.TokenDigest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What makes two deliveries "the same notification", so a vendor's retry is enqueued once. The identifying parts are
 * hashed into a fixed-length key (Graph resource paths can be long); each part is length-prefixed before hashing so
 * different splits of the same characters never collide.
 */
public final class DeduplicationKeys {

  private DeduplicationKeys() {}

  /** Google numbers the messages of a channel: a redelivery repeats X-Goog-Message-Number. */
  public static String google(String channelId, String messageNumber) {
    return key(VendorName.GOOGLE, channelId, messageNumber);
  }

  /**
   * A Graph change is identified by its subscription, change type, resource and the resource's etag (absent for
   * deletions, which then count once per resource).
   */
  public static String graphChange(String subscriptionId, String changeType, String resource, String etag) {
    return key(VendorName.MICROSOFT, "change", subscriptionId, changeType, resource, etag);
  }

  /**
   * Graph lifecycle events carry no id: the subscription, the event and a hash of the whole item (as received)
   * identify one.
   */
  public static String graphLifecycle(String subscriptionId, LifecycleEvent event, byte[] item) {
    return key(VendorName.MICROSOFT, "lifecycle", subscriptionId, event.wireName(),
        HexFormat.of().formatHex(TokenDigest.sha256(item)));
  }

  private static String key(VendorName vendor, String... parts) {
    ByteArrayOutputStream identity = new ByteArrayOutputStream();
    for (String part : parts) {
      byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
      identity.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      identity.writeBytes(bytes);
    }
    return RedisKeys.deduplication(vendor, HexFormat.of().formatHex(TokenDigest.sha256(identity.toByteArray())));
  }
}
