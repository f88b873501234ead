CREATE TABLE "service_reminder_rules" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"trigger" text NOT NULL,
	"days_before" integer NOT NULL,
	"create_task" boolean DEFAULT true NOT NULL,
	"email_customer" boolean DEFAULT false NOT NULL,
	"notify_owner" boolean DEFAULT true NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_reminder_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "service_reminder_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "service_reminders_fired" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"subject_key" text NOT NULL,
	"ends_on" date NOT NULL,
	"product_id" uuid,
	"product_name" text NOT NULL,
	"order_id" uuid,
	"order_number" text,
	"account_id" uuid,
	"contact_id" uuid,
	"owner_id" uuid,
	"task_id" uuid,
	"email_id" uuid,
	"email_skipped" text,
	"language" text,
	"fired_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_reminders_fired_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "service_reminders_fired" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "service_reminders_fired_once_idx" ON "service_reminders_fired" USING btree ("workspace_id","rule_id","subject_key");--> statement-breakpoint
CREATE INDEX "service_reminders_fired_at_idx" ON "service_reminders_fired" USING btree ("workspace_id","fired_at");--> statement-breakpoint
CREATE INDEX "order_lines_warranty_idx" ON "order_lines" USING btree ("workspace_id","warranty_ends_on") WHERE warranty_ends_on is not null;--> statement-breakpoint
CREATE INDEX "case_status_changes_at_idx" ON "case_status_changes" USING btree ("workspace_id","changed_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "service_reminder_rules" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "service_reminders_fired" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);