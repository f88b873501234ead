CREATE INDEX "contacts_search_order_idx" ON "contacts" USING btree ("workspace_id",length("name"),"created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "accounts_search_order_idx" ON "accounts" USING btree ("workspace_id",length("name"),"created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Search reads through these views (docs/search.md, "Row-level security and indexes"). Under the tenant
-- policy PostgreSQL may use an index only for leakproof operators, and neither `&&` (search keys) nor
-- pg_trgm's `<%` is one: every search read the whole table. The views belong to the migrating role, so the
-- tables' policies do not apply through them; their WHERE is the policy's own condition, so a query that
-- forgot its workspace filter still sees one workspace only. The app role may read them, nothing more.
CREATE VIEW "contacts_search" AS
  SELECT "workspace_id", "id", "owner_id", "deleted_at", "name", "search_keys", "search_text", "created_at"
    FROM "contacts"
   WHERE "workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid;
--> statement-breakpoint
CREATE VIEW "accounts_search" AS
  SELECT "workspace_id", "id", "owner_id", "deleted_at", "name", "search_keys", "search_text", "created_at"
    FROM "accounts"
   WHERE "workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid;
--> statement-breakpoint
REVOKE ALL ON "contacts_search", "accounts_search" FROM guanxi_app;
--> statement-breakpoint
GRANT SELECT ON "contacts_search", "accounts_search" TO guanxi_app;
