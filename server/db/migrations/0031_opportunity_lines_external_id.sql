CREATE TABLE "opportunity_lines" (
	"workspace_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit_price" bigint NOT NULL,
	"list_price" bigint,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "opportunity_lines_workspace_id_opportunity_id_position_pk" PRIMARY KEY("workspace_id","opportunity_id","position")
);
--> statement-breakpoint
ALTER TABLE "opportunity_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE INDEX "opportunity_lines_product_idx" ON "opportunity_lines" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_external_idx" ON "opportunities" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "opportunity_lines" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);