CREATE TABLE "audit_entries" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"request_id" text,
	"org_id" text,
	"key_id" text,
	"action" text NOT NULL,
	"model" text,
	"provider" text,
	"location" text,
	"decision" text,
	"data_class" text,
	"status" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"scopes" jsonb,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix"),
	CONSTRAINT "api_keys_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "orgs_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"org_id" text,
	"key_id" text,
	"endpoint" text NOT NULL,
	"model" text NOT NULL,
	"provider" text,
	"upstream_model" text,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"total_tokens" integer DEFAULT 0 NOT NULL,
	"cost_mad" numeric(18, 6) DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"http_status" integer,
	"error_code" text,
	"stream" boolean DEFAULT false NOT NULL,
	"usage_source" text DEFAULT 'provider' NOT NULL,
	"latency_ms" integer,
	"ttft_ms" integer,
	"attempts" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "usage_records_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_ts_idx" ON "audit_entries" USING btree ("ts");--> statement-breakpoint
CREATE INDEX "audit_org_idx" ON "audit_entries" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "audit_request_idx" ON "audit_entries" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "usage_ts_idx" ON "usage_records" USING btree ("ts");--> statement-breakpoint
CREATE INDEX "usage_org_ts_idx" ON "usage_records" USING btree ("org_id","ts");--> statement-breakpoint
CREATE INDEX "usage_key_ts_idx" ON "usage_records" USING btree ("key_id","ts");