-- Search: trigram similarity (typo-tolerant matching) and btree_gin (workspace_id inside GIN indexes,
-- so that one tenant's search never walks another tenant's postings). Both are trusted extensions:
-- the database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
