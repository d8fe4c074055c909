-- The platform's schedule: written by the platform, and by the operator when a person changes an event in their
-- calendar. docs/schedule-store.md is the contract a platform developer reads.

CREATE TABLE calendar_sync.schedule_entries (
    tenant              text        NOT NULL,
    entry_id            text        NOT NULL,
    title               text        NOT NULL DEFAULT '',
    description         text,
    location            text,
    -- Timed entries: starts_at/ends_at. All-day entries: start_date/end_date, end exclusive (a one-day entry on
    -- 2026-03-02 has end_date 2026-03-03), which is how both vendors count and so never grows on a round trip.
    starts_at           timestamptz,
    ends_at             timestamptz,
    start_date          date,
    end_date            date,
    -- IANA name; recurrence rules expand in it (a weekly 09:00 stays 09:00 across daylight saving time).
    time_zone           text        NOT NULL DEFAULT 'UTC',
    -- RFC 5545 lines of a series, e.g. {'RRULE:FREQ=WEEKLY;BYDAY=MO', 'EXDATE;TZID=Europe/Berlin:20260309T090000'}.
    recurrence          text[]      NOT NULL DEFAULT '{}',
    -- An exception (one moved or cancelled occurrence of a series) is an entry of its own that names its series and
    -- the occurrence's original start, as Google's recurringEventId/originalStartTime and Graph's
    -- seriesMasterId/originalStart do. Being a full row, it gets a version, a change log row and its own
    -- mapping to the vendor's instance, with no second code path.
    series_entry_id     text,
    original_start      timestamptz,
    original_start_date date,
    status              text        NOT NULL DEFAULT 'confirmed',
    is_private          boolean     NOT NULL DEFAULT false,
    -- User ids whose calendars show this entry.
    assignees           text[]      NOT NULL DEFAULT '{}',
    -- Owned by the database (trigger below): 1 on insert, +1 on every update that changes something.
    version             bigint      NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    -- Soft delete: the row stays so that every calendar which shows it learns about the deletion.
    deleted_at          timestamptz,

    CONSTRAINT schedule_entries_pkey PRIMARY KEY (tenant, entry_id),
    CONSTRAINT schedule_entries_series_fkey FOREIGN KEY (tenant, series_entry_id)
        REFERENCES calendar_sync.schedule_entries (tenant, entry_id) ON DELETE CASCADE,
    CONSTRAINT schedule_entries_ids_not_blank CHECK (btrim(tenant) <> '' AND btrim(entry_id) <> ''),
    CONSTRAINT schedule_entries_timed_or_all_day CHECK (
        (starts_at IS NOT NULL AND ends_at IS NOT NULL AND start_date IS NULL AND end_date IS NULL)
        OR (starts_at IS NULL AND ends_at IS NULL AND start_date IS NOT NULL AND end_date IS NOT NULL)),
    CONSTRAINT schedule_entries_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT schedule_entries_end_date_after_start_date CHECK (end_date > start_date),
    CONSTRAINT schedule_entries_status CHECK (status IN ('confirmed', 'tentative', 'cancelled')),
    -- Area/Location names (and UTC) only: abbreviations such as EST and POSIX strings are ambiguous, and vendors
    -- accept IANA names only. The trigger checks that PostgreSQL knows the zone.
    CONSTRAINT schedule_entries_time_zone_name CHECK (time_zone ~ '^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+)+)$'),
    CONSTRAINT schedule_entries_recurrence_lines CHECK (
        array_position(recurrence, NULL) IS NULL
        AND array_to_string(recurrence, E'\n') ~ '^((RRULE|RDATE|EXDATE)[:;][^\n]+(\n|$))*$'),
    CONSTRAINT schedule_entries_exception_names_occurrence CHECK (
        (series_entry_id IS NULL AND original_start IS NULL AND original_start_date IS NULL)
        OR (series_entry_id IS NOT NULL AND num_nonnulls(original_start, original_start_date) = 1)),
    CONSTRAINT schedule_entries_exception_not_recurring CHECK (series_entry_id IS NULL OR cardinality(recurrence) = 0),
    CONSTRAINT schedule_entries_assignees_not_null CHECK (array_position(assignees, NULL) IS NULL)
);

-- One live exception per occurrence of a series.
CREATE UNIQUE INDEX schedule_entries_timed_occurrence_key
    ON calendar_sync.schedule_entries (tenant, series_entry_id, original_start)
    WHERE deleted_at IS NULL AND original_start IS NOT NULL;
CREATE UNIQUE INDEX schedule_entries_all_day_occurrence_key
    ON calendar_sync.schedule_entries (tenant, series_entry_id, original_start_date)
    WHERE deleted_at IS NULL AND original_start_date IS NOT NULL;
-- Finds a series' exceptions (and serves the foreign key's cascade).
CREATE INDEX schedule_entries_series
    ON calendar_sync.schedule_entries (tenant, series_entry_id)
    WHERE series_entry_id IS NOT NULL;
-- Finds a person's entries.
CREATE INDEX schedule_entries_assignees
    ON calendar_sync.schedule_entries USING gin (assignees)
    WHERE deleted_at IS NULL;

CREATE FUNCTION calendar_sync.schedule_entries_before_write() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.tenant, NEW.entry_id) IS DISTINCT FROM (OLD.tenant, OLD.entry_id) THEN
            RAISE EXCEPTION 'schedule entry (%, %) cannot change its tenant or entry_id', OLD.tenant, OLD.entry_id
                USING ERRCODE = 'check_violation', HINT = 'Soft-delete the entry and insert a new one.';
        END IF;
        -- The database owns these columns: whatever the writer sent is replaced.
        NEW.version := OLD.version;
        NEW.created_at := OLD.created_at;
        NEW.updated_at := OLD.updated_at;
        IF NEW IS NOT DISTINCT FROM OLD THEN
            -- Nothing changed: no new version and no change log row, so rewriting a row as it is (as an
            -- ORM may do) sends nothing to any calendar.
            RETURN NEW;
        END IF;
        NEW.version := OLD.version + 1;
    ELSE
        NEW.version := 1;
        NEW.created_at := now();
    END IF;
    NEW.updated_at := now();

    -- Fails with "time zone ... not recognized" for a well-formed but unknown name.
    PERFORM now() AT TIME ZONE NEW.time_zone;

    IF NEW.series_entry_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM calendar_sync.schedule_entries s
        WHERE s.tenant = NEW.tenant AND s.entry_id = NEW.series_entry_id AND cardinality(s.recurrence) = 0) THEN
        RAISE EXCEPTION 'schedule entry (%, %) is an exception of %, which has no recurrence',
            NEW.tenant, NEW.entry_id, NEW.series_entry_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER schedule_entries_before_write
    BEFORE INSERT OR UPDATE ON calendar_sync.schedule_entries
    FOR EACH ROW EXECUTE FUNCTION calendar_sync.schedule_entries_before_write();
