CREATE TABLE "case_sla_clocks" (
	"workspace_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"cycle" integer NOT NULL,
	"policy_id" uuid NOT NULL,
	"target_minutes" integer NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"stopped_at" timestamp (3) with time zone,
	"paused" boolean DEFAULT false NOT NULL,
	"elapsed_minutes" integer NOT NULL,
	"breached" boolean DEFAULT false NOT NULL,
	"warned_at" timestamp (3) with time zone,
	"escalated_at" timestamp (3) with time zone,
	"computed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "case_sla_clocks_workspace_id_case_id_metric_cycle_pk" PRIMARY KEY("workspace_id","case_id","metric","cycle")
);
--> statement-breakpoint
ALTER TABLE "case_sla_clocks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"business_hours" boolean DEFAULT true NOT NULL,
	"warn_before_minutes" integer DEFAULT 30 NOT NULL,
	"escalation" jsonb DEFAULT '{"notifyAssignee":true,"notifyManagers":true,"raisePriority":false}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "sla_policies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "case_sla_clocks_running_idx" ON "case_sla_clocks" USING btree ("workspace_id","due_at") WHERE stopped_at is null and not paused;--> statement-breakpoint
CREATE INDEX "case_sla_clocks_started_idx" ON "case_sla_clocks" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_sla_clocks" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sla_policies" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);