package io.calendarsync.operator.consent;

import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.sync.ConsentOffer;
import io.calendarsync.operator.sync.SyncTarget;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisStringCommands;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds a provider's consent link: the vendor's authorization page asking for offline access to the calendar, with a
 * signed, expiring state whose single-use nonce is stored in Redis before the link is handed out
 * (docs/redis-contract.md, "OAuth consent hand-off"). The vendor sends the person back to the webhook receiver.
 */
public final class ConsentLinks {

  static final String GOOGLE_SCOPE = "https://www.googleapis.com/auth/calendar";
  static final String MICROSOFT_SCOPE = "offline_access Calendars.ReadWrite";

  private final ConsentState states;
  private final RedisStringCommands<String, String> redis;
  private final VendorEndpoints endpoints;
  private final Optional<URI> receiverPublicUrl;

  public ConsentLinks(ConsentState states, RedisStringCommands<String, String> redis, VendorEndpoints endpoints,
      Optional<URI> receiverPublicUrl) {
    this.states = states;
    this.redis = redis;
    this.endpoints = endpoints;
    this.receiverPublicUrl = receiverPublicUrl;
  }

  /** Where the vendor sends the person back: the receiver's public URL + {@code /oauth/callback/{vendor}}. */
  public static String redirectUri(URI receiverPublicUrl, VendorName vendor) {
    return receiverPublicUrl.toString().replaceAll("/+$", "") + "/oauth/callback/" + vendor.wireName();
  }

  public ConsentOffer offer(SyncTarget target) {
    if (receiverPublicUrl.isEmpty()) {
      return ConsentOffer.unavailable("the webhook receiver's public URL is not configured (--receiver-public-url,"
          + " CALENDAR_SYNC_RECEIVER_PUBLIC_URL; chart value receiver.publicUrl), so the vendor could not send the"
          + " person back; put a refresh token into the credentials Secret instead");
    }
    VendorName vendor = VendorName.of(target.spec().getVendor());
    ConsentState.Issued issued = states.issue(target.key(), vendor);
    try {
      redis.set(issued.claims().nonceKey(), target.key(), SetArgs.Builder.ex(RedisKeys.CONSENT_STATE_TTL));
    } catch (RedisException e) {
      return ConsentOffer.failed("the consent link's state could not be stored in Redis (" + e.getMessage()
          + "); retrying");
    }
    return ConsentOffer.of(url(target, vendor, issued.state()), issued.claims().expiresAt());
  }

  private String url(SyncTarget target, VendorName vendor, String state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", target.credentials().clientId());
    query.put("response_type", "code");
    query.put("redirect_uri", redirectUri(receiverPublicUrl.orElseThrow(), vendor));
    URI page;
    if (target.spec().getVendor() == Vendor.Microsoft) {
      query.put("response_mode", "query");
      query.put("scope", MICROSOFT_SCOPE);
      page = endpoints.microsoftAuthorize(target.credentials().tenantId().orElseThrow());
    } else {
      query.put("scope", GOOGLE_SCOPE);
      // Without both, Google returns no refresh token when the person consented to this client before.
      query.put("access_type", "offline");
      query.put("prompt", "consent");
      page = endpoints.googleAuthorize();
    }
    query.put("state", state);
    return page + "?" + query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("&"));
  }
}
