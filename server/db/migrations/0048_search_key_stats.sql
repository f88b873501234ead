CREATE TABLE "search_key_stats" (
	"workspace_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"common_keys" text[] NOT NULL,
	"records" integer NOT NULL,
	"sampled_percent" real NOT NULL,
	"counted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_key_stats_workspace_id_record_type_pk" PRIMARY KEY("workspace_id","record_type")
);
--> statement-breakpoint
ALTER TABLE "search_key_stats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "search_key_stats" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);