CREATE TABLE "ri_area_results" (
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sort_order" integer NOT NULL,
	"points" double precision NOT NULL,
	"applicable_max" double precision NOT NULL,
	"percent" double precision,
	"rank" integer,
	"rank_of" integer NOT NULL,
	"previous_percent" double precision,
	"delta_percent_points" double precision,
	"previous_rank" integer,
	"rank_change" integer
);
--> statement-breakpoint
CREATE TABLE "ri_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"field" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"reason" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"name_en" text,
	"sort_order" integer NOT NULL,
	"max_points" numeric(10, 3) NOT NULL,
	"method" text NOT NULL,
	"rule" jsonb NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"allow_not_applicable" boolean DEFAULT false NOT NULL,
	"metric_key" text
);
--> statement-breakpoint
CREATE TABLE "ri_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"name" text NOT NULL,
	"deadline" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"published_on" date,
	"computed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text,
	"content_type" text,
	"size" integer,
	"storage_key" text,
	"link_type" text,
	"link_ref" text,
	"note" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"copied_from_id" uuid,
	"bands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"top_n" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_peer_group_units" (
	"group_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"block" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_peer_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"label_vi" text NOT NULL,
	"label_en" text,
	"owner_unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_results" (
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"block" text NOT NULL,
	"points" double precision NOT NULL,
	"max_points" double precision NOT NULL,
	"applicable_max" double precision NOT NULL,
	"percent" double precision,
	"rank" integer,
	"rank_of" integer NOT NULL,
	"previous_percent" double precision,
	"delta_percent_points" double precision,
	"previous_rank" integer,
	"rank_change" integer,
	"band" text,
	"in_top_n" boolean,
	"previous_in_top_n" boolean,
	"missing_leaves" integer DEFAULT 0 NOT NULL,
	"not_applicable_leaves" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"self_score" numeric(10, 3),
	"self_note" text,
	"appraised_score" numeric(10, 3),
	"appraisal_reason" text,
	"appraised_by" uuid,
	"survey_points" numeric(10, 3),
	"not_applicable" boolean DEFAULT false NOT NULL,
	"computed_value" double precision,
	"metric_snapshot" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ri_summaries" (
	"cycle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ri_area_results_uq" ON "ri_area_results" USING btree ("cycle_id","unit_id","area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_assessments_uq" ON "ri_assessments" USING btree ("cycle_id","unit_id");--> statement-breakpoint
CREATE INDEX "ri_corrections_cycle_idx" ON "ri_corrections" USING btree ("cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_criteria_uq" ON "ri_criteria" USING btree ("framework_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_cycles_framework_uq" ON "ri_cycles" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "ri_evidence_assessment_idx" ON "ri_evidence" USING btree ("assessment_id","criterion_code");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_frameworks_code_uq" ON "ri_frameworks" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ri_frameworks_group_idx" ON "ri_frameworks" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_peer_group_units_uq" ON "ri_peer_group_units" USING btree ("group_id","unit_id");--> statement-breakpoint
CREATE INDEX "ri_pgu_unit_idx" ON "ri_peer_group_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_peer_groups_code_year_uq" ON "ri_peer_groups" USING btree ("code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_results_uq" ON "ri_results" USING btree ("cycle_id","unit_id");--> statement-breakpoint
CREATE INDEX "ri_results_unit_idx" ON "ri_results" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_scores_uq" ON "ri_scores" USING btree ("assessment_id","criterion_code");--> statement-breakpoint
CREATE UNIQUE INDEX "ri_summaries_uq" ON "ri_summaries" USING btree ("cycle_id","kind","code");