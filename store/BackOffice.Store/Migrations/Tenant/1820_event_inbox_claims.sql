-- Issue 18: a processor claims pending events before sweeping for them, so two hosts never sweep for the same
-- events; a claim that outlives its host expires (claim_until, fixed-width UTC text) and another host takes it.
ALTER TABLE event_inbox ADD COLUMN claim_until TEXT;
