CREATE TABLE "quote_lines" (
	"workspace_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"description" text,
	"quantity" numeric(14, 3) NOT NULL,
	"unit_price" bigint NOT NULL,
	"list_price" bigint,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"tax_rate" numeric(5, 2),
	"subtotal" bigint NOT NULL,
	"discount" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "quote_lines_workspace_id_quote_id_position_pk" PRIMARY KEY("workspace_id","quote_id","position")
);
--> statement-breakpoint
ALTER TABLE "quote_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "quote_settings" (
	"workspace_id" uuid NOT NULL,
	"approval_threshold_percent" numeric(5, 2) DEFAULT '15' NOT NULL,
	"validity_days" integer DEFAULT 30 NOT NULL,
	"win_deal_on_accept" boolean DEFAULT true NOT NULL,
	"default_terms" text,
	"default_tax_rate" numeric(5, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "quote_settings_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
ALTER TABLE "quote_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "quotes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"account_id" uuid,
	"contact_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"language" text NOT NULL,
	"currency" text NOT NULL,
	"valid_until" date NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"tax_rate" numeric(5, 2) DEFAULT '0' NOT NULL,
	"terms" text,
	"notes" text,
	"subtotal" bigint DEFAULT 0 NOT NULL,
	"discount" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"effective_discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"approval_requested_by" uuid,
	"approval_requested_at" timestamp (3) with time zone,
	"approval_decision" text,
	"approval_decided_by" uuid,
	"approval_decided_at" timestamp (3) with time zone,
	"approval_comment" text,
	"sent_at" timestamp (3) with time zone,
	"decided_at" timestamp (3) with time zone,
	"order_id" uuid,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "quotes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "quote_lines_product_idx" ON "quote_lines" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_version_key" ON "quotes" USING btree ("workspace_id","number","version");--> statement-breakpoint
CREATE INDEX "quotes_opportunity_idx" ON "quotes" USING btree ("workspace_id","opportunity_id","number","version");--> statement-breakpoint
CREATE INDEX "quotes_created_idx" ON "quotes" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quotes_status_idx" ON "quotes" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "quote_lines" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "quote_settings" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "quotes" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);