-- The change log: one row per change of a schedule entry, appended by a trigger in the writer's transaction, so a
-- change is logged if and only if it commits.
--
-- Readers must not use seq alone as a watermark: sequence numbers are taken in statement order, not commit order, so
-- a transaction can commit a lower seq after a reader has passed it. tx_id is the writer's transaction id: a reader
-- only takes rows whose transaction is below its snapshot's xmin (so every transaction that could still add a row
-- below that point has finished) and orders them by (tx_id, seq). See ChangeLogReader.

CREATE TABLE calendar_sync.schedule_entry_changes (
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    tx_id         xid8        NOT NULL DEFAULT pg_current_xact_id(),
    tenant        text        NOT NULL,
    entry_id      text        NOT NULL,
    entry_version bigint      NOT NULL,
    change_kind   text        NOT NULL,
    -- 'platform', or 'provider:<namespace>/<name>' when the operator applied a change from that provider's calendar
    -- (so that provider does not write its own change back).
    origin        text        NOT NULL,
    -- Both sets, so that a person who was just unassigned still sees the change that removes the entry.
    old_assignees text[]      NOT NULL,
    new_assignees text[]      NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT schedule_entry_changes_pkey PRIMARY KEY (seq),
    CONSTRAINT schedule_entry_changes_kind CHECK (change_kind IN ('created', 'updated', 'deleted')),
    CONSTRAINT schedule_entry_changes_origin CHECK (origin = 'platform' OR origin ~ '^provider:[^/]+/[^/]+$')
);

CREATE INDEX schedule_entry_changes_position ON calendar_sync.schedule_entry_changes (tenant, tx_id, seq);

-- SECURITY DEFINER: the platform's role needs rights on schedule_entries only, and cannot write the log itself.
CREATE FUNCTION calendar_sync.schedule_entries_log_change() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    entry calendar_sync.schedule_entries;
    kind  text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        entry := OLD;
        entry.version := OLD.version + 1;
        entry.assignees := '{}';
        kind := 'deleted';
    ELSE
        entry := NEW;
        kind := CASE
            WHEN NEW.deleted_at IS NOT NULL THEN 'deleted'
            WHEN TG_OP = 'INSERT' OR OLD.deleted_at IS NOT NULL THEN 'created'
            ELSE 'updated'
        END;
    END IF;

    INSERT INTO calendar_sync.schedule_entry_changes
        (tenant, entry_id, entry_version, change_kind, origin, old_assignees, new_assignees)
    VALUES (entry.tenant, entry.entry_id, entry.version, kind,
            -- Set by the operator with set_config('calendar_sync.origin', ..., true), which lasts until the end of
            -- its transaction; unset (or reset to '') for everyone else.
            coalesce(nullif(current_setting('calendar_sync.origin', true), ''), 'platform'),
            CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE OLD.assignees END,
            entry.assignees);

    -- Delivered at commit, and only then; identical payloads in one transaction arrive once. The users who had the
    -- entry before or after the change name the providers to wake, including one whose user was just unassigned.
    PERFORM pg_notify('calendar_sync_schedule_changes',
                      json_build_object('tenant', entry.tenant, 'entryId', entry.entry_id,
                          'users', ARRAY(SELECT DISTINCT unnest(
                              CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE OLD.assignees END || entry.assignees)))::text);

    -- Deleting a series deletes all of its occurrences, so its exceptions go with it (each logged in turn).
    IF kind = 'deleted' AND TG_OP = 'UPDATE' AND OLD.deleted_at IS NULL AND cardinality(NEW.recurrence) > 0 THEN
        UPDATE calendar_sync.schedule_entries
        SET deleted_at = NEW.deleted_at
        WHERE tenant = NEW.tenant AND series_entry_id = NEW.entry_id AND deleted_at IS NULL;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER schedule_entries_log_insert_or_delete
    AFTER INSERT OR DELETE ON calendar_sync.schedule_entries
    FOR EACH ROW EXECUTE FUNCTION calendar_sync.schedule_entries_log_change();

-- A no-op update keeps the version (see schedule_entries_before_write) and is not a change.
CREATE TRIGGER schedule_entries_log_update
    AFTER UPDATE ON calendar_sync.schedule_entries
    FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version)
    EXECUTE FUNCTION calendar_sync.schedule_entries_log_change();
