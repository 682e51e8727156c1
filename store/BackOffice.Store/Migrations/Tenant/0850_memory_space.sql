-- Issue 4: each memory vector records the embedder space it was written in (name/dimensions), so that a store never
-- compares vectors of two spaces (hashed n-grams vs an OpenAI-compatible model, or two models). Rows written before
-- were all written by the default hashed embedder at 256 dimensions.
ALTER TABLE memory_items ADD COLUMN space TEXT NOT NULL DEFAULT 'hashed-ngram-v1/256';
