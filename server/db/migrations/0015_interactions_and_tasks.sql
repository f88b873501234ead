CREATE TABLE "interaction_links" (
	"workspace_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"owner_id" uuid,
	CONSTRAINT "interaction_links_workspace_id_record_type_record_id_interaction_id_pk" PRIMARY KEY("workspace_id","record_type","record_id","interaction_id")
);
--> statement-breakpoint
ALTER TABLE "interaction_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "interactions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"direction" text,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"duration_seconds" integer,
	"subject" text,
	"body" text,
	"outcome" text,
	"participants" jsonb DEFAULT '[]' NOT NULL,
	"attachments" jsonb DEFAULT '[]' NOT NULL,
	"owner_id" uuid,
	"external_id" text,
	"thread_id" uuid,
	"deleted_at" timestamp (3) with time zone,
	"deleted_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "interactions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"due_at" timestamp (3) with time zone,
	"remind_at" timestamp (3) with time zone,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp (3) with time zone,
	"recurrence" text,
	"record_type" text,
	"record_id" uuid,
	"owner_id" uuid,
	"deleted_at" timestamp (3) with time zone,
	"deleted_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "interaction_links_timeline_idx" ON "interaction_links" USING btree ("workspace_id","record_type","record_id","occurred_at" DESC NULLS LAST,"interaction_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interaction_links_interaction_idx" ON "interaction_links" USING btree ("workspace_id","interaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_external_idx" ON "interactions" USING btree ("workspace_id","channel","external_id");--> statement-breakpoint
CREATE INDEX "interactions_thread_idx" ON "interactions" USING btree ("workspace_id","thread_id");--> statement-breakpoint
CREATE INDEX "tasks_owner_due_idx" ON "tasks" USING btree ("workspace_id","owner_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tasks_record_idx" ON "tasks" USING btree ("workspace_id","record_type","record_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "interaction_links" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "interactions" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tasks" AS PERMISSIVE FOR ALL TO "guanxi_app" USING ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);