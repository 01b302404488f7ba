-- communique store, version 5: the newest real-world events first, ties by id, read straight from
-- an index (the home page and /api/events without filters on millions of events).
CREATE INDEX real_events_date_id ON real_events(date, id);
