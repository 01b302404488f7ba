-- communique store on PostgreSQL, version 1: the tables of the SQLite store's version 1 (see
-- ../0001_initial.sql for what each holds). Text compares byte by byte (COLLATE "C"), as in
-- SQLite, so dates at any precision and ids sort and compare the same in both stores.
CREATE TABLE documents (
  id          TEXT COLLATE "C" PRIMARY KEY,
  source      TEXT COLLATE "C" NOT NULL,
  url         TEXT COLLATE "C",
  title       TEXT COLLATE "C",
  published   TEXT COLLATE "C",
  format      TEXT COLLATE "C" NOT NULL,
  text        TEXT COLLATE "C" NOT NULL,
  record      TEXT COLLATE "C" NOT NULL,
  ingested_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX documents_published ON documents(published);
-- full-text search on title and text ('simple': lower case, no stemming, as FTS5's default)
CREATE INDEX documents_fts ON documents USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text));

CREATE TABLE actors (
  id      TEXT COLLATE "C" PRIMARY KEY,
  name    TEXT COLLATE "C" NOT NULL,
  type    TEXT COLLATE "C" NOT NULL CHECK (type IN ('person', 'country', 'organization')),
  country TEXT COLLATE "C"
);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE mentions (
  document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  actor_id    TEXT COLLATE "C" NOT NULL REFERENCES actors(id),
  name        TEXT COLLATE "C" NOT NULL,
  role        TEXT COLLATE "C",
  country     TEXT COLLATE "C",
  resolution  TEXT COLLATE "C",
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  PRIMARY KEY (document_id, actor_id, start)
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE events (
  id             TEXT COLLATE "C" PRIMARY KEY,
  document_id    TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_key      TEXT COLLATE "C" NOT NULL,
  type           TEXT COLLATE "C" NOT NULL,
  mode           TEXT COLLATE "C",
  cameo          TEXT COLLATE "C",
  goldstein      DOUBLE PRECISION,
  quad_class     INTEGER,
  date           TEXT COLLATE "C",
  status         TEXT COLLATE "C" NOT NULL,
  place_name     TEXT COLLATE "C",
  place_country  TEXT COLLATE "C",
  lat            DOUBLE PRECISION,
  lon            DOUBLE PRECISION,
  trigger        TEXT COLLATE "C",
  actor          TEXT COLLATE "C" NOT NULL,
  recipient      TEXT COLLATE "C" NOT NULL,
  evidence_text  TEXT COLLATE "C" NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_key ON events(event_key);

CREATE TABLE event_parties (
  event_id TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  party    TEXT COLLATE "C" NOT NULL,
  role     TEXT COLLATE "C" NOT NULL CHECK (role IN ('actor', 'recipient')),
  date     TEXT COLLATE "C",
  PRIMARY KEY (event_id, party, role)
);
CREATE INDEX event_parties_party_date ON event_parties(party, date, event_id);

CREATE TABLE agreements (
  id             TEXT COLLATE "C" PRIMARY KEY,
  document_id    TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  title          TEXT COLLATE "C" NOT NULL,
  kind           TEXT COLLATE "C",
  date           TEXT COLLATE "C",
  count          INTEGER,
  parties        TEXT COLLATE "C" NOT NULL,
  evidence_text  TEXT COLLATE "C" NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL
);
CREATE INDEX agreements_document ON agreements(document_id);

CREATE TABLE partnerships (
  id               TEXT COLLATE "C" PRIMARY KEY,
  document_id      TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  level            TEXT COLLATE "C" NOT NULL,
  level_normalized TEXT COLLATE "C" NOT NULL,
  rank             INTEGER,
  change           TEXT COLLATE "C" NOT NULL,
  date             TEXT COLLATE "C",
  parties          TEXT COLLATE "C" NOT NULL,
  evidence_text    TEXT COLLATE "C" NOT NULL,
  evidence_start   INTEGER NOT NULL,
  evidence_end     INTEGER NOT NULL
);
CREATE INDEX partnerships_document ON partnerships(document_id);

CREATE TABLE item_parties (
  kind    TEXT COLLATE "C" NOT NULL CHECK (kind IN ('agreement', 'partnership')),
  item_id TEXT COLLATE "C" NOT NULL,
  party   TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (kind, item_id, party)
);
CREATE INDEX item_parties_party ON item_parties(party, kind);

CREATE TABLE evidence (
  document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT COLLATE "C" NOT NULL,
  item_id     TEXT COLLATE "C" NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  text        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (kind, item_id, start, "end")
);
CREATE INDEX evidence_document ON evidence(document_id);

CREATE TABLE facts (
  id          TEXT COLLATE "C" PRIMARY KEY,
  document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('honour', 'invitation', 'cooperation', 'attendee')),
  date        TEXT COLLATE "C",
  payload     TEXT COLLATE "C" NOT NULL
);
CREATE INDEX facts_document ON facts(document_id);
CREATE INDEX facts_kind ON facts(kind);
