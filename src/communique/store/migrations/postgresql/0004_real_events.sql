-- communique store on PostgreSQL, version 4: real-world events clustered from their reports (see
-- ../0004_real_events.sql for what each column holds).
ALTER TABLE documents ADD COLUMN publisher TEXT COLLATE "C" NOT NULL DEFAULT '';

ALTER TABLE events ADD COLUMN group_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN norm_actor TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN norm_recipient TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN persons TEXT COLLATE "C" NOT NULL DEFAULT '{}';
ALTER TABLE events ADD COLUMN real_event_id TEXT COLLATE "C";
CREATE INDEX events_group ON events(group_key);
CREATE INDEX events_real_event ON events(real_event_id);

CREATE TABLE real_events (
  id              TEXT COLLATE "C" PRIMARY KEY,
  group_key       TEXT COLLATE "C" NOT NULL,
  type            TEXT COLLATE "C" NOT NULL,
  mode            TEXT COLLATE "C",
  cameo           TEXT COLLATE "C",
  goldstein       DOUBLE PRECISION,
  quad_class      INTEGER,
  date            TEXT COLLATE "C",
  status          TEXT COLLATE "C" NOT NULL,
  place_name      TEXT COLLATE "C",
  place_country   TEXT COLLATE "C",
  lat             DOUBLE PRECISION,
  lon             DOUBLE PRECISION,
  trigger         TEXT COLLATE "C",
  actor           TEXT COLLATE "C" NOT NULL,
  recipient       TEXT COLLATE "C" NOT NULL,
  people          TEXT COLLATE "C" NOT NULL,
  mention_id      TEXT COLLATE "C" NOT NULL,
  document_id     TEXT COLLATE "C" NOT NULL,
  evidence_text   TEXT COLLATE "C" NOT NULL,
  evidence_start  INTEGER NOT NULL,
  evidence_end    INTEGER NOT NULL,
  mentions        INTEGER NOT NULL,
  documents       INTEGER NOT NULL,
  publishers      INTEGER NOT NULL,
  first_published TEXT COLLATE "C",
  last_published  TEXT COLLATE "C"
);
CREATE INDEX real_events_group ON real_events(group_key);
CREATE INDEX real_events_date ON real_events(date);
CREATE INDEX real_events_type_date ON real_events(type, date);
CREATE INDEX real_events_quad_date ON real_events(quad_class, date);
CREATE INDEX real_events_status_date ON real_events(status, date);
CREATE INDEX real_events_place_country ON real_events(place_country);
CREATE INDEX real_events_place_name ON real_events(lower(place_name));

CREATE TABLE real_event_parties (
  event_id TEXT COLLATE "C" NOT NULL,
  party    TEXT COLLATE "C" NOT NULL,
  role     TEXT COLLATE "C" NOT NULL CHECK (role IN ('actor', 'recipient')),
  PRIMARY KEY (event_id, party, role)
);
