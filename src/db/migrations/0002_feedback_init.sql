CREATE SEQUENCE "public"."feedback_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "feedback_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"hot" boolean DEFAULT false NOT NULL,
	"reject_days" integer DEFAULT 2 NOT NULL,
	"info_days" integer DEFAULT 5 NOT NULL,
	"answer_days" integer DEFAULT 15 NOT NULL,
	"publish_days" integer DEFAULT 2 NOT NULL,
	"reopen_days" integer DEFAULT 10 NOT NULL,
	"attributes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"idempotency_key" text,
	"category_code" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"search_text" text NOT NULL,
	"area_unit_id" uuid NOT NULL,
	"address" text NOT NULL,
	"lat" double precision,
	"long" double precision,
	"dossier_code" text,
	"reporter_name" text NOT NULL,
	"reporter_address" text NOT NULL,
	"reporter_phone" text,
	"reporter_email" text,
	"reporter_user_id" uuid,
	"tracking_hash" text NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"responsible_unit_path" text NOT NULL,
	"head_answers" boolean DEFAULT false NOT NULL,
	"assignee_user_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"effective_receipt_date" date NOT NULL,
	"reject_due" date NOT NULL,
	"info_due" date NOT NULL,
	"answer_due" date NOT NULL,
	"publish_due" date,
	"info_request" text,
	"info_reply" text,
	"reject_reason" text,
	"answer_text" text,
	"answer_drafted_by" uuid,
	"answer_approved_by" uuid,
	"answer_approved_by_name" text,
	"sent_at" timestamp with time zone,
	"on_time" boolean,
	"published_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"rating" text,
	"rated_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"duplicate_of_id" uuid,
	"deadline_state" text DEFAULT 'ok' NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_open311_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "feedback_open311_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "feedback_routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text,
	"area_unit_id" uuid,
	"responsible_unit_id" uuid NOT NULL,
	"head_answers" boolean,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "feedback_attachments_item_idx" ON "feedback_attachments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "feedback_events_item_idx" ON "feedback_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_code_uq" ON "feedback_items" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_idem_uq" ON "feedback_items" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "feedback_items_unit_idx" ON "feedback_items" USING btree ("responsible_unit_path" text_pattern_ops,"received_at");--> statement-breakpoint
CREATE INDEX "feedback_items_status_idx" ON "feedback_items" USING btree ("status","answer_due");--> statement-breakpoint
CREATE INDEX "feedback_items_area_cat_idx" ON "feedback_items" USING btree ("area_unit_id","category_code","status");--> statement-breakpoint
CREATE INDEX "feedback_items_received_idx" ON "feedback_items" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "feedback_items_published_idx" ON "feedback_items" USING btree ("published_at") WHERE "feedback_items"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "feedback_items_search_idx" ON "feedback_items" USING gin (to_tsvector('simple', "search_text"));