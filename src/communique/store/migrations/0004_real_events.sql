-- communique store, version 4: real-world events. A real event is reported many times (the White
-- House and the Kremlin each publish a readout of one call); `events` keeps one row per report
-- (a mention) and `real_events` one row per real-world event, clustered from its reports by
-- communique.merge. The store computes them in Python after this script (see store/sqlite.py);
-- the derived tables of version 2 now index real events, kept by the writer instead of triggers.

-- who published a document: the URL's host, else its file (communique.merge.publisher)
ALTER TABLE documents ADD COLUMN publisher TEXT NOT NULL DEFAULT '';

-- per report: the group of reports that may tell of one event (type and party set, persons
-- counted as their country), those parties by role, the persons named per country, and the
-- real event it belongs to
ALTER TABLE events ADD COLUMN group_key TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN norm_actor TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN norm_recipient TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN persons TEXT NOT NULL DEFAULT '{}';
ALTER TABLE events ADD COLUMN real_event_id TEXT;
CREATE INDEX events_group ON events(group_key);
CREATE INDEX events_real_event ON events(real_event_id);

CREATE TABLE real_events (
  id              TEXT PRIMARY KEY,        -- hash of the group and the first report's id
  group_key       TEXT NOT NULL,
  type            TEXT NOT NULL,
  mode            TEXT,
  cameo           TEXT,
  goldstein       REAL,
  quad_class      INTEGER,
  date            TEXT,                    -- chosen from the reports' dates (communique.merge.best_date)
  status          TEXT NOT NULL,           -- occurred when any report says it occurred
  place_name      TEXT,
  place_country   TEXT,
  lat             REAL,
  lon             REAL,
  trigger         TEXT,
  actor           TEXT NOT NULL,           -- JSON lists, persons counted as their country
  recipient       TEXT NOT NULL,
  people          TEXT NOT NULL,           -- JSON: the people of every report, the representative's first
  mention_id      TEXT NOT NULL,           -- the report that speaks for the event
  document_id     TEXT NOT NULL,
  evidence_text   TEXT NOT NULL,
  evidence_start  INTEGER NOT NULL,
  evidence_end    INTEGER NOT NULL,
  mentions        INTEGER NOT NULL,        -- evidence sentences over all reports (GDELT NumMentions)
  documents       INTEGER NOT NULL,        -- reporting documents (NumArticles)
  publishers      INTEGER NOT NULL,        -- distinct publishers (NumSources)
  first_published TEXT,
  last_published  TEXT
);
CREATE INDEX real_events_group ON real_events(group_key);
CREATE INDEX real_events_date ON real_events(date);
CREATE INDEX real_events_type_date ON real_events(type, date);
CREATE INDEX real_events_quad_date ON real_events(quad_class, date);
CREATE INDEX real_events_status_date ON real_events(status, date);
CREATE INDEX real_events_place_country ON real_events(place_country);
CREATE INDEX real_events_place_name ON real_events(place_name COLLATE NOCASE);

CREATE TABLE real_event_parties (
  event_id TEXT NOT NULL,
  party    TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  PRIMARY KEY (event_id, party, role)
);

-- the derived tables of version 2 now hold real events, written with them
DROP TRIGGER events_derived_ai;
DROP TRIGGER events_derived_ad;
DROP TRIGGER events_derived_au;
DELETE FROM event_facets;
DELETE FROM event_dyads;
DELETE FROM event_counts;
