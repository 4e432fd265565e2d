CREATE TABLE "assistant_feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"answer_id" text NOT NULL,
	"rating" text NOT NULL,
	"comment" text,
	"language" text,
	"procedure_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"org_id" text,
	"key_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistant_tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"question" text NOT NULL,
	"transcript" jsonb NOT NULL,
	"language" text,
	"contact" text,
	"answer_id" text,
	"procedure_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"org_id" text,
	"key_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistant_unanswered" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"question" text NOT NULL,
	"language" text,
	"confidence" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"hash" text NOT NULL,
	"title" text NOT NULL,
	"source_path" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"added" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"failed" integer NOT NULL,
	"issues" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_procedure_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"procedure_id" text NOT NULL,
	"version" integer NOT NULL,
	"hash" text NOT NULL,
	"source" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_procedures" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"hash" text NOT NULL,
	"source" text NOT NULL,
	"data" jsonb NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_vectors" (
	"model" text NOT NULL,
	"key" text NOT NULL,
	"hash" text NOT NULL,
	"vector" jsonb NOT NULL,
	CONSTRAINT "kb_vectors_model_key_pk" PRIMARY KEY("model","key")
);
--> statement-breakpoint
CREATE INDEX "assistant_feedback_created_idx" ON "assistant_feedback" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "assistant_tickets_status_idx" ON "assistant_tickets" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "assistant_unanswered_created_idx" ON "assistant_unanswered" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_procedure_versions_uq" ON "kb_procedure_versions" USING btree ("procedure_id","version");