CREATE TABLE "pool_claims" (
	"workspace_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"claimed_at" timestamp (3) with time zone NOT NULL,
	"warned_for" timestamp (3) with time zone,
	CONSTRAINT "pool_claims_workspace_id_record_type_record_id_pk" PRIMARY KEY("workspace_id","record_type","record_id")
);
--> statement-breakpoint
ALTER TABLE "pool_claims" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pool_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"actor_user_id" uuid,
	"rule" text,
	"reason" text,
	"due_at" timestamp (3) with time zone,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "pool_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "pool_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pool_records" (
	"workspace_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"entered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_records_workspace_id_record_type_record_id_pk" PRIMARY KEY("workspace_id","record_type","record_id")
);
--> statement-breakpoint
ALTER TABLE "pool_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pool_role_limits" (
	"workspace_id" uuid NOT NULL,
	"role" text NOT NULL,
	"max_held" integer,
	"max_daily_claims" integer,
	CONSTRAINT "pool_role_limits_workspace_id_role_pk" PRIMARY KEY("workspace_id","role")
);
--> statement-breakpoint
ALTER TABLE "pool_role_limits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pools" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"record_type" text NOT NULL,
	"description" text,
	"roles" text[] DEFAULT '{}' NOT NULL,
	"team_ids" uuid[] DEFAULT '{}' NOT NULL,
	"follow_up_days" integer,
	"convert_days" integer,
	"warn_days" integer DEFAULT 3 NOT NULL,
	"cooldown_days" integer DEFAULT 0 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pools_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "pools" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pool_claims" ADD CONSTRAINT "pool_claims_workspace_id_pool_id_pools_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pool_id") REFERENCES "public"."pools"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_records" ADD CONSTRAINT "pool_records_workspace_id_pool_id_pools_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pool_id") REFERENCES "public"."pools"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pool_claims_user_idx" ON "pool_claims" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "pool_claims_pool_idx" ON "pool_claims" USING btree ("workspace_id","pool_id","claimed_at");--> statement-breakpoint
CREATE INDEX "pool_events_record_idx" ON "pool_events" USING btree ("workspace_id","record_type","record_id","id");--> statement-breakpoint
CREATE INDEX "pool_events_user_idx" ON "pool_events" USING btree ("workspace_id","user_id","kind","at");--> statement-breakpoint
CREATE INDEX "pool_records_list_idx" ON "pool_records" USING btree ("workspace_id","pool_id","entered_at" DESC NULLS LAST,"record_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pools_type_idx" ON "pools" USING btree ("workspace_id","record_type","position");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "pool_claims" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "pool_events" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "pool_records" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "pool_role_limits" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "pools" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);