CREATE TABLE "case_surveys" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"resolved_at" timestamp (3) with time zone NOT NULL,
	"contact_id" uuid,
	"agent_id" uuid,
	"station_id" uuid,
	"product_id" uuid,
	"language" text NOT NULL,
	"ask_nps" boolean NOT NULL,
	"send_after" timestamp (3) with time zone NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"skipped_reason" text,
	"token_hash" text,
	"answered_at" timestamp (3) with time zone,
	"csat" integer,
	"nps" integer,
	"comment" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_surveys_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_surveys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"workspace_id" uuid NOT NULL,
	"surveys_enabled" boolean DEFAULT true NOT NULL,
	"survey_delay_hours" integer DEFAULT 2 NOT NULL,
	"ask_nps" boolean DEFAULT true NOT NULL,
	"callback_after_hours" integer DEFAULT 24,
	"callback_type_ids" uuid[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_settings_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
ALTER TABLE "survey_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "case_surveys_resolution_idx" ON "case_surveys" USING btree ("workspace_id","case_id","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_surveys_token_idx" ON "case_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "case_surveys_due_idx" ON "case_surveys" USING btree ("send_after") WHERE sent_at is null and skipped_reason is null;--> statement-breakpoint
CREATE INDEX "case_surveys_answered_idx" ON "case_surveys" USING btree ("workspace_id","answered_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_surveys" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "survey_settings" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);