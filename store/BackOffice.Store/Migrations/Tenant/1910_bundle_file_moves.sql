-- Issue 19: raw bundle files are staged under the tenant folder before the import commits; the staging token is
-- recorded in the same transaction as the rows. A staging folder whose token is here was committed and is moved into
-- place (also on recovery after a crash); one whose token is missing was rolled back and is deleted.
CREATE TABLE bundle_file_moves (
    token TEXT PRIMARY KEY,
    staged_at TEXT NOT NULL);
