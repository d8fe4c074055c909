package io.calendarsync.receiver.oauth;

import io.calendarsync.api.crypto.SecretBox;
import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.InvalidConsentStateException;
import io.calendarsync.api.redis.OAuthCodeGrant;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.receiver.http.AsyncEndpoint;
import io.calendarsync.receiver.http.Reply;
import io.calendarsync.receiver.metrics.ReceiverMetrics;
import io.calendarsync.receiver.metrics.RejectionReason;
import io.calendarsync.receiver.queue.ConsentRedemption;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /oauth/callback/{vendor}}: where a vendor's consent screen sends the person back with {@code code} and
 * {@code state} (or {@code error}). The state must be signed by this installation, unexpired, for this vendor, and
 * unused; then the code is encrypted for its provider and handed to the operator, which exchanges it. Anything else
 * gets a 400 page and stores nothing.
 */
public final class OAuthCallbackHandler extends AsyncEndpoint {

  /** Authorization codes are a few hundred characters. */
  private static final int MAX_CODE_LENGTH = 2048;

  private final ConsentState consentState;
  private final SecretBox box;
  private final ConsentRedemption redemption;
  private final RedirectUris redirectUris;
  private final ReceiverMetrics metrics;
  private final Clock clock;

  public OAuthCallbackHandler(VendorName vendor, ConsentState consentState, SecretBox box,
      ConsentRedemption redemption, URI publicUrl, ReceiverMetrics metrics, Clock clock, Duration deadline) {
    super(vendor, "GET", deadline);
    this.consentState = consentState;
    this.box = box;
    this.redemption = redemption;
    this.redirectUris = new RedirectUris(publicUrl);
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  protected CompletableFuture<Reply> process(Request request) {
    Fields query = Request.extractQueryParameters(request);
    String error = query.getValue("error");
    if (error != null) {
      count(RejectionReason.VENDOR_ERROR);
      return done(ConsentPage.vendorRefused(error));
    }
    String code = query.getValue("code");
    String state = query.getValue("state");
    if (code == null || code.isBlank() || state == null || state.isBlank()) {
      return done(reject(RejectionReason.MISSING_PARAMETER));
    }
    if (code.length() > MAX_CODE_LENGTH) {
      return done(reject(RejectionReason.INVALID_PARAMETER));
    }
    ConsentState.Claims claims;
    try {
      claims = consentState.verify(state);
    } catch (InvalidConsentStateException e) {
      return done(reject(e.reason() == InvalidConsentStateException.Reason.EXPIRED
          ? RejectionReason.EXPIRED_STATE : RejectionReason.INVALID_STATE));
    }
    if (claims.vendor() != vendor()) {
      return done(reject(RejectionReason.VENDOR_MISMATCH));
    }
    OAuthCodeGrant grant = OAuthCodeGrant.seal(box, claims.providerKey(), vendor(), code, redirectUris.of(request),
        clock.instant());
    return redemption.redeem(claims, grant).thenApply(outcome -> switch (outcome) {
      case REDEEMED -> {
        metrics.oauthGranted(vendor());
        yield ConsentPage.granted();
      }
      case REPLAYED -> reject(RejectionReason.REPLAYED_STATE);
      case FOREIGN -> reject(RejectionReason.FOREIGN_STATE);
    });
  }

  @Override
  protected void count(RejectionReason reason) {
    metrics.oauthRejected(vendor(), reason);
  }

  @Override
  protected Reply rejectionReply(RejectionReason reason) {
    return ConsentPage.refused(reason);
  }
}
