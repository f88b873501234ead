ALTER TABLE "customer_value" ADD COLUMN "ltv_model" text DEFAULT 'simple' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_value" ADD COLUMN "probability_alive" double precision;--> statement-breakpoint
ALTER TABLE "customer_value" ADD COLUMN "expected_purchases_12m" double precision;