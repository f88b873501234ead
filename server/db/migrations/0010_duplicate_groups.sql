CREATE TABLE "duplicate_groups" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_ids" uuid[] NOT NULL,
	"score" real NOT NULL,
	"reasons" text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"scan_job_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_groups_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "duplicate_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "duplicate_groups_open_idx" ON "duplicate_groups" USING btree ("workspace_id","record_type","status","score");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "duplicate_groups" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);