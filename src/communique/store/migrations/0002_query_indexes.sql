-- communique store, version 2: what the query layer (communique.query) needs to stay fast on
-- millions of events. Nothing here changes what the writer inserts: triggers keep the derived
-- tables in step with `events` and `evidence`.

-- One row per (party, event), clustered by (party, date): a country filter, with or without a
-- date range, reads one contiguous range and finds type, quad class and status in the same row,
-- so both the page and COUNT(*) avoid a look-up per event. `event_parties` has a row per role
-- (a party can be actor and recipient) and no type, which makes counts need DISTINCT and joins.
-- Undated events get date '' because a primary-key column of a WITHOUT ROWID table cannot be NULL.
CREATE TABLE event_facets (
  party      TEXT NOT NULL,
  date       TEXT NOT NULL,
  event_id   TEXT NOT NULL,
  type       TEXT NOT NULL,
  quad_class INTEGER,
  status     TEXT NOT NULL,
  PRIMARY KEY (party, date, event_id)
) WITHOUT ROWID;
CREATE INDEX event_facets_party_type_date ON event_facets(party, type, date);

INSERT OR IGNORE INTO event_facets (party, date, event_id, type, quad_class, status)
  SELECT j.value, coalesce(e.date, ''), e.id, e.type, e.quad_class, e.status FROM events e, json_each(e.actor) j;
INSERT OR IGNORE INTO event_facets (party, date, event_id, type, quad_class, status)
  SELECT j.value, coalesce(e.date, ''), e.id, e.type, e.quad_class, e.status FROM events e, json_each(e.recipient) j;

-- One row per unordered pair of parties (a < b) and event, clustered by (pair, date): the dyad
-- filter, the dyad timeline and the top relationships read one contiguous range; the index on
-- date serves the network of a period without touching `events`.
CREATE TABLE event_dyads (
  a          TEXT NOT NULL,
  b          TEXT NOT NULL,
  date       TEXT NOT NULL,
  event_id   TEXT NOT NULL,
  event_key  TEXT NOT NULL,
  type       TEXT NOT NULL,
  quad_class INTEGER,
  status     TEXT NOT NULL,
  PRIMARY KEY (a, b, date, event_id)
) WITHOUT ROWID;
CREATE INDEX event_dyads_date ON event_dyads(date, a, b, quad_class, event_key);
-- counts distinct real-world events of a pair without a temporary b-tree
CREATE INDEX event_dyads_key ON event_dyads(a, b, event_key);

INSERT OR IGNORE INTO event_dyads (a, b, date, event_id, event_key, type, quad_class, status)
  SELECT x.party, y.party, coalesce(e.date, ''), e.id, e.event_key, e.type, e.quad_class, e.status
  FROM event_parties x JOIN event_parties y ON y.event_id = x.event_id AND x.party < y.party
  JOIN events e ON e.id = x.event_id;

-- Events per (party, month, type, quad class, status), party '*' for all events: an exact COUNT
-- of a common filter (a country, a type, a period) sums a few hundred rows instead of scanning
-- hundreds of thousands, and the chart of counts per month reads it directly. `month` is the
-- first 7 characters of the date: YYYY-MM, YYYY for year precision, '' when undated.
CREATE TABLE event_counts (
  party      TEXT NOT NULL,
  month      TEXT NOT NULL,
  type       TEXT NOT NULL,
  quad_class INTEGER NOT NULL,             -- 0 when the event has none
  status     TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (party, month, type, quad_class, status)
) WITHOUT ROWID;

INSERT INTO event_counts (party, month, type, quad_class, status, n)
  SELECT party, substr(date, 1, 7), type, coalesce(quad_class, 0), status, count(*) FROM event_facets
  GROUP BY 1, 2, 3, 4, 5;
