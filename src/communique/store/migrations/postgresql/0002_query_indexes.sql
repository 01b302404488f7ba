-- communique store on PostgreSQL, version 2: the derived tables the queries read (see
-- ../0002_query_indexes.sql). From version 4 on they index real-world events and the writer
-- keeps them; here they are created empty, as nothing is stored before version 4 on PostgreSQL.
CREATE TABLE event_facets (
  party      TEXT COLLATE "C" NOT NULL,
  date       TEXT COLLATE "C" NOT NULL,
  event_id   TEXT COLLATE "C" NOT NULL,
  type       TEXT COLLATE "C" NOT NULL,
  quad_class INTEGER,
  status     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (party, date, event_id)
);
CREATE INDEX event_facets_party_type_date ON event_facets(party, type, date);

CREATE TABLE event_dyads (
  a          TEXT COLLATE "C" NOT NULL,
  b          TEXT COLLATE "C" NOT NULL,
  date       TEXT COLLATE "C" NOT NULL,
  event_id   TEXT COLLATE "C" NOT NULL,
  event_key  TEXT COLLATE "C" NOT NULL,
  type       TEXT COLLATE "C" NOT NULL,
  quad_class INTEGER,
  status     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (a, b, date, event_id)
);
CREATE INDEX event_dyads_date ON event_dyads(date, a, b, quad_class, event_key);
CREATE INDEX event_dyads_key ON event_dyads(a, b, event_key);

CREATE TABLE event_counts (
  party      TEXT COLLATE "C" NOT NULL,
  month      TEXT COLLATE "C" NOT NULL,
  type       TEXT COLLATE "C" NOT NULL,
  quad_class INTEGER NOT NULL,
  status     TEXT COLLATE "C" NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (party, month, type, quad_class, status)
);

CREATE INDEX evidence_fts ON evidence USING gin (to_tsvector('simple', text));
CREATE INDEX partnerships_date ON partnerships(date);
CREATE INDEX agreements_date ON agreements(date);
CREATE INDEX mentions_document_actor ON mentions(actor_id, role, document_id);
