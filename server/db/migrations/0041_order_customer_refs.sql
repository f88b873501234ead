CREATE TABLE "order_customer_refs" (
	"workspace_id" uuid NOT NULL,
	"external_ref" text NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_customer_refs_workspace_id_external_ref_pk" PRIMARY KEY("workspace_id","external_ref")
);
--> statement-breakpoint
ALTER TABLE "order_customer_refs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "order_customer_refs_account_idx" ON "order_customer_refs" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "order_customer_refs" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);