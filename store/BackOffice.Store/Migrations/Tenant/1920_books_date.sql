-- Issue 17: a tenant whose books are a fixed sample (the demo) is read as of the sample's own date, not today's clock,
-- so aging, due dates and the README walkthrough's ids hold on any day. No row: the books are live, today is the date.
CREATE TABLE books_date (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    as_of TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL);
