-- What the operator remembers per CalendarProvider. A provider is keyed by '<namespace>/<name>', not by its uid: a
-- provider deleted and re-created under the same name finds its mappings and adopts its events instead of copying
-- them.

CREATE TABLE calendar_sync.event_mappings (
    provider             text        NOT NULL,
    tenant               text        NOT NULL,
    entry_id             text        NOT NULL,
    -- Null only for an entry the vendor refused to create (status error): there is no event yet.
    external_event_id    text,
    -- Google's etag or Graph's changeKey, and the entry's version, as of the last sync: a change that comes back
    -- with the same etag is our own write (no echo), and "both moved on since" is a conflict.
    external_etag        text,
    synced_entry_version bigint,
    status               text        NOT NULL DEFAULT 'synced',
    error_message        text,
    last_synced_at       timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now(),

    -- No foreign key to schedule_entries: a mapping must outlive a hard-deleted entry until its event is deleted.
    CONSTRAINT event_mappings_pkey PRIMARY KEY (provider, tenant, entry_id),
    CONSTRAINT event_mappings_external_event_key UNIQUE (provider, external_event_id),
    CONSTRAINT event_mappings_provider CHECK (provider ~ '^[^/]+/[^/]+$'),
    CONSTRAINT event_mappings_status CHECK (status IN ('synced', 'conflict', 'error')),
    CONSTRAINT event_mappings_error_has_message CHECK (status <> 'error' OR error_message IS NOT NULL),
    CONSTRAINT event_mappings_event_unless_refused CHECK (external_event_id IS NOT NULL OR status = 'error')
);

-- Every sync counts its provider's open conflicts; only the few parked pairs are indexed.
CREATE INDEX event_mappings_open_conflicts ON calendar_sync.event_mappings (provider) WHERE status = 'conflict';

CREATE TABLE calendar_sync.provider_sync_state (
    provider            text        NOT NULL,
    -- Change log position read up to: (transaction id, seq), see V2.
    watermark_tx_id     xid8,
    watermark_seq       bigint,
    -- Google's nextSyncToken or Graph's deltaLink. Not a credential: it is useless without the provider's token.
    external_sync_token text,
    window_start        timestamptz,
    window_end          timestamptz,
    last_full_sync_at   timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT provider_sync_state_pkey PRIMARY KEY (provider),
    CONSTRAINT provider_sync_state_provider CHECK (provider ~ '^[^/]+/[^/]+$'),
    CONSTRAINT provider_sync_state_watermark CHECK ((watermark_tx_id IS NULL) = (watermark_seq IS NULL)),
    CONSTRAINT provider_sync_state_window CHECK ((window_start IS NULL) = (window_end IS NULL)
        AND window_end > window_start)
);
