CREATE TABLE "forecast_snapshots" (
	"workspace_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"owner_id" uuid DEFAULT '00000000-0000-0000-0000-000000000000' NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"weighted" bigint NOT NULL,
	"deals" bigint NOT NULL,
	CONSTRAINT "forecast_snapshots_workspace_id_taken_on_owner_id_month_category_currency_pk" PRIMARY KEY("workspace_id","taken_on","owner_id","month","category","currency")
);
--> statement-breakpoint
ALTER TABLE "forecast_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sales_quotas" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"month" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_quotas_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "sales_quotas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "forecast_snapshots_month_idx" ON "forecast_snapshots" USING btree ("workspace_id","month","taken_on");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_quotas_subject_idx" ON "sales_quotas" USING btree ("workspace_id","subject_type","subject_id","month","currency");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "forecast_snapshots" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sales_quotas" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);