CREATE TABLE "merge_history" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"primary_id" uuid NOT NULL,
	"merged_ids" uuid[] NOT NULL,
	"set_aside" jsonb NOT NULL,
	"merged_by" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merge_history_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "merge_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
CREATE INDEX "merge_history_primary_idx" ON "merge_history" USING btree ("workspace_id","record_type","primary_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "merge_history" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);