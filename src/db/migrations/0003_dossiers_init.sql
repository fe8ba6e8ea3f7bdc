CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"receiving_kinds" text[] NOT NULL,
	"processing_days" integer NOT NULL,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"components" jsonb NOT NULL,
	"online_level" text NOT NULL,
	"legal_basis" text[] NOT NULL,
	"workflow" jsonb NOT NULL,
	"result_name" text DEFAULT '' NOT NULL,
	"valid_from" date DEFAULT '2000-01-01' NOT NULL,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_counters" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "dossier_counters_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"step_key" text,
	"step_name" text,
	"unit_name" text,
	"actor_name" text,
	"note" text,
	"due_date" date,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "dossier_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"component_key" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"receiving_unit_path" text NOT NULL,
	"holder_unit_id" uuid NOT NULL,
	"holder_unit_path" text NOT NULL,
	"unit_paths" text[] NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"channel" smallint NOT NULL,
	"applicant_user_id" uuid,
	"applicant_name" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"applicant_email" text,
	"applicant_address" text,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"effective_receipt_date" date,
	"due_date" date,
	"original_due_date" date,
	"clock_remaining_days" integer,
	"status_before_supplement" text,
	"supplement_count" smallint DEFAULT 0 NOT NULL,
	"apology_count" smallint DEFAULT 0 NOT NULL,
	"step_index" smallint DEFAULT 0 NOT NULL,
	"step_started_at" timestamp with time zone,
	"step_due_date" date,
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"digitised" boolean DEFAULT false NOT NULL,
	"has_e_result" boolean DEFAULT false NOT NULL,
	"rating" smallint,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"reason" text,
	"idempotency_key" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_code_uq" ON "procedures" USING btree ("code");--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE INDEX "dossier_files_dossier_idx" ON "dossier_files" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_outbox_event_channel_uq" ON "dossier_outbox" USING btree ("event_id","channel");--> statement-breakpoint
CREATE INDEX "dossier_outbox_pending_idx" ON "dossier_outbox" USING btree ("created_at") WHERE sent_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_idem_uq" ON "dossiers" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_path_idx" ON "dossiers" USING btree ("receiving_unit_path" text_pattern_ops,"submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_holder_path_idx" ON "dossiers" USING btree ("holder_unit_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "dossiers" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "dossiers_procedure_idx" ON "dossiers" USING btree ("procedure_id");