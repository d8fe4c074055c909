-- The push channels (Google watch channels, Graph subscriptions) the operator opened for its providers, so it can
-- renew, re-register and stop them after a restart. Only the SHA-256 of a channel's token is kept: the token itself
-- is handed to the vendor once and never stored.

CREATE TABLE calendar_sync.push_channels (
    provider       text        NOT NULL,
    vendor         text        NOT NULL,
    -- Google's channel id (ours) or Graph's subscription id.
    channel_id     text        NOT NULL,
    -- Google's resourceId of the watch, needed to stop it; null for Graph.
    resource_id    text,
    token_digest   text        NOT NULL,
    expires_at     timestamptz NOT NULL,
    -- A channel replaced by a newer one (Google renewal) that is still to be stopped.
    retiring       boolean     NOT NULL DEFAULT false,
    -- What a Graph lifecycle notification asked for, done on the provider's next sync.
    pending_action text,
    created_at     timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT push_channels_pkey PRIMARY KEY (vendor, channel_id),
    CONSTRAINT push_channels_provider CHECK (provider ~ '^[^/]+/[^/]+$'),
    CONSTRAINT push_channels_vendor CHECK (vendor IN ('google', 'microsoft')),
    CONSTRAINT push_channels_token_digest CHECK (token_digest ~ '^[0-9a-f]{64}$'),
    CONSTRAINT push_channels_pending_action CHECK (pending_action IN ('renew', 'recreate'))
);

-- At most one live (not retiring) channel per provider; every sync looks its provider's channels up.
CREATE UNIQUE INDEX push_channels_current ON calendar_sync.push_channels (provider) WHERE NOT retiring;
CREATE INDEX push_channels_by_provider ON calendar_sync.push_channels (provider);
