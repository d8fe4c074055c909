package io.calendarsync.operator.oauth;

import io.calendarsync.operator.sync.StoredGrant;
import io.calendarsync.operator.sync.SyncTarget;

/** Where the operator keeps the refresh tokens it obtained itself (rotations, consents), so a restart finds them. */
public interface RefreshTokenStore {

  /** Keeps {@code grant} as the provider's newest refresh token, replacing any before it. */
  void save(SyncTarget target, StoredGrant grant) throws TokenStoreException;

  /** Forgets the provider's kept refresh token: the person supplied a new grant, so it is stale. */
  void discard(SyncTarget target) throws TokenStoreException;
}
