-- communique store on PostgreSQL, version 5 (see ../0005_event_order.sql): newest first, undated
-- last, as the queries ask (ORDER BY date DESC NULLS LAST, id DESC).
CREATE INDEX real_events_date_id ON real_events(date DESC NULLS LAST, id DESC);
