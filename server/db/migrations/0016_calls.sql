CREATE TABLE "call_agents" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"extension" text NOT NULL,
	CONSTRAINT "call_agents_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "call_agents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "calls" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"direction" text NOT NULL,
	"customer_number" text NOT NULL,
	"line_number" text,
	"agent_id" uuid,
	"status" text NOT NULL,
	"contact_id" uuid,
	"started_at" timestamp (3) with time zone NOT NULL,
	"answered_at" timestamp (3) with time zone,
	"ended_at" timestamp (3) with time zone,
	"recording_url" text,
	"interaction_id" uuid,
	CONSTRAINT "calls_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "calls" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "call_agents_extension_idx" ON "call_agents" USING btree ("workspace_id","extension");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_external_idx" ON "calls" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "call_agents" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "calls" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);