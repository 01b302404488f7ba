-- communique store, version 1. Every extracted item points back to its document; a document
-- is keyed by the hash of its normalised text, so a re-ingest inserts nothing.
CREATE TABLE documents (
  id          TEXT PRIMARY KEY,          -- sha256 of the normalised text
  source      TEXT NOT NULL,
  url         TEXT,
  title       TEXT,
  published   TEXT,
  format      TEXT NOT NULL,
  text        TEXT NOT NULL,
  record      TEXT NOT NULL,             -- the full extraction record, JSON
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TABLE actors (
  id      TEXT PRIMARY KEY,                -- ISO alpha-3, IGO:XXX or person:<slug>
  name    TEXT NOT NULL,
  type    TEXT NOT NULL CHECK (type IN ('person', 'country', 'organization')),
  country TEXT
);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE mentions (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  actor_id    TEXT NOT NULL REFERENCES actors(id),
  name        TEXT NOT NULL,
  role        TEXT,
  country     TEXT,
  resolution  TEXT,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  PRIMARY KEY (document_id, actor_id, start)
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE events (
  id            TEXT PRIMARY KEY,          -- hash of document and (type, parties, date)
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_key     TEXT NOT NULL,             -- hash of (type, parties, date): one real-world event across documents
  type          TEXT NOT NULL,
  mode          TEXT,
  cameo         TEXT,
  goldstein     REAL,
  quad_class    INTEGER,
  date          TEXT,
  status        TEXT NOT NULL,
  place_name    TEXT,
  place_country TEXT,
  lat           REAL,
  lon           REAL,
  trigger       TEXT,
  actor         TEXT NOT NULL,             -- JSON list, as in the record
  recipient     TEXT NOT NULL,             -- JSON list
  evidence_text TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end  INTEGER NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_key ON events(event_key);

CREATE TABLE event_parties (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  party    TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  date     TEXT,                           -- copied from the event so party+date filters use one index
  PRIMARY KEY (event_id, party, role)
);
CREATE INDEX event_parties_party_date ON event_parties(party, date, event_id);

CREATE TABLE agreements (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  kind        TEXT,
  date        TEXT,
  count       INTEGER,
  parties     TEXT NOT NULL,               -- JSON list
  evidence_text TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL
);
CREATE INDEX agreements_document ON agreements(document_id);

CREATE TABLE partnerships (
  id               TEXT PRIMARY KEY,
  document_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  level            TEXT NOT NULL,
  level_normalized TEXT NOT NULL,
  rank             INTEGER,
  change           TEXT NOT NULL,
  date             TEXT,
  parties          TEXT NOT NULL,          -- JSON list
  evidence_text    TEXT NOT NULL,
  evidence_start   INTEGER NOT NULL,
  evidence_end     INTEGER NOT NULL
);
CREATE INDEX partnerships_document ON partnerships(document_id);

-- who takes part in an agreement or partnership, for dyad look-ups
CREATE TABLE item_parties (
  kind    TEXT NOT NULL CHECK (kind IN ('agreement', 'partnership')),
  item_id TEXT NOT NULL,
  party   TEXT NOT NULL,
  PRIMARY KEY (kind, item_id, party)
);
CREATE INDEX item_parties_party ON item_parties(party, kind);

-- every evidence span of every item (an event reported in three sentences has three)
CREATE TABLE evidence (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,               -- event, agreement, partnership, honour, invitation, cooperation, attendee, actor
  item_id     TEXT NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (kind, item_id, start, "end")
);
CREATE INDEX evidence_document ON evidence(document_id);

-- the diplomatic facts no event dataset keeps, beyond agreements and partnerships
CREATE TABLE facts (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('honour', 'invitation', 'cooperation', 'attendee')),
  date        TEXT,
  payload     TEXT NOT NULL                -- JSON of the record item
);
CREATE INDEX facts_document ON facts(document_id);
CREATE INDEX facts_kind ON facts(kind);
