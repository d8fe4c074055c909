-- The change notification names the change's origin too, so the provider whose calendar edit the operator just
-- applied is not woken by its own write (it would sync again and find nothing to do). Only the function changes; the
-- triggers of V2 call it by name. The origin is set by the operator with set_config('calendar_sync.origin', ..., true),
-- which lasts until the end of its transaction, and is unset (or reset to '') for everyone else.

CREATE OR REPLACE FUNCTION calendar_sync.schedule_entries_log_change() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    entry  calendar_sync.schedule_entries;
    kind   text;
    origin text := coalesce(nullif(current_setting('calendar_sync.origin', true), ''), 'platform');
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
            origin,
            CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE OLD.assignees END,
            entry.assignees);

    -- Delivered at commit, and only then; identical payloads in one transaction arrive once. The users who had the
    -- entry before or after the change name the providers to wake, including one whose user was just unassigned;
    -- the origin names the provider that made the change, which has nothing to send back.
    PERFORM pg_notify('calendar_sync_schedule_changes',
                      json_build_object('tenant', entry.tenant, 'entryId', entry.entry_id, 'origin', origin,
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