INSERT INTO event_counts (party, month, type, quad_class, status, n)
  SELECT '*', substr(coalesce(date, ''), 1, 7), type, coalesce(quad_class, 0), status, count(*) FROM events
  GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER events_derived_ai AFTER INSERT ON events BEGIN
  INSERT OR IGNORE INTO event_facets (party, date, event_id, type, quad_class, status)
    SELECT value, coalesce(new.date, ''), new.id, new.type, new.quad_class, new.status
    FROM (SELECT value FROM json_each(new.actor) UNION SELECT value FROM json_each(new.recipient));
  INSERT OR IGNORE INTO event_dyads (a, b, date, event_id, event_key, type, quad_class, status)
    SELECT x.value, y.value, coalesce(new.date, ''), new.id, new.event_key, new.type, new.quad_class, new.status
    FROM (SELECT value FROM json_each(new.actor) UNION SELECT value FROM json_each(new.recipient)) x,
         (SELECT value FROM json_each(new.actor) UNION SELECT value FROM json_each(new.recipient)) y
    WHERE x.value < y.value;
  INSERT INTO event_counts (party, month, type, quad_class, status, n)
    SELECT value, substr(coalesce(new.date, ''), 1, 7), new.type, coalesce(new.quad_class, 0), new.status, 1
    FROM (SELECT '*' AS value UNION SELECT value FROM json_each(new.actor)
          UNION SELECT value FROM json_each(new.recipient)) WHERE true
    ON CONFLICT (party, month, type, quad_class, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_derived_ad AFTER DELETE ON events BEGIN
  DELETE FROM event_facets WHERE date = coalesce(old.date, '') AND event_id = old.id
    AND party IN (SELECT value FROM json_each(old.actor) UNION SELECT value FROM json_each(old.recipient));
  DELETE FROM event_dyads WHERE date = coalesce(old.date, '') AND event_id = old.id
    AND a IN (SELECT value FROM json_each(old.actor) UNION SELECT value FROM json_each(old.recipient));
  UPDATE event_counts SET n = n - 1
    WHERE month = substr(coalesce(old.date, ''), 1, 7) AND type = old.type
      AND quad_class = coalesce(old.quad_class, 0) AND status = old.status
      AND party IN (SELECT '*' UNION SELECT value FROM json_each(old.actor)
                    UNION SELECT value FROM json_each(old.recipient));
END;
CREATE TRIGGER events_derived_au AFTER UPDATE ON events BEGIN
  DELETE FROM event_facets WHERE date = coalesce(old.date, '') AND event_id = old.id
    AND party IN (SELECT value FROM json_each(old.actor) UNION SELECT value FROM json_each(old.recipient));
  DELETE FROM event_dyads WHERE date = coalesce(old.date, '') AND event_id = old.id
    AND a IN (SELECT value FROM json_each(old.actor) UNION SELECT value FROM json_each(old.recipient));
  INSERT OR IGNORE INTO event_facets (party, date, event_id, type, quad_class, status)
    SELECT value, coalesce(new.date, ''), new.id, new.type, new.quad_class, new.status
    FROM (SELECT value FROM json_each(new.actor) UNION SELECT value FROM json_each(new.recipient));
  INSERT OR IGNORE INTO event_dyads (a, b, date, event_id, event_key, type, quad_class, status)
    SELECT x.value, y.value, coalesce(new.date, ''), new.id, new.event_key, new.type, new.quad_class, new.status
    FROM (SELECT value FROM json_each(new.actor) UNION SELECT value FROM json_each(new.recipient)) x,
         (SELECT value FROM json_each(new.actor) UNION SELECT value FROM json_each(new.recipient)) y
    WHERE x.value < y.value;
  UPDATE event_counts SET n = n - 1
    WHERE month = substr(coalesce(old.date, ''), 1, 7) AND type = old.type
      AND quad_class = coalesce(old.quad_class, 0) AND status = old.status
      AND party IN (SELECT '*' UNION SELECT value FROM json_each(old.actor)
                    UNION SELECT value FROM json_each(old.recipient));
  INSERT INTO event_counts (party, month, type, quad_class, status, n)
    SELECT value, substr(coalesce(new.date, ''), 1, 7), new.type, coalesce(new.quad_class, 0), new.status, 1
    FROM (SELECT '*' AS value UNION SELECT value FROM json_each(new.actor)
          UNION SELECT value FROM json_each(new.recipient)) WHERE true
    ON CONFLICT (party, month, type, quad_class, status) DO UPDATE SET n = n + 1;
END;

-- filters without a party go through `events`; (type, date) and (date) exist already
CREATE INDEX events_quad_date ON events(quad_class, date);
CREATE INDEX events_status_date ON events(status, date);
CREATE INDEX events_place_country ON events(place_country);
CREATE INDEX events_place_name ON events(place_name COLLATE NOCASE);

-- full-text search on evidence sentences (documents have documents_fts already)
CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', content_rowid='rowid');
INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild');
CREATE TRIGGER evidence_fts_ai AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER evidence_fts_ad AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

-- the dyad timeline and partnership ladder look items up by party, then by id
CREATE INDEX partnerships_date ON partnerships(date);
CREATE INDEX agreements_date ON agreements(date);
CREATE INDEX mentions_document_actor ON mentions(actor_id, role, document_id);
