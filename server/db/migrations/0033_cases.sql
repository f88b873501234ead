CREATE TABLE "order_lines" (
	"workspace_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit_price" bigint NOT NULL,
	"list_price" bigint,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"tax_rate" numeric(5, 2) DEFAULT '0' NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"total" bigint NOT NULL,
	"warranty_ends_on" date,
	CONSTRAINT "order_lines_workspace_id_order_id_position_pk" PRIMARY KEY("workspace_id","order_id","position")
);
--> statement-breakpoint
ALTER TABLE "order_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "orders" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"seq" integer,
	"account_id" uuid,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"quote_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"ordered_at" timestamp (3) with time zone NOT NULL,
	"order_date" date NOT NULL,
	"confirmed_at" timestamp (3) with time zone,
	"fulfilled_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"currency" text NOT NULL,
	"subtotal" bigint DEFAULT 0 NOT NULL,
	"discount" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"external_ref" text,
	"notes" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_id" uuid,
	"deleted_at" timestamp (3) with time zone,
	"deleted_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "orders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_agents" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"away" boolean DEFAULT false NOT NULL,
	"capacity" integer,
	"last_assigned_at" timestamp (3) with time zone,
	CONSTRAINT "case_agents_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "case_agents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_queue_members" (
	"workspace_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "case_queue_members_workspace_id_queue_id_user_id_pk" PRIMARY KEY("workspace_id","queue_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "case_queue_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_queues" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_queues_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_queues" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_routing_rules" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"queue_id" uuid NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_routing_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_routing_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_status_changes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	CONSTRAINT "case_status_changes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_status_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_types" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text,
	"name" text,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "case_types_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_types" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cases" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" integer NOT NULL,
	"subject" text NOT NULL,
	"description" text,
	"type_id" uuid,
	"channel" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"language" text,
	"queue_id" uuid,
	"contact_id" uuid,
	"account_id" uuid,
	"product_id" uuid,
	"order_id" uuid,
	"first_response_at" timestamp (3) with time zone,
	"resolved_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"merged_into" uuid,
	"routing" jsonb,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_keys" text[] DEFAULT '{}' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"deleted_at" timestamp (3) with time zone,
	"deleted_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "service_settings" (
	"workspace_id" uuid NOT NULL,
	"number_prefix" text DEFAULT 'CS' NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"support_addresses" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "service_settings_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
ALTER TABLE "service_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "order_lines_product_idx" ON "order_lines" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_idx" ON "orders" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_external_idx" ON "orders" USING btree ("workspace_id","external_ref");--> statement-breakpoint
CREATE INDEX "orders_seq_idx" ON "orders" USING btree ("workspace_id","seq");--> statement-breakpoint
CREATE INDEX "orders_account_idx" ON "orders" USING btree ("workspace_id","account_id","ordered_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_contact_idx" ON "orders" USING btree ("workspace_id","contact_id","ordered_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_ordered_idx" ON "orders" USING btree ("workspace_id","ordered_at","id");--> statement-breakpoint
CREATE INDEX "orders_owner_idx" ON "orders" USING btree ("workspace_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "orders_opportunity_idx" ON "orders" USING btree ("workspace_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "orders_quote_idx" ON "orders" USING btree ("workspace_id","quote_id");--> statement-breakpoint
CREATE INDEX "case_queue_members_user_idx" ON "case_queue_members" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "case_status_changes_case_idx" ON "case_status_changes" USING btree ("workspace_id","case_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_types_key_idx" ON "case_types" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_idx" ON "cases" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("workspace_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("workspace_id","queue_id","status");--> statement-breakpoint
CREATE INDEX "cases_contact_idx" ON "cases" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "cases_account_idx" ON "cases" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "cases_search_keys_idx" ON "cases" USING gin ("workspace_id","search_keys");--> statement-breakpoint
CREATE INDEX "cases_search_order_idx" ON "cases" USING btree ("workspace_id",length("subject"),"created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_search_text_idx" ON "cases" USING gin ("workspace_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "order_lines" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "orders" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_agents" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_queue_members" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_queues" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_routing_rules" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_status_changes" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_types" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "cases" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "service_settings" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
-- Search reads cases through this view, as it reads contacts (migration 0013, docs/search.md): under the
-- tenant policy no index serves `&&` or `<%`. Its WHERE is the policy's own condition; `name` is the subject.
CREATE VIEW "cases_search" AS
  SELECT "workspace_id", "id", "owner_id", "deleted_at", "subject" AS "name", "search_keys", "search_text", "created_at"
    FROM "cases"
   WHERE "workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid;
--> statement-breakpoint
REVOKE ALL ON "cases_search" FROM guanxi_app;
--> statement-breakpoint
GRANT SELECT ON "cases_search" TO guanxi_app;
