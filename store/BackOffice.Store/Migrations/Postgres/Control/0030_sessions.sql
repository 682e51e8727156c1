-- Issue 19 on PostgreSQL (issue 18): the twin of Control/0030_sessions.sql, a security stamp per user that signing out
-- or changing the password replaces, so every earlier console cookie stops working on its next request.
ALTER TABLE user_credentials ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
