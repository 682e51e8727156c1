-- Issue 19: a security stamp per user. Every console session carries the stamp it was signed in with; signing out or
-- changing the password replaces it, so every earlier cookie stops working on its next request.
ALTER TABLE user_credentials ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
