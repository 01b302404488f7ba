-- communique store on PostgreSQL, version 3: each event keeps the people who acted for its parties
-- (see ../0003_event_people.sql).
ALTER TABLE events ADD COLUMN people TEXT COLLATE "C" NOT NULL DEFAULT '[]';
