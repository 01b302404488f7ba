-- communique store, version 3: each event keeps the people who acted for its parties (Event.people:
-- id, name, country, side), so a reader can write "Xi Jinping held talks with Emomali Rahmon".
-- JSON list, as in the record; '[]' when the text names nobody.
ALTER TABLE events ADD COLUMN people TEXT NOT NULL DEFAULT '[]';

-- Events stored before this version: take the people from the stored record, matching the record's
-- event by type and evidence span (the writer keeps the first of several record events a row merges).
UPDATE events SET people = coalesce((
  SELECT json_extract(j.value, '$.people') FROM documents d, json_each(d.record, '$.events') j
  WHERE d.id = events.document_id AND json_extract(j.value, '$.type') = events.type
    AND json_extract(j.value, '$.evidence.start') = events.evidence_start
    AND json_extract(j.value, '$.evidence.end') = events.evidence_end
    AND json_type(j.value, '$.people') = 'array'
  LIMIT 1), '[]');
