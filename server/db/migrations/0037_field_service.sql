CREATE TABLE "field_service_settings" (
	"workspace_id" uuid NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"weights" jsonb DEFAULT '{"location":40,"skill":30,"rating":20,"workload":10}'::jsonb NOT NULL,
	"max_distance_km" integer DEFAULT 300 NOT NULL,
	"rating_prior_count" integer DEFAULT 10 NOT NULL,
	"poor_rating_below" double precision DEFAULT 3.5 NOT NULL,
	"poor_rating_min_count" integer DEFAULT 5 NOT NULL,
	CONSTRAINT "field_service_settings_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
ALTER TABLE "field_service_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "service_stations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"province" text NOT NULL,
	"city" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"product_ids" uuid[] DEFAULT '{}' NOT NULL,
	"category_ids" uuid[] DEFAULT '{}' NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"phone" text,
	"rating_sum" double precision DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_stations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "service_stations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "station_technicians" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_technicians_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "station_technicians" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_order_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"station_id" uuid,
	"note" text,
	"detail" jsonb,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"by" uuid,
	CONSTRAINT "work_order_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "work_order_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_orders" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"product_id" uuid,
	"owner_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"customer_name" text,
	"customer_phone" text,
	"province" text,
	"city" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"problem" text,
	"station_id" uuid,
	"technician_id" uuid,
	"note" text,
	"override_reason" text,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"labour_minutes" integer,
	"dispatched_at" timestamp (3) with time zone,
	"accepted_at" timestamp (3) with time zone,
	"on_site_at" timestamp (3) with time zone,
	"done_at" timestamp (3) with time zone,
	"declined_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_orders_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "work_orders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "service_stations_province_idx" ON "service_stations" USING btree ("workspace_id","province");--> statement-breakpoint
CREATE INDEX "station_technicians_station_idx" ON "station_technicians" USING btree ("workspace_id","station_id");--> statement-breakpoint
CREATE INDEX "work_order_events_order_idx" ON "work_order_events" USING btree ("workspace_id","work_order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_number_idx" ON "work_orders" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "work_orders_station_idx" ON "work_orders" USING btree ("workspace_id","station_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_case_idx" ON "work_orders" USING btree ("workspace_id","case_id");--> statement-breakpoint
CREATE INDEX "work_orders_created_idx" ON "work_orders" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "work_orders_owner_idx" ON "work_orders" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "field_service_settings" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "service_stations" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "station_technicians" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "work_order_events" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "work_orders" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);