CREATE TABLE "customer_value" (
	"workspace_id" uuid NOT NULL,
	"customer_type" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"revenue" bigint NOT NULL,
	"orders" integer NOT NULL,
	"first_purchase_at" timestamp (3) with time zone NOT NULL,
	"last_purchase_at" timestamp (3) with time zone NOT NULL,
	"average_order_value" bigint NOT NULL,
	"orders_per_year" double precision NOT NULL,
	"lifetime_value" bigint NOT NULL,
	"abc_tier" text NOT NULL,
	"recency_days" integer NOT NULL,
	"r" smallint NOT NULL,
	"f" smallint NOT NULL,
	"m" smallint NOT NULL,
	"fm" smallint NOT NULL,
	"segment" text NOT NULL,
	"churn_score" smallint NOT NULL,
	"churn_reasons" jsonb NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "customer_value_workspace_id_customer_type_customer_id_pk" PRIMARY KEY("workspace_id","customer_type","customer_id")
);
--> statement-breakpoint
ALTER TABLE "customer_value" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "product_recommendations" (
	"workspace_id" uuid NOT NULL,
	"customer_type" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"product_id" uuid NOT NULL,
	"because_product_id" uuid NOT NULL,
	"together" integer NOT NULL,
	"confidence" real NOT NULL,
	"lift" real NOT NULL,
	CONSTRAINT "product_recommendations_workspace_id_customer_type_customer_id_rank_pk" PRIMARY KEY("workspace_id","customer_type","customer_id","rank")
);
--> statement-breakpoint
ALTER TABLE "product_recommendations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "value_analyses" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"abc_a" real DEFAULT 0.8 NOT NULL,
	"abc_b" real DEFAULT 0.95 NOT NULL,
	"summary" jsonb,
	"computed_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "value_analyses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "customer_value_cell_idx" ON "customer_value" USING btree ("workspace_id","r","fm");--> statement-breakpoint
CREATE INDEX "customer_value_churn_idx" ON "customer_value" USING btree ("workspace_id","churn_score" DESC NULLS LAST);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "customer_value" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "product_recommendations" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "value_analyses" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);