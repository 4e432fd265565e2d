CREATE TABLE "privacy_mappings" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text,
	"key_id" text,
	"request_id" text,
	"source" text NOT NULL,
	"types" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_subject_refs" (
	"hash" text NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"org_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_subject_refs_hash_kind_ref_pk" PRIMARY KEY("hash","kind","ref")
);
--> statement-breakpoint
CREATE INDEX "privacy_mappings_org_created_idx" ON "privacy_mappings" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "privacy_mappings_expires_idx" ON "privacy_mappings" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "privacy_subject_refs_ref_idx" ON "privacy_subject_refs" USING btree ("kind","ref");