package io.calendarsync.operator.sync;

/**
 * Keeps a provider's push channel live while it syncs and releases it when it stops. Push only lowers latency, so a
 * channel that cannot be kept is reported in the {@link PushState}, never as a failed sync.
 */
public interface PushChannelKeeper {

  /** Opens, renews or re-registers the provider's channel as needed (or stops it when push is off). */
  PushState keep(SyncTarget target);

  /** Stops the provider's channels and forgets them; safe to call repeatedly and for a provider without one. */
  void release(SyncTarget target) throws SyncFailure;

  /** For an engine without push (tests, benchmarks): every provider is polled. */
  static PushChannelKeeper none() {
    return new PushChannelKeeper() {
      @Override
      public PushState keep(SyncTarget target) {
        return PushState.inactive(PushState.RECEIVER_NOT_CONFIGURED,
            "No public receiver URL is configured; changes arrive with each sync");
      }

      @Override
      public void release(SyncTarget target) {
      }
    };
  }
}
